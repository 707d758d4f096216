import { loadConfig, loadTimeZone } from '../../../src/config';
import { createBot } from '../../../src/core/bot';
import type { ConversationState } from '../../../src/core/bot';
import { ConfigError } from '../../../src/core/errors';
import { createMemoryStore } from '../../../src/core/state/memory-store';
import { realIndex } from './bot-helpers';

// 17:30 Pacific on 1 December 2026 is 01:30 UTC on 2 December.
const PACIFIC_EVENING = new Date('2026-12-02T01:30:00Z');

function botAt(now: Date, timeZone?: string) {
  const bot = createBot({
    index: realIndex(),
    store: createMemoryStore<ConversationState>(),
    now: () => now,
    ...(timeZone && { timeZone }),
  });
  return async (...turns: string[]) => {
    let last;
    for (const text of turns) last = await bot.handle({ channel: 'web', conversation: 'r', user: 'u', text });
    return last![last!.length - 1]!;
  };
}

describe('decision records (issue 16 items 15 and 16)', () => {
  it("dates the record in the guideline's time zone: 17:30 Pacific on 1 December says 1 December", async () => {
    const outcome = await botAt(PACIFIC_EVENING)('records', 'no');
    expect(outcome.record).toContain('- Date and time: 1 December 2026, 17:30 (America/Vancouver)');
    expect(outcome.record).toMatch(/- Record id: GB-20261201-1730-[0-9a-f]{6}\n/);
    expect(outcome.record).not.toContain('2 December');
  });

  it('follows TIME_ZONE', async () => {
    const outcome = await botAt(PACIFIC_EVENING, 'Europe/London')('records', 'no');
    expect(outcome.record).toContain('- Date and time: 2 December 2026, 01:30 (Europe/London)');
  });

  it('holds every answer, Not sure flagged with what it implies, the full outcome, quotes, guideline and contacts', async () => {
    const outcome = await botAt(PACIFIC_EVENING)('privacy check', 'yes', 'yes', 'not sure');
    const record = outcome.record!;
    expect(record.startsWith('# Decision record: Privacy check (FOIPPA)\n')).toBe(true);
    for (const line of [
      '- Guided check: Privacy check (FOIPPA)',
      '- Guideline: Guidelines for Conducting Citizen Engagement, Specific to Social Media',
      '- Version: first iteration',
      '- Effective: unknown (the guideline does not state it)',
      '- Source: unknown (the guideline does not state it)',
      '## Questions and answers',
      '1. Contains personal information? Yes',
      '2. Hosting a tool or participating for the ministry? Yes',
      '3. Collecting or disclosing? Not sure (flagged "Not sure": this led to "Both collection and disclosure rules may apply")',
      '## Outcome: Both collection and disclosure rules may apply',
      '- Complete a Privacy Impact Assessment (PIA).',
      'posting content to the Internet is a disclosure of personal information outside of Canada which requires special authority under FOIPPA',
      'Where you answered "Not sure", I took the safer path.',
      '- Appendix A › Privacy\n  > "you should complete a Privacy Impact Assessment (PIA)"',
      '- Appendix A › Privacy › Disclosure\n  > "posting content to the Internet is a disclosure',
      '## Who to contact',
      "- Citizen Engagement team, Ministry of Citizens' Services: citizenengagement@gov.bc.ca",
    ])
      expect(record).toContain(line);
    // Every channel can offer it: the terminal's plain text carries it too.
    expect(outcome.text).toContain(record);
  });
});

describe('TIME_ZONE setting', () => {
  it('defaults to America/Vancouver', () => {
    expect(loadConfig({}).TIME_ZONE).toBe('America/Vancouver');
    expect(loadTimeZone({ TIME_ZONE: '' })).toBe('America/Vancouver');
  });

  it('stops start-up on a name that is no time zone, naming the setting and the fix', () => {
    expect(() => loadConfig({ TIME_ZONE: 'Pacific/Nowhere' })).toThrow(ConfigError);
    expect(() => loadTimeZone({ TIME_ZONE: 'PST8PDTX' })).toThrow(/TIME_ZONE.*time zone/s);
  });
});
