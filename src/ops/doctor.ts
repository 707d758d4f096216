import { loadConfig, type BaseConfig, type Env } from '../config';
import { GuidebotError } from '../core/errors';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import type { ChannelSetup } from '../server/channel';
import { describeUrl } from '../core/state/redis-connection';
import { checkRedis, type RedisCheck } from './check-redis';
import { loadOperations } from './operations-file';
import { loadOpsConfig } from './ops-config';

interface DoctorOptions {
  env: Env;
  setups: Array<(env: Env) => ChannelSetup>;
  /** Tests replace the Redis check; the real one connects to REDIS_URL. */
  pingRedis?: (url: string) => Promise<RedisCheck>;
}

/** One line per check; `ok` is false when any check failed or no channel would run. */
interface DoctorReport {
  ok: boolean;
  lines: string[];
}

/**
 * What `guidebot doctor` checks: the settings, the knowledge files, which channels run and why the others
 * do not, and Redis when REDIS_URL is set. Every problem is collected, not just the first.
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
  const attempt = <T>(what: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      fail(what, describe(error));
      return undefined;
    }
  };

  const config = attempt('settings', () => loadConfig(env));
  const ops = attempt('settings', () => loadOpsConfig(env));
  if (config && ops) ok('settings', describeSettings(config, ops.RATE_LIMIT_PER_MINUTE, ops.LOG_LEVEL));

  const knowledgeDir = env.GUIDEBOT_KNOWLEDGE_DIR || undefined;
  const kb = attempt('knowledge', () => loadKnowledge(knowledgeDir));
  const operations = attempt('knowledge', () => loadOperations(knowledgeDir));
  if (kb && operations)
    ok(
      'knowledge',
      `${kb.guideline.sections.length} sections, ${kb.guideline.passages.length} passages in ${kb.dir}`,
    );

  let enabled = 0;
  for (const setup of setups) {
    const decided = attempt('channel', () => setup(env));
    if (!decided) continue;
    if (decided.enabled) {
      enabled++;
      lines.push(`on    ${decided.name}: ${decided.summary}`);
    } else lines.push(`off   ${decided.name}: ${decided.reason}`);
  }
  if (!enabled)
    fail('channels', 'no channel would be enabled: set the variables of at least one (see README)');

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
