/** Whether the guideline is still within its review-by date, for answers and /readyz. */
interface Freshness {
  /** `unknown` when guidelines.md has no review-by date. */
  status: 'current' | 'stale' | 'unknown';
  reviewBy: string | null;
  /** Whole days since the review-by date, when stale. */
  daysOverdue?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stale from the day after the review-by date (UTC): the date itself still counts as current. */
export function freshness(kb: { guideline: { meta: { reviewBy: string | null } } }, now: Date): Freshness {
  const { reviewBy } = kb.guideline.meta;
  if (!reviewBy) return { status: 'unknown', reviewBy: null };
  const due = Date.parse(`${reviewBy}T00:00:00Z`);
  const days = Math.floor((now.getTime() - due) / DAY_MS);
  return days >= 1 ? { status: 'stale', reviewBy, daysOverdue: days } : { status: 'current', reviewBy };
}
