// Dates and times on the guide's pages, in the guide's language and time zone:
// "maandag 7 december, 15:47" — never the server's UTC.
import { formatDay, formatTime, localDay } from '../method/dates.js';
import { t } from '../i18n/i18n.js';

/** Return a moment (ISO, UTC) as the guide's local day and time; '' for none. */
export function formatMoment(iso, lang) {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return '';
  return `${formatDay(localDay(moment), lang)}, ${formatTime(iso, lang)}`;
}

/** Return a YYYY-MM-DD day as the guide reads it: "maandag 7 december". */
export function formatGuideDay(day, lang) {
  return day ? formatDay(day, lang) : '';
}

/** Return a count with its noun: "1 reflectie", "3 reflecties" (kind: reflection, answer, question). */
export function countOf(kind, n) {
  return t(n === 1 ? `count_${kind}_one` : `count_${kind}_many`, { n });
}
