import { createServer } from 'node:http';
import type { BaseConfig, Env } from '../config';
import { GuidebotError } from '../core/errors';
import { CHANNEL_LABELS } from '../server/channels';
import { listen } from '../server/listen';
import { describeUrl } from '../core/state/redis-connection';
import { checkRedis, type RedisCheck } from './check-redis';
import { checkStartup, type NamedSetup } from './startup-check';

interface DoctorOptions {
  env: Env;
  setups: NamedSetup[];
  /** Tests replace the Redis check; the real one connects to REDIS_URL. */
  pingRedis?: (url: string) => Promise<RedisCheck>;
}

/** One line per check; `ok` is false when any check failed or no channel would run. */
interface DoctorReport {
  ok: boolean;
  lines: string[];
}

/**
 * What `guidebot doctor` checks: what `serve` checks before it starts (startup-check.ts), then what needs the
 * network as `serve` does it: HOST:PORT free to listen on, Redis when REDIS_URL is set, and each channel's
 * credentials with its platform. It is usable exactly when `serve` would start. Every problem is listed.
 */
export async function runDoctor({
  env,
  setups,
  pingRedis = checkRedis,
}: DoctorOptions): Promise<DoctorReport> {
  const lines: string[] = [];
  let problems = 0;
  const ok = (what: string, detail: string): void => {
    lines.push(`ok    ${what}: ${detail}`);
  };
  const fail = (what: string, detail: string): void => {
    problems++;
    lines.push(`FAIL  ${what}: ${detail}`);
  };

  const check = checkStartup(env, setups);
  const { config, ops, kb } = check;
  if (config && ops) ok('settings', describeSettings(config, ops.RATE_LIMIT_PER_MINUTE, ops.LOG_LEVEL));
  if (kb)
    ok(
      'knowledge',
      `${kb.guideline.sections.length} sections, ${kb.guideline.passages.length} passages in ${kb.dir}`,
    );
  for (const decided of check.channels) {
    if (!decided.enabled) {
      lines.push(`off   ${decided.name}: ${decided.reason}`);
      continue;
    }
    const rejected = await decided.verify?.().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (rejected) fail(CHANNEL_LABELS[decided.name] ?? decided.name, describe(rejected));
    else {
      lines.push(`on    ${decided.name}: ${decided.summary}`);
      if (decided.warning) lines.push(`WARN  ${decided.name}: ${decided.warning}`);
    }
  }
  for (const { what, error } of check.problems) fail(what, describe(error));
  lines.push(`${check.problems.length ? 'note' : 'ok  '}  escalations: ${check.escalation}`);

  if (config) {
    const probe = createServer();
    try {
      await listen(probe, config.PORT, config.HOST);
      ok('listen', `${config.HOST}:${config.PORT} is free`);
    } catch (error) {
      fail('settings', describe(error));
    } finally {
      probe.close();
    }
  }
  if (config?.REDIS_URL) {
    const where = describeUrl(config.REDIS_URL);
    const answer = await pingRedis(config.REDIS_URL);
    if (answer.ok) ok('redis', `${where} answered PING in ${answer.ms} ms`);
    else
      fail('redis', `${where} cannot be reached (${answer.reason}). Start Redis there or correct REDIS_URL.`);
  }

  lines.push(problems ? `not usable: ${problems} problem${problems > 1 ? 's' : ''} above` : 'usable');
  return { ok: !problems, lines };
}

function describeSettings(config: BaseConfig, perMinute: number, logLevel: string): string {
  const store = config.REDIS_URL ? 'Redis (shared by replicas)' : 'memory (this process only)';
  const limit = perMinute ? `${perMinute} messages a minute per person` : 'no rate limit';
  return `listen on ${config.HOST}:${config.PORT}, conversations in ${store} for ${config.CONVERSATION_TTL_MINUTES} min, ${limit}, log level ${logLevel}`;
}

function describe(error: unknown): string {
  if (error instanceof GuidebotError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
