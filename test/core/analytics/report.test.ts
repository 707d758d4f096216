import { computeReport } from '../../../src/core/analytics/compute-report';
import { groupSimilarQuestions, jaccard } from '../../../src/core/analytics/group-questions';
import { renderReportCsv } from '../../../src/core/analytics/render-report-csv';
import { renderReportText } from '../../../src/core/analytics/render-report';
import { toAnalyticsEvent } from '../../../src/core/analytics/to-event';
import type { TurnEvent } from '../../../src/core/turn-event';
import type { Reply } from '../../../src/core/types';
import { eventAt } from './event-factory';
import { serverNotPersonal } from './helpers';

const period = { since: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-04-01T00:00:00Z') };

describe('grouping questions by similarity', () => {
  it('puts rewordings of one gap together and keeps other gaps apart', () => {
    const groups = groupSimilarQuestions([
      'how do I reset my password',
      'How do I reset my password?',
      'password reset for my account',
      'can I claim overtime for moderating our Facebook group',
      'overtime for moderating the Facebook group',
      'what is the parking policy',
    ]);
    expect(groups.map((g) => [g.count, g.questions.map((q) => q.text)])).toEqual([
      [3, ['how do I reset my password', 'password reset for my account']],
      [
        2,
        [
          'can I claim overtime for moderating our Facebook group',
          'overtime for moderating the Facebook group',
        ],
      ],
      [1, ['what is the parking policy']],
    ]);
    expect(groups[0]!.questions[0]).toEqual({ text: 'how do I reset my password', count: 2 });
  });

  it('measures overlap as Jaccard over stems, and never joins two empty questions', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(groupSimilarQuestions(['why?', 'how?']).map((g) => g.count)).toEqual([1, 1]);
  });
});

/** A turn as the core reports it, for dialogs (the dialog engine fills TurnEvent.dialog). */
function turn(conversation: string, replies: Partial<Reply>[], extra: Partial<TurnEvent> = {}): TurnEvent {
  return {
    at: new Date('2026-03-05T10:00:00Z'),
    inbound: { channel: 'slack', conversation, user: 'u', choice: 'dialog:next' },
    replies: replies.map((r) => ({
      kind: 'dialog',
      text: '',
      passages: [],
      citations: [],
      choices: [],
      contacts: [],
      ...r,
    })),
    sectionIds: [],
    ...extra,
  };
}

describe('report computation', () => {
  it('counts dialogs started and finished, with their outcomes', () => {
    const step = { dialog: { id: 'privacy-check', title: 'Privacy check', ended: false } };
    const end = { dialog: { id: 'privacy-check', title: 'Privacy check', ended: true } };
    const turns = [
      turn('a', [step]),
      turn('a', [step]),
      turn('a', [end], { dialog: { id: 'privacy-check', outcome: 'pia-needed' } }),
      turn('b', [step]),
      turn('b', [end], { dialog: { id: 'privacy-check', outcome: 'pia-needed' } }),
      turn('c', [step]),
      turn('a', [step]), // started again after it ended
      turn('a', [end]), // cancelled: ended without an outcome
    ];
    const report = computeReport(
      turns.map((t) => toAnalyticsEvent(t, 'salt-0123456789abcdef', serverNotPersonal())),
      period,
    );
    expect(report.dialogs).toEqual([
      {
        id: 'privacy-check',
        started: 4,
        finished: 3,
        outcomes: { 'pia-needed': 2, '(ended without an outcome)': 1 },
      },
    ]);
    expect(renderReportText(report, 'test')).toContain(
      'privacy-check: 4 started, 3 finished; outcomes: pia-needed 2, (ended without an outcome) 1',
    );
  });

  it('rates the question a "not helpful" click follows in the same conversation', () => {
    const events = [
      eventAt('2026-03-02T10:00:00Z', { conversation: 'x', question: 'do I need a PIA?' }),
      eventAt('2026-03-02T10:00:01Z', { conversation: 'y', question: 'who approves posts?' }),
      eventAt('2026-03-02T10:00:02Z', {
        conversation: 'x',
        input: 'choice',
        kind: 'smalltalk',
        feedback: 'not-helpful',
      }),
    ];
    delete events[2]!.question;
    const report = computeReport(events, period);
    expect(report.notHelpful.map((g) => g.example)).toEqual(['do I need a PIA?']);
    expect(report.feedback).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it('writes CSV a spreadsheet opens safely: quoted commas and quotes, formulas made inert', () => {
    const events = [
      eventAt('2026-03-02T10:00:00Z', {
        kind: 'fallback',
        question: '=HYPERLINK("http://x","pay, leave")',
        sectionIds: [],
      }),
      eventAt('2026-03-02T10:00:01Z', { kind: 'fallback', question: 'plain question', sectionIds: [] }),
    ];
    const csv = renderReportCsv(computeReport(events, period));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,item,detail,value');
    expect(lines).toContain('summary,questions,,2');
    expect(lines).toContain('summary,fallback rate,,1');
    expect(lines).toContain(`unanswered,group 1,"'=HYPERLINK(""http://x"",""pay, leave"")",1`);
    expect(lines).toContain('unanswered,group 2,plain question,1');
  });
});
