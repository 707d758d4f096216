import type { ApiCall, FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { directMessage } from '../adapters/slack/slack-fixtures';
import { sendEvent, type SendOptions } from '../adapters/slack/signed-request';

/** A question that needs no memory, and what Slack shows for its answer: the guideline's words, cited. */
export const QUESTION = 'can we talk about court cases with the public?';
export const ANSWER_POSTED =
  'From the guidelines:\n\n"When using social media sites in a professional capacity, you should identify your role as a BC Public Service employee. When in conversation, be a good judge of content. Keep in mind there are three important categories of information that cannot be discussed with members of the public in any forum - face-to-face or online: 1) matters before the courts; 2) draft legislation; and 3) material about third parties (i.e., information about identifiable individuals) unless you have statutory authorization to do so."\n— C. Principles for Employees Participating in Social Media › Being Professional (guidelines, first iteration)\n\n1. Walk me through: Can I post this?';

/**
 * A conversation that needs memory between turns: the PAB dialog answered "1" (Yes) twice. Each later turn
 * is the dialog's next step only if the state carried over; a fresh conversation answers "1" with "There's
 * no question waiting for that answer".
 */
export const STATEFUL = {
  texts: ['should I involve PAB?', '1', '1'],
  posted: [
    'Should I involve PAB?\nIs this a new use of a public social media tool for your ministry or program (a new account, page, channel or campaign)?\n\n1. Yes\n2. No\n3. Not sure\n4. Cancel',
    'What applies to you:\n- Your plan should include a business plan with intended outcomes, the appropriate tools and the resources required, and your program area should have determined that social media is the best approach, or one of several, to engage the public.\n\nShould I involve PAB?\nCould it create an issue for government, for example because it is sensitive, controversial or highly visible?\n\n"Planning for the use of public social media tools (e.g. Twitter, Facebook) should include developing a business plan with intended outcomes, appropriate tools and resources required to support the project."\n— B. Key Considerations › Planning (guidelines, first iteration)\n\n1. Yes\n2. No\n3. Not sure\n4. Back\n5. Cancel',
    "What applies to you:\n- Involve your ministry's Public Affairs Bureau (PAB) team. Depending on the situation, approval may also involve your supervisor, your executive, your deputy minister or even your Minister's Office. Evaluate the risks and benefits as you would for any more traditional engagement, keeping in mind that social media is more publicly visible.\n\nShould I involve PAB?\nHave you received a media request about it, including from a blogger who may be working on a story?\n\n\"You should involve your ministry's Public Affairs Bureau team if you think your project may create an issue for government.\"\n— B. Key Considerations › Approvals (guidelines, first iteration)\n\n1. Yes\n2. No\n3. Not sure\n4. Back\n5. Cancel\n\nWho to contact:\n- Your ministry's Public Affairs Bureau (PAB) team",
  ],
};

/** Sends a direct message on `channel` to the replica at `url`; resolves with the bot's posts for it. */
export async function say(
  fake: FakeSlackApi,
  url: string,
  channel: string,
  text: string,
  options: { eventId?: string; send?: SendOptions; settleMs?: number } = {},
): Promise<ApiCall[]> {
  const before = postsTo(fake, channel).length;
  const res = await sendEvent(url, directMessage(text, { channel }, options.eventId), options.send);
  if (res.status !== 200) throw new Error(`replica answered ${res.status}`);
  const deadline = Date.now() + 10_000;
  while (postsTo(fake, channel).length === before) {
    if (Date.now() > deadline) throw new Error(`no reply on ${channel} to a message`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The collection notice of a first contact follows the answer as a second message.
  await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 200));
  return postsTo(fake, channel).slice(before);
}

export const postsTo = (fake: FakeSlackApi, channel: string): ApiCall[] =>
  fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);

let counter = 0;
/** A direct-message channel id no other conversation in this run uses. */
export const newDirectChannel = (): string => `D0SCALE${process.pid}${counter++}`.toUpperCase();
