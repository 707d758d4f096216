import type { Reply } from './types';

/** The complete plain-text rendering every reply carries (terminals, notifications, screen readers). */
export function renderReplyText(reply: Reply, choicesHeading?: string): string {
  const parts: string[] = [];
  if (reply.intro) parts.push(reply.intro);
  for (const passage of reply.passages) {
    const { label, version } = passage.citation;
    parts.push(`"${passage.text}"\n— ${label} (guidelines, ${version})`);
  }
  if (reply.choices.length) {
    const list = reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
    parts.push(choicesHeading ? `${choicesHeading}\n${list}` : list);
  }
  if (reply.contacts.length) {
    const lines = reply.contacts.map((c) => `- ${c.name}${contactDetail(c)}`);
    parts.push(`Who to contact:\n${lines.join('\n')}`);
  }
  if (reply.record) parts.push(reply.record);
  return parts.join('\n\n');
}

/** ": email, phone, url" after a contact's name, or nothing. */
export function contactDetail(c: Reply['contacts'][number]): string {
  const detail = [c.email, c.phone, c.url].filter(Boolean).join(', ');
  return detail ? `: ${detail}` : '';
}

/** The reply's lead-in without the paragraphs that hold its escalation offer (for channels that show it apart). */
export function introWithoutEscalation(reply: Reply): string | undefined {
  const firstLine = reply.escalation?.summary.split('\n')[0];
  if (!reply.intro || !firstLine) return reply.intro;
  const paragraphs = reply.intro.split('\n\n');
  const at = paragraphs.findIndex((paragraph) => paragraph.includes(firstLine));
  return at < 0 ? reply.intro : paragraphs.slice(0, at).join('\n\n');
}
