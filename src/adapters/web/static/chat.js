/* global window, document, sessionStorage, fetch, crypto, navigator */
// The local web chat page: posts each turn to /api/web/turn and shows the replies it gets back
// (render.js builds them).
'use strict';

(function () {
  const R = window.GuidebotRender;
  const MESSAGES = {
    unreachable: 'guidebot could not be reached. Check that it is still running, then try again.',
    refused: (status) =>
      status === 400 || status === 413
        ? `guidebot could not take that message (error ${status}). Try a shorter one.`
        : `Something went wrong in guidebot (error ${status}). Please try again.`,
    tooLong: (length, max) =>
      `Your message is ${length.toLocaleString('en-CA')} characters long; the limit is ${max.toLocaleString('en-CA')}. Please shorten it.`,
    copied: 'Decision record copied.',
    notCopied: 'The record could not be copied: use "Download (.md)" instead.',
    dialog: (title, step) => `${title}: ${step}`,
  };
  const CONVERSATION_KEY = 'guidebot.conversation';

  const list = document.getElementById('messages');
  const form = document.getElementById('ask');
  const input = document.getElementById('message');
  const status = document.getElementById('status');
  const dialogBar = document.getElementById('dialog-bar');
  let conversation = conversationId(false);
  let welcome = null;
  let busy = false;
  // One random id per browser tab (a new one for a new conversation): no name, no account.
  function conversationId(fresh) {
    let id = null;
    try {
      if (!fresh) id = sessionStorage.getItem(CONVERSATION_KEY);
    } catch {
      // Storage can be blocked; the id then lasts as long as the page.
    }
    if (id && /^[A-Za-z0-9_-]{8,64}$/.test(id)) return id;
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      sessionStorage.setItem(CONVERSATION_KEY, id);
    } catch {
      // As above.
    }
    return id;
  }

  const handlers = {
    choose: (choice, button) => choose(choice, button),
    ask: (example) => askText(example.label),
    copy: (record) => copyRecord(record),
  };

  // The header line and each step say where the person is: "Should I involve PAB?: Step 2 of 4", as the
  // server counts it (every channel gets the same count).
  let inDialog = false;
  function stepOf(reply) {
    if (!reply.dialog) return '';
    const progress = reply.dialog.progress;
    inDialog = !reply.dialog.ended;
    const shown = reply.dialog.ended ? R.LABELS.finished : progress ? R.LABELS.step(progress) : '';
    dialogBar.textContent = shown ? MESSAGES.dialog(reply.dialog.title, shown) : reply.dialog.title;
    dialogBar.hidden = false;
    return shown;
  }

  function showReplies(replies) {
    if (!replies.some((reply) => reply.dialog) && !inDialog) dialogBar.hidden = true;
    const items = replies.map((reply) => R.renderReply(reply, handlers, stepOf(reply)));
    for (const item of items) list.appendChild(item);
    if (items[0]) items[0].scrollIntoView({ block: 'start' });
    return items;
  }

  // Buttons of earlier replies stop working once a new turn is answered (the bot only knows the latest
  // offer), and are marked as past. The welcome's buttons stay: they ask or start a check from anywhere.
  function retireButtons() {
    for (const group of list.querySelectorAll('li:not(.welcome) .buttons:not(.record)')) R.markPast(group);
  }

  /** Posts one turn; returns the new reply items, or null when it failed (the status line says why). */
  async function send(turn, shownAs) {
    busy = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = '';
    // Shown at once; taken back if the turn fails (typed text goes back into the box to send again).
    const mine = list.appendChild(R.renderMine(shownAs));
    try {
      const response = await fetch('/api/web/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation, ...turn }),
      });
      if (!response.ok) {
        mine.remove();
        status.textContent = MESSAGES.refused(response.status);
        return null;
      }
      const { replies } = await response.json();
      retireButtons();
      return showReplies(replies);
    } catch {
      mine.remove();
      status.textContent = MESSAGES.unreachable;
      return null;
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  }

  async function choose(choice, button) {
    if (busy || button.disabled) return;
    const items = await send({ choice: choice.id }, choice.label);
    if (items) button.classList.add('chosen');
    // Keyboard users continue where the new choices are (a dialog's next step), else back in the message box.
    const next = items && items.length ? firstChoice(items[items.length - 1]) : null;
    (next || input).focus();
  }

  function firstChoice(item) {
    return item.querySelector('.choices button:not([disabled]), .consent button:not([disabled])');
  }

  // Too long is refused with the limit named: the text stays in the box to shorten.
  async function askText(text) {
    const max = welcome ? welcome.maxTextLength : Infinity;
    if (text.length > max) {
      status.textContent = MESSAGES.tooLong(text.length, max);
      return false;
    }
    return Boolean(await send({ text }, text));
  }

  async function copyRecord(record) {
    try {
      await navigator.clipboard.writeText(record);
      status.textContent = MESSAGES.copied;
    } catch {
      status.textContent = MESSAGES.notCopied;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    if (!(await askText(text))) input.value = text;
    input.focus();
  });

  // Shift+Tab from the message box goes to the choices of the latest message, where the answer is.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !event.shiftKey) return;
    const last = list.querySelector('li.bot:last-child');
    const target = last && (firstChoice(last) || last.querySelector('button:not([disabled]), a'));
    if (!target) return;
    event.preventDefault();
    target.focus();
  });

  function showWelcome() {
    list.textContent = '';
    inDialog = false;
    dialogBar.hidden = true;
    list.appendChild(R.renderWelcome(welcome, handlers));
  }

  document.getElementById('new-conversation').addEventListener('click', () => {
    if (busy || !welcome) return;
    conversation = conversationId(true);
    status.textContent = '';
    showWelcome();
    input.value = '';
    input.focus();
  });

  fetch('/api/web/welcome')
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((body) => {
      welcome = body.welcome;
      R.renderGuideline(document.getElementById('guideline'), welcome.guideline);
      showWelcome();
    })
    .catch(() => {
      status.textContent = MESSAGES.unreachable;
    });
})();
