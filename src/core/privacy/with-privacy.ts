import type { Bot } from '../bot';
import type { ContactsFile } from '../knowledge/schema';
import type { ClaimStore } from '../state/conversation-store';
import { cleanText } from '../search/text';
import { simpleReply } from '../turns/simple-replies';
import type { Reply } from '../types';
import { freshness } from './freshness';
import { guardPersonalInformation } from './guard';
import { notPersonalFrom, type KnowledgeText } from './not-personal';
import type { PiKind } from './pi-kinds';
import { fillWording, type PrivacyKnowledge } from './privacy-file';

/** What withPrivacy needs besides the bot and privacy.yaml. */
export interface PrivacyOptions {
  /** Remembers which conversations have seen the collection notice (the conversation store's claim). */
  store: ClaimStore;
  /** The knowledge base: the review-by date, and the published numbers in contacts.yaml. */
  kb: {
    guideline: { meta: { reviewBy: string | null } } & KnowledgeText['guideline'];
    contacts: Pick<ContactsFile, 'contacts'>;
  };
  /** How long analytics keep a question (said in the notice; a conversation is re-noticed after it). */
  retentionDays: number;
  now?: () => Date;
  /** False where the channel gives the notice itself (the terminal, once per data folder), or never (eval). */
  collectionNotice?: boolean;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Wraps a bot so that personal information never reaches it: the core searches, keeps and reports the
 * redacted text, while the person still gets an answer, a reminder, the collection notice on first contact
 * and a notice on answers when the guideline is past its review-by date.
 */
export function withPrivacy(bot: Bot, privacy: PrivacyKnowledge, options: PrivacyOptions): Bot {
  const { store, kb, retentionDays, now = () => new Date(), collectionNotice = true } = options;
  const allow = notPersonalFrom(privacy, kb);
  const notice = fillWording(privacy.collectionNotice, { retentionDays });

  return {
    // Anything else the bot offers passes through unchanged.
    ...bot,
    async handle(inbound) {
      // The core reads at most MAX_QUESTION_CHARS of clean text; the guard sees exactly what the core would.
      const guard =
        inbound.text === undefined ? undefined : guardPersonalInformation(cleanText(inbound.text), allow);
      const found = guard?.found ?? [];
      const replies = await bot.handle(found.length ? { ...inbound, text: guard!.redacted } : inbound);
      const fresh = freshness(kb, now());
      const stale =
        fresh.status === 'stale' ? fillWording(privacy.staleGuideline, { reviewBy: fresh.reviewBy! }) : '';
      const out = replies.map((reply) => (stale && quotesGuideline(reply) ? addLine(reply, stale) : reply));
      // The answer comes first (channels that show one reply show it); then the reminder, then the notice.
      const after: Reply[] = [];
      if (found.length)
        after.push(
          simpleReply(fillWording(privacy.personalInformationReminder, { found: names(privacy, found) }), {
            note: 'personal-information',
          }),
        );
      if (collectionNotice) {
        const key = `notice:${inbound.channel}:${inbound.conversation}`;
        // Store down: we cannot tell whether the notice was given, so give it (again) rather than skip it.
        if (await store.claim(key, retentionDays * DAY_SECONDS).catch(() => true))
          after.push(simpleReply(notice, { note: 'collection-notice' }));
      }
      return [...out, ...after];
    },
    welcome() {
      return collectionNotice ? addLine(bot.welcome(), notice) : bot.welcome();
    },
  };
}

function quotesGuideline(reply: Reply): boolean {
  return reply.kind === 'answer' || reply.passages.length > 0;
}

/** "an email address and a phone number" */
function names(privacy: PrivacyKnowledge, found: PiKind[]): string {
  const list = found.map((kind) => privacy.kinds[kind]);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0]!;
}

/** Adds a paragraph after a reply's lead-in, in both the structured reply and its plain text. */
function addLine(reply: Reply, line: string): Reply {
  const intro = reply.intro ? `${reply.intro}\n\n${line}` : line;
  const text =
    reply.intro && reply.text.startsWith(reply.intro)
      ? `${intro}${reply.text.slice(reply.intro.length)}`
      : `${line}\n\n${reply.text}`;
  return { ...reply, intro, text };
}
