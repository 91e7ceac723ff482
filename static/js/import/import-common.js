// What every importer shares: its errors, ids that stay the same on every import, and local days.
// Pure: no storage, no DOM; tested with node --test.

// The most text one import reads (a file, or a ZIP's journal files: photos are never read).
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** A file we cannot import: code names the message, values fill it in (format, line, entry…). */
export class ImportError extends Error {
  constructor(code, values = {}) {
    super(`${code} ${JSON.stringify(values)}`);
    this.name = 'ImportError';
    this.code = code;
    this.values = values;
  }
}

/**
 * Return a UUID made from parts by SHA-256 (shaped as a version-8 UUID): the same source entry
 * gives the same id on every device and every import, so importing again adds nothing.
 */
export async function stableId(...parts) {
  const bytes = new TextEncoder().encode(['levensloopbaan-import', ...parts].join('\u001f'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const dayFormats = new Map();

/** Return the YYYY-MM-DD day of an instant in a time zone; null when the zone is unknown. */
export function dayInZone(date, timeZone) {
  if (!dayFormats.has(timeZone)) {
    let format = null;
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      // An unknown zone name: the caller falls back to the device's own zone.
    }
    dayFormats.set(timeZone, format);
  }
  const format = dayFormats.get(timeZone);
  if (!format) return null;
  const part = (type) => format.formatToParts(date).find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Return the instant of a wall-clock time on this device (a journal without time zones was
 * written where it is read), or null when the date does not exist (31 February, hour 25).
 */
export function wallClock(year, month, day, hour = 12, minute = 0) {
  const date = new Date(year, month - 1, day, hour, minute);
  const exists =
    year >= 1900 &&
    year <= 2999 &&
    hour >= 0 &&
    hour < 24 &&
    minute >= 0 &&
    minute < 60 &&
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day;
  return exists ? date : null;
}

/** Return a YYYY-MM-DD day. */
export function isoDay(year, month, day) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Return a YYYY-MM-DD day's parts as numbers, or null when it is no such text. */
export function dayParts(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  return match ? match.slice(1, 4).map(Number) : null;
}

/** Return text with Windows and old Mac line ends as \n, without a byte-order mark. */
export function plainLines(text) {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
