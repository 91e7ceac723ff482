// Per-day totals of what counts as written (reflections and quick check-ins): pure, tested with node --test.

export const WRITTEN_KINDS = ['reflection', 'checkin'];

/**
 * Return whether an entry counts as written: a reflection or check-in that is not deleted.
 * @param {Entry} entry
 */
export function isWritten(entry) {
  return !entry.deleted && WRITTEN_KINDS.includes(entry.kind);
}

/**
 * Return an empty total for a day.
 * @param {string} day
 * @returns {DayTotal}
 */
function emptyTotal(day) {
  return {
    day,
    reflections: 0,
    checkins: 0,
    energy_sum: 0,
    energy_n: 0,
    meaning_sum: 0,
    meaning_n: 0,
  };
}

/**
 * Return one total per day with something written, oldest day first: counts and rating sums.
 * @param {Entry[]} entries
 * @returns {DayTotal[]}
 */
export function dayTotals(entries) {
  const totals = new Map();
  entries.filter(isWritten).forEach((entry) => {
    const total = totals.get(entry.day) ?? emptyTotal(entry.day);
    total[entry.kind === 'checkin' ? 'checkins' : 'reflections'] += 1;
    ['energy', 'meaning'].forEach((key) => {
      if (!entry[key]) return;
      total[`${key}_sum`] += entry[key];
      total[`${key}_n`] += 1;
    });
    totals.set(entry.day, total);
  });
  return [...totals.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Return how many entries a day's total counts (reflections and check-ins).
 * @param {DayTotal} total
 */
export function writtenCount(total) {
  return total.reflections + total.checkins;
}

/**
 * Return what Insights says of all days written, from per-day totals: reflections and days.
 * @param {DayTotal[]} totals
 */
export function writtenSummary(totals) {
  const reflections = totals.reduce((sum, total) => sum + total.reflections, 0);
  return { reflections, days: totals.length };
}
