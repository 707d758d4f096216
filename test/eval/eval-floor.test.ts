import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBot } from '../../src/core/load-bot';
import { DEFAULT_EVAL_FILE, readEvalFile, runEval, formatEvalReport } from '../../src/eval/run-eval';
import floor from './floor.json';

// A knowledge edit that breaks answers fails CI here, with the misses in the message.
describe('answer quality on the development set', () => {
  it('stays at or above the floor kept in test/eval/floor.json', async () => {
    const indexPath = path.join(mkdtempSync(path.join(tmpdir(), 'guidebot-eval-')), 'index.json');
    const { bot, index } = loadBot({ indexPath });
    const report = await runEval(bot, index, readEvalFile(DEFAULT_EVAL_FILE));
    const summary = formatEvalReport(report);
    expect({ answerRate: report.answerRate >= floor.answerRate, summary }).toEqual({
      answerRate: true,
      summary,
    });
    expect({ fallbackRate: report.fallbackRate >= floor.fallbackRate, summary }).toEqual({
      fallbackRate: true,
      summary,
    });
  });
});
