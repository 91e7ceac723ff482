// The numbers behind Insights: pure functions of the entries and the day, tested with node --test.
import { CIRCLES } from './circles.js';
import { MS_PER_DAY, addDays, lastDays, weekStart, withinDays } from './day-math.js';

/** Return the entries of the n days up to and including today. */
export function inLastDays(entries, today, n) {
  return entries.filter((entry) => withinDays(entry.day, today, n));
}

/** Return how many reflections touch each circle: { self: 3, close: 0, … }. */
export function circleCounts(reflections) {
  const counts = Object.fromEntries(CIRCLES.map((circle) => [circle, 0]));
  reflections.forEach((entry) =>
    entry.circles?.forEach((circle) => {
      if (circle in counts) counts[circle] += 1;
    }),
  );
  return counts;
}

/** Return a YYYY-MM-DD day as a whole number of days (for counting runs without making dates). */
function dayNumber(day) {
  return Math.round(Date.parse(day) / MS_PER_DAY);
}

/** Return the number of days in a row written up to today (or up to yesterday, if not yet today). */
export function currentStreak(reflections, today) {
  const days = new Set(reflections.map((entry) => dayNumber(entry.day)));
  let day = dayNumber(today);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day - streak)) streak += 1;
  return streak;
}

/** Return the longest run of days in a row with a reflection. */
export function longestStreak(reflections) {
  const days = [...new Set(reflections.map((entry) => dayNumber(entry.day)))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  days.forEach((day, i) => {
    run = i > 0 && days[i - 1] + 1 === day ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

/**
 * Return whole weeks (Monday first) ending with today's, each day with its count from a Map of
 * day → count; future days null.
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

/** Return the average of a list of numbers, rounded to one decimal, or null when empty. */
export function average(values) {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}

/** Return the average energy of each day of the last n days that has a rating, oldest first. */
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

/** Return the average energy of the rated reflections in each circle. */
export function energyByCircle(reflections) {
  return CIRCLES.map((circle) => {
    const ratings = reflections
      .filter((e) => e.energy && e.circles?.includes(circle))
      .map((e) => e.energy);
    return { circle, average: average(ratings), count: ratings.length };
  });
}

/** Return one eigen mix check-in per week (the latest), oldest week first. */
export function mixByWeek(mixes) {
  const weeks = new Map();
  [...mixes]
    .sort((a, b) => (a.updated_at ?? a.created_at).localeCompare(b.updated_at ?? b.created_at))
    .forEach((mix) => weeks.set(mix.week, mix));
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}
