// A guide's suggestion on this device: the live one of a lasting link whose suggestions the client
// allows, for the days it covers, and whether it was declined today (kept in meta, per day).
import { listEntries } from './entries.js';
import { readMeta, writeMeta } from './device-meta.js';
import { liveLinks } from './guides.js';
import { localDay } from '../method/dates.js';
import { daysBetween } from '../method/day-math.js';

const DECLINED_KEY = 'suggestion-declined';

/**
 * Return the day a suggestion starts on and how many days of it are left, today included.
 * @param {Entry} suggestion
 * @param {string} [today]
 */
export function suggestionDays(suggestion, today = localDay()) {
  const start = localDay(new Date(suggestion.suggested_at));
  return { start, left: suggestion.days - Math.max(0, daysBetween(start, today)) };
}

/**
 * Resolve with today's suggestion, newest first of those that count, with `declined` (today) and
 * `left` (days, today included); null when there is none.
 */
export async function todaysSuggestion(today = localDay()) {
  const all = (await listEntries('guide_suggestion')).filter(
    (suggestion) => suggestionDays(suggestion, today).left > 0,
  );
  if (all.length === 0) return null;
  const links = await liveLinks(all.map((suggestion) => suggestion.link_id));
  const allowed = new Set(
    links.filter((link) => link.accepts_suggestions !== false).map((link) => link.id),
  );
  const suggestion = all.find((one) => allowed.has(one.link_id));
  if (!suggestion) return null;
  const declined = await readMeta(DECLINED_KEY);
  return {
    ...suggestion,
    ...suggestionDays(suggestion, today),
    declined: declined?.day === today && declined.id === suggestion.id,
  };
}

/**
 * Take the usual question today instead of the suggestion (or, with false, the suggestion again).
 * @param {string} id
 * @param {boolean} [declined]
 * @param {string} [today]
 */
export function declineSuggestion(id, declined = true, today = localDay()) {
  return writeMeta(DECLINED_KEY, declined ? { day: today, id } : null);
}
