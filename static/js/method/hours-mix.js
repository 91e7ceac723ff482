// The eigen mix in hours: the week's own total split by its shares, and a "what if" of a day less.
import { MIX_PARTS } from './circles.js';

export const WORK_DAYS = 5;
export const MAX_HOURS = 168;

/**
 * Return a number rounded to one decimal.
 * @param {number} value
 */
function oneDecimal(value) {
  return Math.round(value * 10) / 10;
}

/**
 * Return the hours of each part of the mix: its share of the week's total hours.
 * @param {Record<string, number> | undefined} shares
 * @param {number} hoursPerWeek
 * @returns {Record<string, number>}
 */
export function mixHours(shares, hoursPerWeek) {
  return Object.fromEntries(
    MIX_PARTS.map((key) => [key, oneDecimal(((shares?.[key] ?? 0) * hoursPerWeek) / 100)]),
  );
}

/**
 * Return what working one day less would mean: a day of paid work (its hours over WORK_DAYS)
 * freed and spread over the other parts in proportion to the wished mix (evenly, when the wish
 * has none of them). Null when the mix has no hours or no paid work.
 * @param {MixEntry | null | undefined} mix
 * @param {number} [workDays]
 */
export function oneDayLess(mix, workDays = WORK_DAYS) {
  const hours = mix?.hours_per_week;
  if (!hours || !mix.actual?.paid) return null;
  const before = mixHours(mix.actual, hours);
  const freed = oneDecimal(before.paid / workDays);
  const others = MIX_PARTS.filter((key) => key !== 'paid');
  const wishedSum = others.reduce((sum, key) => sum + (mix.wished?.[key] ?? 0), 0);
  const part = (/** @type {string} */ key) =>
    wishedSum ? (mix.wished?.[key] ?? 0) / wishedSum : 1 / others.length;
  const after = Object.fromEntries(
    MIX_PARTS.map((key) => [
      key,
      key === 'paid'
        ? oneDecimal(before.paid - freed)
        : oneDecimal(before[key] + freed * part(key)),
    ]),
  );
  return { freed, before, after };
}

/**
 * Return the newest mix that has hours per week, or null.
 * @param {MixEntry[]} mixes
 */
export function latestMixWithHours(mixes) {
  return (
    [...mixes]
      .filter((mix) => mix.hours_per_week)
      .sort((a, b) => (b.week ?? '').localeCompare(a.week ?? ''))[0] ?? null
  );
}
