// The numbers behind Insights: pure functions of the entries and the day, tested with node --test.
import { CIRCLES } from './circles.js';
import { addDays, lastDays, weekStart } from './day-math.js';

/**
 * Return the entries of the n days up to and including today.
 * @template {{ day: string }} T
 * @param {T[]} entries
 * @param {string} today
 * @param {number} n
 * @returns {T[]}
 */
export function inLastDays(entries, today, n) {
  // YYYY-MM-DD strings sort as days do: two comparisons per entry instead of date arithmetic.
  const first = addDays(today, 1 - n);
  return entries.filter((entry) => entry.day >= first && entry.day <= today);
}

/**
 * Return how many reflections touch each circle: { self: 3, close: 0, … }.
 * @param {Entry[]} reflections
 * @returns {Record<string, number>}
 */
export function circleCounts(reflections) {
  const counts = Object.fromEntries(CIRCLES.map((circle) => [circle, 0]));
  reflections.forEach((entry) =>
    entry.circles?.forEach((circle) => {
      if (circle in counts) counts[circle] += 1;
    }),
  );
  return counts;
}

/**
 * Return whole weeks (Monday first) ending with today's, each day with its count from a Map of
 * day → count; future days null.
 * @param {Map<string, number>} counts
 * @param {string} today
 * @param {number} weeks
 */
export function calendarWeeks(counts, today, weeks) {
  const first = addDays(weekStart(today), -7 * (weeks - 1));
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const day = addDays(first, 7 * w + d);
      return { day, count: day > today ? null : (counts.get(day) ?? 0) };
    }),
  );
}

/**
 * Return the average of a list of numbers, rounded to one decimal, or null when empty.
 * @param {number[]} values
 */
export function average(values) {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}

/**
 * Return the average energy of each day of the last n days that has a rating, oldest first.
 * @param {Entry[]} reflections
 * @param {string} today
 * @param {number} n
 */
export function energyByDay(reflections, today, n) {
  const byDay = new Map();
  reflections
    .filter((entry) => entry.energy)
    .forEach((entry) => byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry.energy]));
  return lastDays(today, n)
    .map((day) => {
      const ratings = byDay.get(day) ?? [];
      return { day, average: average(ratings), count: ratings.length };
    })
    .filter((point) => point.count > 0);
}

/**
 * Return the average energy of the rated reflections in each circle.
 * @param {Entry[]} reflections
 */
export function energyByCircle(reflections) {
  return CIRCLES.map((circle) => {
    const ratings = reflections
      .filter((e) => e.energy && e.circles?.includes(circle))
      .map((e) => e.energy);
    return { circle, average: average(ratings), count: ratings.length };
  });
}

/**
 * Return one eigen mix check-in per week (the latest), oldest week first.
 * @param {MixEntry[]} mixes
 * @returns {MixEntry[]}
 */
export function mixByWeek(mixes) {
  const weeks = new Map();
  [...mixes]
    .sort((a, b) => (a.updated_at ?? a.created_at).localeCompare(b.updated_at ?? b.created_at))
    .forEach((mix) => weeks.set(mix.week, mix));
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}
