// Dates and times in the readable exports: in the reader's time zone, days written out in words
// ("maandag 7 december 2026, 07:40"). lpb/portability/export_words.py writes them the same on the server.

// A moment as the app stores it; anything else (a device clock is free text) is shown as it is.
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const formats = new Map();

/**
 * Return a formatter of the parts of a moment in timeZone (24-hour clock).
 * @param {string} timeZone
 * @returns {Intl.DateTimeFormat}
 */
function partsFormat(timeZone) {
  if (!formats.has(timeZone))
    formats.set(
      timeZone,
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    );
  return formats.get(timeZone);
}

/**
 * Return a moment in timeZone as { day: 'YYYY-MM-DD', time: 'HH:MM' }, or null if unreadable.
 * @param {string | null | undefined} iso
 * @param {string} timeZone
 */
export function localMoment(iso, timeZone) {
  if (!MOMENT.test(iso ?? '')) return null;
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(/** @type {string} */ (iso)))
      .map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * Return whether a time zone is one the browser knows.
 * @param {string} timeZone
 */
export function knownTimeZone(timeZone) {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Return a YYYY-MM-DD day written out ("maandag 7 december 2026"), or null if it is no day.
 * @param {string | null | undefined} day
 * @param {ExportWord} word
 * @returns {string | null}
 */
export function writtenDay(day, word) {
  const match = DAY.exec(day ?? '');
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number);
  if (year < 1000) return null;
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
  const weekday = word('weekdays').split(' ')[(utc.getUTCDay() + 6) % 7];
  return `${weekday} ${date} ${word('months').split(' ')[month - 1]} ${year}`;
}

/**
 * Return an ISO week ("2026-W48") as the week of its Monday written out, or null.
 * @param {string | null | undefined} week
 * @param {ExportWord} word
 */
export function writtenWeek(week, word) {
  const match = WEEK.exec(week ?? '');
  if (!match) return null;
  const [year, number] = match.slice(1).map(Number);
  if (year < 1000 || number < 1 || number > 53) return null;
  // Week 1 holds 4 January; its Monday is 0–6 days before.
  const fourth = Date.UTC(year, 0, 4);
  const monday = new Date(fourth - ((new Date(fourth).getUTCDay() + 6) % 7) * 86400000);
  monday.setUTCDate(monday.getUTCDate() + 7 * (number - 1));
  // A week 53 the year does not have belongs to no one: its Thursday falls in the next year.
  if (new Date(monday.getTime() + 3 * 86400000).getUTCFullYear() !== year) return null;
  const day = monday.toISOString().slice(0, 10);
  return word('week_of', { day: writtenDay(day, word) });
}
