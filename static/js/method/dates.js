// Local calendar days: entries are grouped by the day the writer lived them, in their own time zone.

/**
 * Return the local day of a date as YYYY-MM-DD.
 * @param {Date} [date]
 */
export function localDay(date = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const dateFormats = new Map();

/**
 * Return a date format of a language, made once: making one costs far more than using it.
 * @param {string} lang
 * @param {Intl.DateTimeFormatOptions} options
 * @returns {Intl.DateTimeFormat}
 */
export function dateFormat(lang, options) {
  const key = `${lang}|${JSON.stringify(options)}`;
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(lang, options));
  return dateFormats.get(key);
}

/**
 * Format a YYYY-MM-DD day as a heading, e.g. "zaterdag 28 november".
 * @param {string} day
 * @param {string} lang
 */
export function formatDay(day, lang) {
  const [year, month, date] = day.split('-').map(Number);
  const value = new Date(year, month - 1, date);
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { weekday: 'long', day: 'numeric', month: 'long' };
  if (year !== new Date().getFullYear()) options.year = 'numeric';
  return dateFormat(lang, options).format(value);
}

/**
 * Format the time of an ISO timestamp, e.g. "08:15".
 * @param {string} iso
 * @param {string} lang
 */
export function formatTime(iso, lang) {
  return new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}
