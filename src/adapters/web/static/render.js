/* global window, document, URL, Blob */
// Builds the chat's messages from the replies the server sends. Text from the bot or the person only ever
// reaches the page through textContent and text nodes, never as HTML.
'use strict';

window.GuidebotRender = (function () {
  // The few words the page adds around the bot's replies; everything about the guideline comes from the
  // server, which reads it from knowledge/.
  const LABELS = {
    you: 'You',
    bot: 'guidebot',
    choices: 'Choices',
    examples: 'Example questions',
    contacts: 'Who to contact',
    feedback: 'Was this helpful?',
    consent: 'Forward your question?',
    escalationLead: (name) => `This is exactly what would be sent to ${name}:`,
    // The dialog engine's count (reply.dialog.progress): `exact` is false while a shorter way is still open.
    step: (progress) => `Step ${progress.step} of ${progress.exact ? '' : 'up to '}${progress.total}`,
    finished: 'Finished',
    past: 'Earlier choices:',
    record: 'Decision record',
    copy: 'Copy record',
    download: 'Download (.md)',
  };
  let ids = 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function appendParagraphs(parent, text) {
    for (const part of String(text || '').split(/\n{2,}/))
      if (part.trim()) parent.appendChild(el('p', '', part));
  }

  function link(href, text) {
    const a = el('a', '', text);
    a.href = href;
    return a;
  }

  // The citation links to the section in the guideline page this server renders.
  function renderPassage(passage) {
    const figure = el('figure', 'passage');
    figure.appendChild(el('blockquote', '', passage.text));
    const caption = el('figcaption', 'citation');
    const cite = el('cite');
    cite.appendChild(
      link(`/guideline#${encodeURIComponent(passage.citation.sectionId)}`, passage.citation.label),
    );
    caption.append('— ', cite, ` (guidelines, ${passage.citation.version})`);
    figure.appendChild(caption);
    return figure;
  }

  function renderButtons(kind, heading, groupLabel, choices, onChoose) {
    const group = el('div', `buttons ${kind}`);
    group.setAttribute('role', 'group');
    if (heading) {
      const title = el('p', 'buttons-heading', heading);
      title.id = `label-${++ids}`;
      group.appendChild(title);
      group.setAttribute('aria-labelledby', title.id);
    } else {
      group.setAttribute('aria-label', groupLabel);
    }
    for (const choice of choices) {
      const button = el('button', 'choice', choice.label);
      button.type = 'button';
      button.dataset.choice = choice.id;
      button.addEventListener('click', () => onChoose(choice, button));
      group.appendChild(button);
    }
    return group;
  }

  function renderContacts(contacts) {
    const box = el('div', 'contacts');
    box.appendChild(el('p', 'contacts-heading', LABELS.contacts));
    const ul = el('ul');
    for (const contact of contacts) {
      const li = el('li');
      li.appendChild(el('strong', '', contact.name));
      const details = el('span', 'contact-details');
      if (contact.email) details.append(link(`mailto:${contact.email}`, contact.email));
      // One dialable link per number; the note ("then choose Option 3") stays text.
      for (const phone of contact.phones ?? []) details.append(link(`tel:${phone.tel}`, phone.number));
      if (contact.phoneNote) details.append(el('span', 'phone-note', contact.phoneNote));
      if (contact.phone && !contact.phones)
        details.append(link(`tel:${contact.phone.replace(/[^\d+]/g, '')}`, contact.phone));
      if (contact.url && /^https?:\/\//i.test(contact.url)) details.append(link(contact.url, contact.url));
      if (details.childNodes.length) li.appendChild(details);
      if (contact.note) li.appendChild(el('span', 'contact-note', contact.note));
      ul.appendChild(li);
    }
    box.appendChild(ul);
    return box;
  }

  // With somewhere to send it: what would be sent, and consent. Without: the same text in an e-mail link.
  function renderEscalation(escalation, onChoose) {
    const box = el('div', 'escalation');
    if (escalation.mailto) {
      box.appendChild(el('p', '', escalation.emailLead));
      box.appendChild(el('p', 'escalation-summary', escalation.summary));
      box
        .appendChild(el('p', 'escalation-mail'))
        .appendChild(link(escalation.mailto, escalation.contact.email));
      return box;
    }
    box.appendChild(el('p', '', LABELS.escalationLead(escalation.contact.name)));
    box.appendChild(el('p', 'escalation-summary', escalation.summary));
    box.appendChild(renderButtons('consent', '', LABELS.consent, escalation.consentChoices, onChoose));
    return box;
  }

  // A dialog outcome's decision record (Markdown): copy it, or save it as a file.
  function renderRecord(record, onCopy) {
    const group = el('div', 'buttons record');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', LABELS.record);
    const copy = el('button', 'record-copy', LABELS.copy);
    copy.type = 'button';
    copy.addEventListener('click', () => onCopy(record));
    const download = link('#', LABELS.download);
    download.className = 'record-download';
    download.download = 'decision-record.md';
    download.addEventListener('click', () => {
      download.href = URL.createObjectURL(new Blob([record], { type: 'text/markdown' }));
    });
    group.append(copy, download);
    return group;
  }

  function renderReply(reply, handlers, stepText) {
    const item = el('li', `message bot ${reply.kind}`);
    item.appendChild(el('p', 'speaker', LABELS.bot));
    if (reply.dialog) item.appendChild(el('p', 'dialog-step', stepText));
    // `text` repeats the passages and numbered choices for terminals: use it only when there is nothing else.
    appendParagraphs(item, reply.intro !== undefined ? reply.intro : reply.passages.length ? '' : reply.text);
    for (const passage of reply.passages) item.appendChild(renderPassage(passage));
    // Consent and feedback buttons get their own groups below, even if the core also lists them as choices.
    const consent = reply.escalation ? reply.escalation.consentChoices : [];
    const own = new Set([...consent, ...reply.feedbackChoices].map((choice) => choice.id));
    const choices = reply.choices.filter((choice) => !own.has(choice.id));
    if (choices.length)
      item.appendChild(
        renderButtons('choices', reply.choicesHeading, LABELS.choices, choices, handlers.choose),
      );
    if (typeof reply.record === 'string' && reply.record)
      item.appendChild(renderRecord(reply.record, handlers.copy));
    if (reply.contacts.length) item.appendChild(renderContacts(reply.contacts));
    if (reply.escalation) item.appendChild(renderEscalation(reply.escalation, handlers.choose));
    if (reply.feedbackChoices.length)
      item.appendChild(
        renderButtons('feedback', LABELS.feedback, LABELS.feedback, reply.feedbackChoices, handlers.choose),
      );
    return item;
  }

  // One sentence, example questions and the guided checks as buttons, and the collection notice, short.
  function renderWelcome(welcome, handlers) {
    const item = el('li', 'message bot welcome');
    item.appendChild(el('p', 'speaker', LABELS.bot));
    item.appendChild(el('p', 'lead', welcome.lead));
    const examples = welcome.examples.map((question) => ({ id: '', label: question }));
    item.appendChild(renderButtons('examples', '', LABELS.examples, examples, handlers.ask));
    if (welcome.dialogs.length)
      item.appendChild(
        renderButtons('choices', welcome.dialogsHeading, '', welcome.dialogs, handlers.choose),
      );
    const notice = el('div', 'notice');
    notice.appendChild(el('p', '', welcome.notice.short));
    const more = el('details');
    more.appendChild(el('summary', '', welcome.notice.more));
    more.appendChild(el('p', '', welcome.notice.full));
    notice.appendChild(more);
    item.appendChild(notice);
    return item;
  }

  // The header names the guideline, links to its readable copy here (and to the original when known).
  function renderGuideline(target, guideline) {
    target.textContent = '';
    target.append('Answers from the ');
    target.appendChild(link(guideline.page, guideline.title));
    const facts = [guideline.version, guideline.effective && `effective ${guideline.effective}`].filter(
      Boolean,
    );
    target.append(` (${facts.join(', ')})`);
    if (guideline.source && /^https?:\/\//i.test(guideline.source)) {
      target.append('. ');
      target.appendChild(link(guideline.source, 'Original document'));
    }
    target.append('.');
  }

  function renderMine(text) {
    const item = el('li', 'message mine');
    item.appendChild(el('p', 'speaker', LABELS.you));
    item.appendChild(el('p', '', text));
    return item;
  }

  // A spent offer: its buttons stop, and say so.
  function markPast(group) {
    if (group.classList.contains('past')) return;
    group.classList.add('past');
    group.insertBefore(el('p', 'past-note', LABELS.past), group.firstChild);
    for (const button of group.querySelectorAll('button')) button.disabled = true;
  }

  return { LABELS, renderReply, renderWelcome, renderGuideline, renderMine, markPast };
})();
