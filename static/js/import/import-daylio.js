// Daylio's CSV export, in its current columns and the older seven. Pure; tested with node --test.
import { ImportError, dayParts, isoDay, wallClock } from './import-common.js';
import { csvRecords } from './csv.js';

const FORMAT = 'Daylio';
export const CURRENT_COLUMNS = ['full_date', 'date', 'weekday', 'time', 'mood', 'activities'];
export const OLDER_COLUMNS = ['year', 'date', 'weekday', 'time', 'mood', 'activities', 'note'];
// Daylio's five built-in moods, best first, with the energy each suggests.
export const BUILT_IN_MOODS = { rad: 5, good: 4, meh: 3, bad: 2, awful: 1 };
// Month names as the older export writes them ("5 March"), in English and Dutch, by first letters.
const MONTHS = {
  jan: 1,
  feb: 2,
  mar: 3,
  maa: 3,
  apr: 4,
  may: 5,
  mei: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
};
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Return Daylio's basic HTML (<br>, <p>, <b>, &amp;…) as plain text. */
export function htmlToText(html) {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (whole, name) => ENTITIES[name] ?? whole)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Return [hour, minute] of "10:00 pm", "10:00 p.m." or "22:00", or null. */
export function daylioTime(text) {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const half = match[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  return [hour, Number(match[2])];
}

/** Return [month, day] of the older export's "5 March" or "March 5", or null. */
function monthAndDay(text) {
  const match =
    /^(\d{1,2})\.?\s+([a-z]+)\.?$/i.exec(text.trim()) ??
    /^([a-z]+)\.?\s+(\d{1,2})$/i.exec(text.trim())?.reverse();
  if (!match) return null;
  const month = MONTHS[match[2].slice(0, 3).toLowerCase()];
  return month ? [month, Number(match[1])] : null;
}

/** Return the [year, month, day] of a row, or null when it does not parse. */
function rowDate(row, current) {
  if (current) return dayParts(row.full_date);
  const parsed = monthAndDay(row.date);
  return /^\d{4}$/.test(row.year.trim()) && parsed ? [Number(row.year), ...parsed] : null;
}

/** Return the missing columns of a header, for the column set it seems to be. */
function missingColumns(header) {
  const wanted = header.includes('year') ? OLDER_COLUMNS : [...CURRENT_COLUMNS, 'note'];
  return wanted.filter((column) => !header.includes(column));
}

/** Return one row's record, or throw an ImportError naming its line. */
function daylioRecord(row, line, current) {
  const date = rowDate(row, current);
  const time = daylioTime(row.time);
  const created = date && time ? wallClock(...date, ...time) : null;
  if (!created) {
    const value = current ? `${row.full_date} ${row.time}` : `${row.year} ${row.date} ${row.time}`;
    throw new ImportError('bad_date', { format: FORMAT, line, value });
  }
  const title = htmlToText(row.note_title ?? '');
  const note = htmlToText(row.note ?? '');
  return {
    key: null,
    created,
    day: isoDay(...date),
    text: [title, note].filter(Boolean).join('\n\n'),
    labels: row.activities
      .split('|')
      .map((activity) => activity.trim())
      .filter(Boolean),
    mood: row.mood.trim() || null,
    starred: false,
    where: { line },
  };
}

/** Return the records of a Daylio CSV text, or throw an ImportError naming the line. */
export function parseDaylio(text) {
  const [head, ...rows] = csvRecords(text);
  const header = (head?.fields ?? []).map((name) => name.trim().toLowerCase());
  const missing = missingColumns(header);
  if (missing.length > 0)
    throw new ImportError('missing_columns', { format: FORMAT, line: 1, columns: missing });
  const current = header.includes('full_date');
  const records = rows.map(({ fields, line }) => {
    const row = Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
    return daylioRecord(row, line, current);
  });
  return { format: FORMAT, records, leftOut: {} };
}
