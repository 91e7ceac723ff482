// The balance wheel as written against the balance wished: shares of the five circles in percent.
import { CIRCLES } from './circles.js';
import { circleCounts } from './insights-math.js';

/**
 * Return the wished balance of the newest balance entry, or null when none was set.
 * @param {Entry[]} balances
 */
export function wishedBalance(balances) {
  const newest = [...balances].sort((a, b) =>
    (b.updated_at ?? b.created_at).localeCompare(a.updated_at ?? a.created_at),
  )[0];
  return newest?.weights ?? null;
}

/**
 * Return each circle's share of the circle mentions, in whole percent (null when none).
 * @param {Entry[]} reflections
 */
export function writtenShares(reflections) {
  const counts = circleCounts(reflections);
  const total = CIRCLES.reduce((sum, circle) => sum + counts[circle], 0);
  if (total === 0) return null;
  return Object.fromEntries(
    CIRCLES.map((circle) => [circle, Math.round((counts[circle] * 100) / total)]),
  );
}

/**
 * Return per circle the written and the wished share and the gap (written minus wished).
 * @param {Entry[]} reflections
 * @param {Record<string, number> | null} weights
 */
export function balanceGaps(reflections, weights) {
  const written = writtenShares(reflections);
  return CIRCLES.map((circle) => {
    const share = written?.[circle] ?? 0;
    const wish = weights?.[circle] ?? 0;
    return { circle, written: share, wished: wish, gap: share - wish };
  });
}
