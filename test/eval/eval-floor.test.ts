import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBot } from '../../src/core/load-bot';
import { readEvalFile, runEval, formatEvalReport } from '../../src/eval/run-eval';
import { REPO_ROOT } from '../helpers/knowledge-copy';
import floor from './floor.json';

// A knowledge or search edit that breaks answers fails CI here, with the misses in the message.
describe('answer quality', () => {
  const indexPath = path.join(mkdtempSync(path.join(tmpdir(), 'guidebot-eval-')), 'index.json');
  const { bot, understander } = loadBot({ indexPath });

  it.each(floor.sets)('stays at or above the floor on $file', async ({ file, answerRate, fallbackRate }) => {
    const report = await runEval(bot, understander, readEvalFile(path.resolve(REPO_ROOT, file)));
    const summary = formatEvalReport(report);
    expect({ answers: report.answerRate >= answerRate, summary }).toEqual({ answers: true, summary });
    expect({ fallbacks: report.fallbackRate >= fallbackRate, summary }).toEqual({ fallbacks: true, summary });
  });
});
