#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askEachLine, askOnce, chatInteractive, chatJson } from './adapters/console';
import { loadTimeZone } from './config';
import { collectionNoticeOnce } from './adapters/console/notice-once';
import { GuidebotError, KnowledgeFileError } from './core/errors';
import { loadKnowledge } from './core/knowledge/load-knowledge';
import { loadBot } from './core/load-bot';
import { writeIndex } from './core/search/index-file';
import { modelPathBeside, writeModel } from './core/understand/model-file';
import { trainingSet } from './core/understand/training-set';
import { DEFAULT_EVAL_FILE, formatEvalReport, readEvalFile, runEval } from './eval/run-eval';
import { toReportPeriod } from './core/analytics/report-period';
import {
  defaultReviewFile,
  explainQuestion,
  mergeReviewFile,
  reportHelpers,
  suggestReview,
  UsageError,
  type Paths,
} from './owner-commands';

const USAGE = `guidebot: answers questions about the BC Public Service social media guidelines

Usage:
  guidebot ask "question"      answer one question
  guidebot ask --json          read one question per line of stdin, write one JSON reply per line
  guidebot ask --explain [--json] "question"
                               why the model answers or falls back: scores, rules, nearest bank examples
  guidebot chat                chat in the terminal (type "exit" to leave)
  guidebot chat --json         one turn per line of stdin; per turn one JSON line {"replies": [...]}
  guidebot eval [--file F]     score the evaluation set (default test/eval/dev-questions.jsonl)
  guidebot serve               start the HTTP server (Slack, Teams and the local web chat; see README)
  guidebot doctor              check the settings, knowledge, channels and Redis; exit 1 if not usable
  guidebot index build         rebuild the search index and train the model from knowledge/
  guidebot knowledge check [--file F]
                               validate every knowledge file and run the eval (for owners, after an edit)
  guidebot knowledge suggest [--days N | --since DATE [--until DATE]] [--out FILE]
                               write unanswered and not-helpful questions to a review file to edit
  guidebot knowledge merge FILE
                               add the questions kept in a review file to knowledge/questions/
  guidebot report [--days N | --since DATE [--until DATE]] [--json | --csv]
                               what staff asked and what went unanswered (default: the last 30 days),
                               with the model's best three passages for each unanswered question
  guidebot help                this text
  guidebot --version           the version

Environment: GUIDEBOT_KNOWLEDGE_DIR (default ./knowledge), GUIDEBOT_INDEX_PATH (default dist/knowledge-index.json),
GUIDEBOT_DATA_DIR (analytics, default ./.guidebot-data), ANALYTICS_RETENTION_DAYS (default 90), ANALYTICS_SALT, REDIS_URL.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      file: { type: 'string' },
      csv: { type: 'boolean', default: false },
      days: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      explain: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  const paths = {
    knowledgeDir: process.env.GUIDEBOT_KNOWLEDGE_DIR,
    indexPath: process.env.GUIDEBOT_INDEX_PATH,
  };
  // The terminal gives the collection notice itself, once per data folder (collectionNoticeOnce).
  const load = (options: { collectionNotice?: boolean } = {}): ReturnType<typeof loadBot> =>
    loadBot({
      timeZone: loadTimeZone(process.env),
      ...(paths.knowledgeDir && { knowledgeDir: paths.knowledgeDir }),
      ...(paths.indexPath && { indexPath: paths.indexPath }),
      ...options,
    });
  const terminal = () => load({ collectionNotice: false });
  const noticeDue = () => collectionNoticeOnce(process.env, paths.knowledgeDir || undefined);

  if (values.help || !command || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command && command !== 'help' ? 2 : 0;
  }
  switch (command) {
    case 'ask': {
      const question = rest.join(' ').trim();
      if (values.explain) {
        if (!question) return usageError('ask --explain needs a question');
        process.stdout.write(await explainQuestion(load(), question, values.json));
        return 0;
      }
      if (question && values.json) return usageError('ask --json reads its questions from standard input');
      if (!question && !values.json)
        return usageError('ask needs a question, or --json to read questions from standard input');
      const { bot, index } = terminal();
      if (values.json) await askEachLine(bot, process.stdin, process.stdout);
      else
        await askOnce(bot, question, process.stdout, {
          didYouMean: index.kb.messages.didYouMean,
          notice: noticeDue(),
        });
      return 0;
    }
    case 'chat': {
      const { bot, index } = terminal();
      if (values.json) await chatJson(bot, process.stdin, process.stdout, noticeDue());
      else
        await chatInteractive(
          bot,
          process.stdin,
          process.stdout,
          `guidebot: ask about "${index.kb.guideline.meta.title}". Type "exit" to leave.`,
          noticeDue(),
        );
      return 0;
    }
    case 'eval': {
      const { bot, understander } = load();
      const report = await runEval(bot, understander, readEvalFile(values.file ?? DEFAULT_EVAL_FILE));
      process.stdout.write(
        `${values.json ? JSON.stringify({ ...report, scored: undefined, misses: report.misses.map((m) => m.question.id) }) : formatEvalReport(report)}\n`,
      );
      return 0;
    }
    case 'serve': {
      // The server, Slack, Teams, Redis and metrics load only for the commands that use them: `ask` starts fast.
      const [{ startServer }, { startedLine }, { createLogger }, { holdLines }] = await Promise.all([
        import('./server/serve.js'),
        import('./server/started-line.js'),
        import('./server/logger.js'),
        import('./server/held-lines.js'),
      ]);
      // The log lines written while it starts (channels being created, Slack retries) wait until the line
      // for a person is printed, so that line comes first; if start-up fails they come out before the error.
      const logs = holdLines(process.stderr);
      const running = await startServer({
        env: process.env,
        logger: createLogger(process.env, logs),
        announce: (url, channels) => {
          process.stdout.write(`${startedLine(url, channels)}\n`);
          logs.release();
        },
      }).finally(() => logs.release());
      await new Promise<void>((resolve) => {
        // The first signal drains gracefully (bounded by SHUTDOWN_TIMEOUT_SECONDS); a second one quits now.
        const quit = (): never => process.exit(1);
        const stop = (): void => {
          process.off('SIGTERM', stop).off('SIGINT', stop);
          process.once('SIGTERM', quit).once('SIGINT', quit);
          void running.close().then(resolve);
        };
        process.once('SIGTERM', stop).once('SIGINT', stop);
      });
      return 0;
    }
    case 'doctor': {
      const [{ runDoctor }, { CHANNEL_SETUPS }] = await Promise.all([
        import('./ops/doctor.js'),
        import('./server/channels.js'),
      ]);
      const report = await runDoctor({ env: process.env, setups: CHANNEL_SETUPS });
      process.stdout.write(`${report.lines.join('\n')}\n`);
      return report.ok ? 0 : 1;
    }
    case 'index': {
      if (rest[0] !== 'build') return usageError('did you mean "guidebot index build"?');
      const kb = loadKnowledge(paths.knowledgeDir);
      writeIndex(kb, paths.indexPath);
      const started = Date.now();
      const bytes = writeModel(kb, paths.indexPath && modelPathBeside(paths.indexPath));
      process.stdout.write(
        `index built from ${kb.guideline.passages.length} passages; model trained on ` +
          `${trainingSet(kb).texts.length} examples in ${Date.now() - started} ms (${(bytes / 1e6).toFixed(1)} MB)\n`,
      );
      return 0;
    }
    case 'knowledge': {
      if (rest[0] === 'suggest' || rest[0] === 'merge') return knowledgeReview(rest, values, paths);
      if (rest[0] !== 'check') return usageError('did you mean "guidebot knowledge check"?');
      const { checkKnowledge } = await import('./eval/knowledge-check.js');
      const result = await checkKnowledge({
        knowledgeDir: paths.knowledgeDir,
        evalFile: values.file ?? DEFAULT_EVAL_FILE,
      });
      process.stdout.write(`${result.text}\n`);
      return result.ok ? 0 : 1;
    }
    case 'report': {
      const period = toReportPeriod(values, new Date());
      if ('error' in period) return usageError(period.error);
      if (values.json && values.csv) return usageError('choose one of --json and --csv');
      let helpers: ReturnType<typeof reportHelpers> | undefined;
      try {
        helpers = reportHelpers(loadKnowledge(paths.knowledgeDir), paths);
      } catch {
        // Section ids still identify the sections when the knowledge folder cannot be read.
      }
      const format = values.json ? 'json' : values.csv ? 'csv' : 'text';
      const { createReportOutput } = await import('./core/analytics/report-command.js');
      process.stdout.write(await createReportOutput({ period, format, env: process.env, ...helpers }));
      return 0;
    }
    default:
      return usageError(`unknown command "${command}"`);
  }
}

/** `guidebot knowledge suggest` and `guidebot knowledge merge FILE`. */
async function knowledgeReview(
  [sub, ...files]: string[],
  values: { out?: string | undefined } & Parameters<typeof toReportPeriod>[0],
  paths: Paths,
): Promise<number> {
  try {
    if (sub === 'merge') {
      if (files.length !== 1)
        return usageError('knowledge merge needs the review file: guidebot knowledge merge FILE');
      process.stdout.write(mergeReviewFile(paths, files[0]!));
      return 0;
    }
    const now = new Date();
    const period = toReportPeriod(values, now);
    if ('error' in period) return usageError(period.error);
    process.stdout.write(
      await suggestReview(paths, period, process.env, values.out ?? defaultReviewFile(now)),
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    // A mistake in the review file (or the bank): the file, line and reason; nothing was written.
    if (error instanceof KnowledgeFileError) {
      process.stderr.write(`guidebot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function packageVersion(): string {
  const file = path.resolve(__dirname, '../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function usageError(message: string): number {
  process.stderr.write(`guidebot: ${message}\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      process.exitCode = usageError((error as Error).message.split('. ')[0] ?? 'bad arguments');
      return;
    }
    if (error instanceof GuidebotError)
      process.stderr.write(
        `guidebot: ${error.code === 'EVAL_FILE_INVALID' ? '' : 'cannot start: '}${error.message}\n`,
      );
    else
      process.stderr.write(
        `guidebot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exitCode = 1;
  },
);
