import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serveEnv, startServerProcess } from '../integration/server-process';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { CLI, runCliAsync } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/knowledge-copy';

/**
 * `guidebot serve` with its stdout and stderr on one pipe, as they share a terminal, in the order they were
 * written. Stops it (SIGTERM) once its "listening" log line is out, or lets it exit when it cannot start.
 */
async function serveOnOneTerminal(
  env: Record<string, string>,
): Promise<{ lines: string[]; status: number | null }> {
  const child = spawn('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', process.execPath, CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: serveEnv(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (/"msg":"listening"/.test(out)) child.kill('SIGTERM');
  });
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  return { lines: out.split('\n').filter(Boolean), status };
}

// `guidebot serve` and `--version` as a person at a terminal meets them.
/**
 * A fake Slack that answers the start-up token check with "rate limited" once, so the Slack channel logs a
 * warning while it is created (before the server listens); and the settings that point guidebot at it.
 */
async function slackRateLimitedOnce(): Promise<{ slack: FakeSlackApi; env: Record<string, string> }> {
  const slack = new FakeSlackApi();
  await slack.start();
  slack.script('auth.test', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false } });
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: slack.apiUrl,
  };
  return { slack, env };
}

describe('guidebot serve (CLI)', () => {
  it('prints one line for a person: where to chat and which channels are on', async () => {
    const server = await startServerProcess({});
    try {
      // The line follows the "listening" log.
      for (let i = 0; i < 40 && !server.logs.some((l) => l.startsWith('guidebot is running')); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.logs).toContain(
        `guidebot is running. Open ${server.url}/ to chat. Channels on: Teams, web chat. Ctrl+C stops it.`,
      );
    } finally {
      await server.stop();
    }
  });

  it('prints the line for a person first, before the log lines written while the channels start', async () => {
    const { slack, env } = await slackRateLimitedOnce();
    try {
      const { lines } = await serveOnOneTerminal(env);
      const [first, ...logs] = lines;
      expect(first).toMatch(
        /^guidebot is running\. Open http:\/\/127\.0\.0\.1:\d+\/ to chat\. Channels on: Slack, Teams, web chat\. Ctrl\+C stops it\.$/,
      );
      // Everything after it is a JSON log line, the start-up warning among them.
      const parsed = logs.map((line) => JSON.parse(line) as { msg: string });
      expect(parsed.map((log) => log.msg)).toEqual(
        expect.arrayContaining(['slack rate limited; retrying', 'channel on', 'listening']),
      );
    } finally {
      await slack.stop();
    }
  });

  it('prints no line for a person when it cannot listen: the start-up logs, then the reason', async () => {
    const { slack, env } = await slackRateLimitedOnce();
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const { lines, status } = await serveOnOneTerminal({ ...env, PORT: String(port) });
      expect(status).toBe(1);
      expect(lines.some((line) => line.startsWith('guidebot is running'))).toBe(false);
      expect((JSON.parse(lines[0]!) as { msg: string }).msg).toBe('slack rate limited; retrying');
      expect(lines.at(-1)).toMatch(
        /^guidebot: cannot start: PORT: port \d+ on 127\.0\.0\.1 is already in use/,
      );
    } finally {
      busy.close();
      await slack.stop();
    }
  });

  it('says a port is in use and which setting changes it, with no stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = await runCliAsync(['serve'], { PORT: String(port), LOG_LEVEL: 'silent' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `guidebot: cannot start: PORT: port ${port} on 127.0.0.1 is already in use (another guidebot, or another program, listens there). Stop that program, or set PORT to a free port.\n`,
      );
    } finally {
      busy.close();
    }
  });

  it('says a HOST does not resolve', async () => {
    // The web chat explicitly on, so that the unresolvable HOST is the one problem.
    const result = await runCliAsync(['serve'], {
      HOST: 'not a host',
      WEB_CHAT: 'on',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'guidebot: cannot start: HOST: "not a host" does not resolve to an address. Set HOST to an address or name of this machine (0.0.0.0 for every interface), or leave it unset for 127.0.0.1.\n',
    );
  });

  it('lists every bad setting at once, in plain words', async () => {
    const result = await runCliAsync(['serve'], {
      PORT: '0',
      ANALYTICS_SALT: 'short',
      RATE_LIMIT_PER_MINUTE: '-1',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [
        'guidebot: cannot start: 2 problems:',
        '  RATE_LIMIT_PER_MINUTE: "-1" is too small: the least allowed is 0. Set it to a whole number of messages a person may send a minute (0 for no limit), or leave it unset for 20.',
        '  ANALYTICS_SALT: is too short: at least 16 characters. Set it to a random secret of at least 16 characters (openssl rand -hex 32), or leave it unset.',
        '',
      ].join('\n'),
    );
  });
});

describe('guidebot --version', () => {
  it('prints the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await runCliAsync(['--version']);
    expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});
