import { renderReplyText } from '../reply-text';
import { fallbackContact } from '../knowledge/reply-sources';
import type { EscalationMessages } from '../dialogs/messages-schema';
import type { Dialog, DialogState } from '../dialogs/types';
import type { SearchIndex } from '../search/search-index';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { isStopWord, stem, words } from '../search/text';
import type { Choice, Reply } from '../types';
import { simpleReply } from './simple-replies';

export const ESCALATION_CHOICES = { send: 'escalation:send', dontSend: 'escalation:dont-send' } as const;

const personWords = new WeakMap<KnowledgeBase, Set<string>>();

/**
 * Whether a request for a person carries its own question ("talk to a person about the photo rules"): it
 * does when it has a topic word that no example of asking for a person uses.
 */
export function hasOwnTopic(kb: KnowledgeBase, text: string): boolean {
  let known = personWords.get(kb);
  if (!known) {
    known = new Set(
      [...kb.bank.person, ...kb.messages.escalation.phrases].flatMap((p) => words(p).map(stem)),
    );
    personWords.set(kb, known);
  }
  return words(text).some((w) => !isStopWord(w) && !known.has(stem(w)));
}

/** The bot's reply to a question, in one line for the summary: the sections it quoted, or none found. */
export function replyLine(messages: EscalationMessages, reply: Reply | undefined): string | undefined {
  if (reply?.kind === 'fallback') return messages.summaryNotAnswered;
  if (reply?.kind !== 'answer' || !reply.citations.length) return undefined;
  return messages.summaryAnswered.replace('{sections}', reply.citations.map((c) => c.label).join('; '));
}

/**
 * What would be sent: the last question and the bot's reply to it, or where the person is in a dialog and
 * the answers so far. Never the person's name, and never free text typed into a dialog.
 */
export function escalationSummary(
  messages: EscalationMessages,
  question: string | undefined,
  dialog?: { dialog: Dialog; state: DialogState },
  reply?: string,
): string {
  if (dialog) {
    const { dialog: d, state } = dialog;
    const answers = state.answers
      .filter((a) => a.text === undefined)
      .map((a) => {
        const step = d.steps.get(a.step);
        return `- ${step?.record ?? a.step} ${step?.options.find((o) => o.id === a.option)?.label ?? a.option}`;
      });
    const intro = messages.summaryDialog
      .replace('{title}', d.title)
      .replace('{question}', d.steps.get(state.step)?.ask ?? '');
    return [intro, ...answers].join('\n');
  }
  if (!question) return messages.summaryNone;
  return [`${messages.summaryQuestion}\n"${defangLinks(question)}"`, reply].filter(Boolean).join('\n');
}

/**
 * A person's link written so no chat turns it into a link ("https[:]//x", "www[.]x"): the summary is posted
 * where a whole team reads it, under the bot's name.
 */
export function defangLinks(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]{1,15}):\/\//gi, '$1[:]//').replace(/\bwww\./gi, 'www[.]');
}

function consentChoices(m: EscalationMessages): Choice[] {
  return [
    { id: ESCALATION_CHOICES.send, label: m.consentSend },
    { id: ESCALATION_CHOICES.dontSend, label: m.consentDontSend },
  ];
}

/**
 * A reply (a fallback, the thanks for "not helpful") that also offers to forward: exactly what would be sent
 * and the consent choices after its own choices, in the structured reply and in its plain text.
 */
export function withEscalationOffer(index: SearchIndex, reply: Reply, summary: string): Reply {
  const m = index.kb.messages.escalation;
  const consent = consentChoices(m);
  const first = reply.choices.length + 1;
  const list = consent.map((c, i) => `${first + i}. ${c.label}`).join('\n');
  return {
    ...reply,
    choices: [...reply.choices, ...consent],
    text: `${reply.text}\n\n${m.summaryLead}\n${summary}\n\n${list}`,
    escalation: { contact: fallbackContact(index.kb.contacts), summary, consentChoices: consent },
  };
}

/** The reply to "talk to a person": the contact, exactly what would be sent, and the consent choices. */
export function escalationReply(
  index: SearchIndex,
  summary: string,
  options: { extra: Choice[]; sensitive: boolean },
): Reply {
  const m = index.kb.messages.escalation;
  const contact = fallbackContact(index.kb.contacts);
  const consent = consentChoices(m);
  const reply = simpleReply(m.intro, {
    kind: 'fallback',
    choices: [...consent, ...options.extra],
    contacts: [contact],
    sensitive: options.sensitive,
  });
  // The person's words stay out of `intro`, which channels render as Markdown: each channel shows the
  // summary from `escalation` as plain text. The plain-text rendering still holds it.
  const text = renderReplyText({ ...reply, intro: `${m.intro}\n\n${m.summaryLead}\n${summary}` });
  return { ...reply, text, escalation: { contact, summary, consentChoices: consent } };
}
