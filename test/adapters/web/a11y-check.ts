import type { Page } from 'playwright-core';

/** One thing a screen-reader or keyboard user would miss, described so a failing test says where. */
export type A11yProblem = string;

// Runs in the page (as a string: the test project has no DOM types). A small, axe-like subset: landmarks,
// names of buttons, links and groups, labels of inputs, the live region, language and viewport.
const CHECK = `(() => {
  const problems = [];
  const text = (el) => (el ? (el.textContent || '').replace(/\\s+/g, ' ').trim() : '');
  const byIds = (ids) => ids.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  const name = (el) =>
    (el.getAttribute('aria-label') || '').trim() ||
    (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')) : '') ||
    (el.id ? Array.from(document.querySelectorAll('label[for="' + el.id + '"]')).map(text).join(' ').trim() : '') ||
    text(el.closest('label')) ||
    (el.tagName === 'INPUT' ? '' : text(el));
  if (!document.documentElement.lang) problems.push('html has no lang');
  const viewport = document.querySelector('meta[name="viewport"]');
  if (!viewport || !/width=device-width/.test(viewport.content)) problems.push('no responsive meta viewport');
  if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
  if (!document.querySelector('h1')) problems.push('no h1');
  const log = document.getElementById('messages');
  if (!log || log.tagName !== 'OL' && log.tagName !== 'UL') problems.push('messages are not a list');
  else if (log.getAttribute('aria-live') !== 'polite') problems.push('messages list is not aria-live=polite');
  document.querySelectorAll('button').forEach((el, i) => {
    if (!name(el)) problems.push('button ' + i + ' has no accessible name');
    if (el.type !== 'button' && el.type !== 'submit') problems.push('button ' + i + ' has type ' + el.type);
  });
  document.querySelectorAll('input, textarea, select').forEach((el) => {
    if (el.type === 'hidden') return;
    const label = el.id && document.querySelector('label[for="' + el.id + '"]');
    if (!label || !text(label)) problems.push((el.id || el.tagName) + ' has no <label for>');
  });
  document.querySelectorAll('a').forEach((el, i) => {
    if (!name(el)) problems.push('link ' + i + ' has no text');
    if (!el.getAttribute('href')) problems.push('link ' + i + ' has no href');
  });
  document.querySelectorAll('[role="group"]').forEach((el, i) => {
    if (!name(el)) problems.push('group ' + i + ' has no label');
  });
  document.querySelectorAll('[id]').forEach((el) => {
    if (document.querySelectorAll('[id="' + el.id + '"]').length > 1) problems.push('duplicate id ' + el.id);
  });
  document.querySelectorAll('[tabindex]').forEach((el) => {
    if (Number(el.getAttribute('tabindex')) > 0) problems.push('positive tabindex on ' + el.tagName);
  });
  return problems;
})()`;

/** The accessibility problems on the page as it is now (an empty list when there are none). */
export async function findA11yProblems(page: Page): Promise<A11yProblem[]> {
  return page.evaluate<A11yProblem[]>(CHECK);
}
