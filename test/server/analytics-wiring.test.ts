import { webSetup } from '../../src/adapters/web';
import { createFileAnalyticsStore } from '../../src/core/analytics/file-store';
import { makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';
import { postTurn, startTestServer } from '../adapters/web/web-server';

// Analytics as the server wires them: a question is kept redacted with the same allow-list the guard uses,
// so the published Privacy Helpline numbers (contacts.yaml) are kept as asked and a caller's own number is not.
afterAll(removeTempDirs);

it('keeps published contact numbers in a recorded question and redacts a personal one', async () => {
  const dataDir = makeTempDir('analytics-wiring');
  const server = await startTestServer({ GUIDEBOT_DATA_DIR: dataDir }, [webSetup]);
  try {
    for (const text of [
      'is 250 387-7000 or 1-866-660-0811 the number for privacy questions?',
      'can i post my cell 604 555 0199 on our page for privacy questions?',
    ])
      expect((await postTurn(server.url, { conversation: 'analytics-wiring', text })).status).toBe(200);
  } finally {
    await server.running.close();
  }
  const store = createFileAnalyticsStore(`${dataDir}/analytics`);
  const events = await store.list(new Date(0), new Date(Date.now() + 60_000));
  expect(events.map((e) => ({ question: e.question, pi: e.pi }))).toEqual([
    { question: 'is 250 387-7000 or 1-866-660-0811 the number for privacy questions?', pi: undefined },
    { question: 'can i post my cell [phone] on our page for privacy questions?', pi: ['phone'] },
  ]);
});
