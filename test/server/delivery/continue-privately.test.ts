import type { Reply } from '../../../src/core/types';
import { sendAnswer } from '../../../src/server/delivery/continue-privately';

const reply = (text: string, sensitive?: boolean): Reply => ({
  kind: 'answer',
  text,
  passages: [],
  citations: [],
  choices: [],
  contacts: [],
  ...(sensitive && { sensitive }),
});

/** Which of the channel's two ways was used, with what. */
async function sent(replies: Reply[], shared: boolean): Promise<string[]> {
  const calls: string[] = [];
  await sendAnswer(replies, {
    shared,
    send: async (r) => void calls.push(`here: ${r.map((x) => x.text).join(' | ')}`),
    sendPrivately: async (r) => void calls.push(`privately: ${r.map((x) => x.text).join(' | ')}`),
  });
  return calls;
}

test('a sensitive answer in a shared conversation continues privately, with nothing said where it was asked', async () => {
  const replies = [reply('Here is what I found.'), reply('Report the breach now.', true)];
  expect(await sent(replies, true)).toEqual(['privately: Here is what I found. | Report the breach now.']);
});

test('a sensitive answer in a private conversation is given there', async () => {
  expect(await sent([reply('Report the breach now.', true)], false)).toEqual([
    'here: Report the breach now.',
  ]);
});

test('an ordinary answer in a shared conversation is given there', async () => {
  expect(await sent([reply('Yes, with consent.')], true)).toEqual(['here: Yes, with consent.']);
});
