// Calendar arithmetic on YYYY-MM-DD days: pure, and free of time zones (days are already local).

export const MS_PER_DAY = 86400000;

/**
 * Return a day as milliseconds at midnight UTC.
 * @param {string} day
 */
function toUtc(day) {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
}

/**
 * Return the day n days after day (before, when n is negative).
 * @param {string} day
 * @param {number} n
 */
export function addDays(day, n) {
  return new Date(toUtc(day) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Return how many days lie from one day to another (negative when to is earlier).
 * @param {string} from
 * @param {string} to
 */
export function daysBetween(from, to) {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

/**
 * Return the ISO week of a day, e.g. "2026-W48" (weeks start on Monday).
 * @param {string} day
 */
export function isoWeek(day) {
  const ms = toUtc(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Return the Monday of an ISO week such as "2026-W48" (4 January is always in week 1).
 * @param {string} week
 */
export function weekMonday(week) {
  const [year, number] = week.split('-W').map(Number);
  return addDays(weekStart(`${year}-01-04`), 7 * (number - 1));
}

/**
 * Return the Monday of a day's week.
 * @param {string} day
 */
export function weekStart(day) {
  return addDays(day, -((new Date(toUtc(day)).getUTCDay() + 6) % 7));
}

/**
 * Return the n days up to and including today, oldest first.
 * @param {string} today
 * @param {number} n
 */
export function lastDays(today, n) {
  return Array.from({ length: n }, (_, i) => addDays(today, i - n + 1));
}

/**
 * Return whether day lies in the n days up to and including today.
 * @param {string} day
 * @param {string} today
 * @param {number} n
 */
export function withinDays(day, today, n) {
  const age = daysBetween(day, today);
  return age >= 0 && age < n;
}
