// Numbers, months and short dates in the reader's language: "1,8" in Dutch, "1.8" in English.
import { dateFormat } from '../method/dates.js';

const numberFormats = new Map();

/** Return a number with at most one decimal in the language's format; a dash for none. */
export function formatNumber(value, lang) {
  if (value === null || value === undefined) return '–';
  if (!numberFormats.has(lang))
    numberFormats.set(lang, new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }));
  return numberFormats.get(lang).format(value);
}

/** Return a YYYY-MM month as a name: "nov", with its year ("nov 2026"), or long ("november 2026"). */
export function formatMonth(month, lang, { long = false, year: withYear = false } = {}) {
  const [year, number] = month.split('-').map(Number);
  const options = { month: long ? 'long' : 'short' };
  if (long || withYear) options.year = 'numeric';
  return dateFormat(lang, options).format(new Date(year, number - 1, 1));
}

/** Return a YYYY-MM-DD day short: "28 nov." / "28 Nov". */
export function formatShortDay(day, lang) {
  const [year, month, date] = day.split('-').map(Number);
  return dateFormat(lang, { day: 'numeric', month: 'short' }).format(
    new Date(year, month - 1, date),
  );
}

/** Return a list of names joined the language's way: "a, b en c". */
export function formatList(items, lang) {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}
