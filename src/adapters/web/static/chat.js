/* global document, sessionStorage, fetch, crypto */
// The local web chat page: posts each turn to /api/web/turn and renders the replies it gets back. Text from
// the bot or the person only ever reaches the page through textContent and text nodes, never as HTML.
'use strict';

(function () {
  // The few words the page adds around the bot's replies; everything about the guideline comes from the
  // server, which reads it from knowledge/.
  const LABELS = {
    you: 'You',
    bot: 'guidebot',
    choices: 'Choices',
    contacts: 'Who to contact',
    feedback: 'Was this helpful?',
    consent: 'Forward your question?',
    escalationLead: (name) => `This is exactly what would be sent to ${name}:`,
    dialogEnded: '(finished)',
    unreachable: 'guidebot could not be reached. Check that it is still running, then try again.',
    refused: (status) =>
      status === 400 || status === 413
        ? `guidebot could not take that message (error ${status}). Try a shorter one.`
        : `Something went wrong in guidebot (error ${status}). Please try again.`,
  };
  const CONVERSATION_KEY = 'guidebot.conversation';

  const list = document.getElementById('messages');
  const form = document.getElementById('ask');
  const input = document.getElementById('message');
  const status = document.getElementById('status');
  const conversation = conversationId();
  let busy = false;
  let ids = 0;

  // One random id per browser tab: no name, no account, nothing that identifies the person.
  function conversationId() {
    let id = null;
    try {
      id = sessionStorage.getItem(CONVERSATION_KEY);
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

  function renderPassage(passage) {
    const figure = el('figure', 'passage');
    figure.appendChild(el('blockquote', '', passage.text));
    const caption = el('figcaption', 'citation');
    caption.append(
      '— ',
      el('cite', '', passage.citation.label),
      ` (guidelines, ${passage.citation.version})`,
    );
    figure.appendChild(caption);
    return figure;
  }

  function renderButtons(kind, heading, groupLabel, choices) {
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
      button.addEventListener('click', () => choose(choice, button));
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
      if (contact.phone) details.append(link(`tel:${contact.phone.replace(/[^\d+]/g, '')}`, contact.phone));
      if (contact.url && /^https?:\/\//i.test(contact.url)) details.append(link(contact.url, contact.url));
      if (details.childNodes.length) li.appendChild(details);
      if (contact.note) li.appendChild(el('span', 'contact-note', contact.note));
      ul.appendChild(li);
    }
    box.appendChild(ul);
    return box;
  }

  function renderEscalation(escalation) {
    const box = el('div', 'escalation');
    box.appendChild(el('p', '', LABELS.escalationLead(escalation.contact.name)));
    box.appendChild(el('p', 'escalation-summary', escalation.summary));
    box.appendChild(renderButtons('consent', '', LABELS.consent, escalation.consentChoices));
    return box;
  }

  function renderReply(reply) {
    const item = el('li', `message bot ${reply.kind}`);
    item.appendChild(el('p', 'speaker', LABELS.bot));
    if (reply.dialog) {
      const ended = reply.dialog.ended ? ` ${LABELS.dialogEnded}` : '';
      item.appendChild(el('p', 'dialog-title', `${reply.dialog.title}${ended}`));
    }
    // `text` repeats the passages and numbered choices for terminals: use it only when there is nothing else.
    appendParagraphs(item, reply.intro !== undefined ? reply.intro : reply.passages.length ? '' : reply.text);
    for (const passage of reply.passages) item.appendChild(renderPassage(passage));
    // Consent and feedback buttons get their own groups below, even if the core also lists them as choices.
    const consent = reply.escalation ? reply.escalation.consentChoices : [];
    const own = new Set([...consent, ...reply.feedbackChoices].map((choice) => choice.id));
    const choices = reply.choices.filter((choice) => !own.has(choice.id));
    if (choices.length)
      item.appendChild(renderButtons('choices', reply.choicesHeading, LABELS.choices, choices));
    if (reply.contacts.length) item.appendChild(renderContacts(reply.contacts));
    if (reply.escalation) item.appendChild(renderEscalation(reply.escalation));
    if (reply.feedbackChoices.length)
      item.appendChild(renderButtons('feedback', LABELS.feedback, LABELS.feedback, reply.feedbackChoices));
    return item;
  }

  function renderMine(text) {
    const item = el('li', 'message mine');
    item.appendChild(el('p', 'speaker', LABELS.you));
    item.appendChild(el('p', '', text));
    return item;
  }

  function showReplies(replies) {
    const items = replies.map(renderReply);
    for (const item of items) list.appendChild(item);
    if (items[0]) items[0].scrollIntoView({ block: 'start' });
    return items;
  }

  // Buttons of earlier replies stop working once a new turn is answered (the bot only knows the latest
  // offer). The welcome's buttons stay: like a Slack App Home, they start a dialog from anywhere.
  function retireButtons() {
    for (const button of list.querySelectorAll('li:not(.welcome) button:not([disabled])'))
      button.disabled = true;
  }

  /** Posts one turn; returns the new reply items, or null when it failed (the status line says why). */
  async function send(turn, shownAs) {
    busy = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = '';
    // Shown at once; taken back if the turn fails (typed text goes back into the box to send again).
    const mine = list.appendChild(renderMine(shownAs));
    try {
      const response = await fetch('/api/web/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation, ...turn }),
      });
      if (!response.ok) {
        mine.remove();
        status.textContent = LABELS.refused(response.status);
        return null;
      }
      const { replies } = await response.json();
      retireButtons();
      return showReplies(replies);
    } catch {
      mine.remove();
      status.textContent = LABELS.unreachable;
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
    const next =
      items && items.length
        ? items[items.length - 1].querySelector('.choices button, .consent button')
        : null;
    (next || input).focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    const items = await send({ text }, text);
    if (!items) input.value = text;
    input.focus();
  });

  fetch('/api/web/welcome')
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then(({ replies }) => {
      for (const item of showReplies(replies)) item.classList.add('welcome');
    })
    .catch(() => {
      status.textContent = LABELS.unreachable;
    });
})();
