import { nowNs } from './clock';

/** Something timed once per question: its result is awaited when it returns a promise. */
interface Subject {
  name: string;
  run(question: string): unknown;
  /** Untimed clean-up after each call (e.g. forgetting the conversation it opened). */
  after?(): unknown;
}

export interface SamplingPlan {
  /** Warm-up continues until each subject has answered this many questions (at least one full pass)... */
  warmupCalls: number;
  /** ...or this much time has passed. */
  warmupBudgetMs: number;
  /** Timed passes over the questions: as many as fit the budget, within [minRounds, maxRounds]. */
  budgetMs: number;
  minRounds: number;
  maxRounds: number;
}

interface Sampled {
  /** Per subject, one duration in nanoseconds per call. */
  durations: Map<string, number[]>;
  warmupRounds: number;
  rounds: number;
}

/**
 * Times each subject on every question, pass after pass. Subjects take turns by pass (in rotating order),
 * so drift in machine speed during the run touches them alike and their ratios stay fair.
 */
export async function sampleLatency(
  subjects: Subject[],
  questions: string[],
  plan: SamplingPlan,
): Promise<Sampled> {
  const durations = new Map(subjects.map((s) => [s.name, [] as number[]]));
  const pass = async (round: number, record: boolean): Promise<void> => {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(round + k) % subjects.length]!;
      const out = durations.get(subject.name)!;
      for (const question of questions) {
        const start = nowNs();
        const result = subject.run(question);
        if (result instanceof Promise) await result;
        const end = nowNs();
        if (record) out.push(end - start);
        const cleanup = subject.after?.();
        if (cleanup instanceof Promise) await cleanup;
      }
    }
  };

  const warmupStart = nowNs();
  let warmupRounds = 0;
  do {
    await pass(warmupRounds, false);
    warmupRounds++;
  } while (
    warmupRounds * questions.length < plan.warmupCalls &&
    (nowNs() - warmupStart) / 1e6 < plan.warmupBudgetMs
  );
  const perRoundMs = (nowNs() - warmupStart) / 1e6 / warmupRounds;
  const rounds = Math.max(plan.minRounds, Math.min(plan.maxRounds, Math.floor(plan.budgetMs / perRoundMs)));
  for (let round = 0; round < rounds; round++) await pass(round, true);
  return { durations, warmupRounds, rounds };
}
