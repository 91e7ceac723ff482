// jrnl's plain-text journal: "[YYYY-MM-DD HH:MM] title" headers, the body up to the next header,
// @tags anywhere, and a trailing * on the header for a starred entry. Pure; tested with node --test.
import { ImportError, isoDay, plainLines, wallClock } from './import-common.js';

const FORMAT = 'jrnl';
// Anything that starts like a header; HEADER then says whether its date and time are real.
const HEADER_START = /^\[\d{4}-\d{1,2}-\d{1,2}[ T][^\]]*\]/;
const HEADER =
  /^\[(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::\d{2})?(?: ?([AaPp])[Mm])?\] ?(.*)$/;
const TAG = /(?:^|[\s(])@([\p{L}\p{N}_-]+)/gu;

/** Return whether a text looks like a jrnl journal: its first written line is a header. */
export function isJrnlText(text) {
  const first = plainLines(text)
    .split('\n')
    .find((line) => line.trim() !== '');
  return first !== undefined && HEADER_START.test(first);
}

/** Return the instant of a header's date and time, or null when it is not a real one. */
function headerTime(match) {
  const [, year, month, day, hourText, minute, half] = match;
  let hour = Number(hourText);
  if (half && (hour < 1 || hour > 12)) return null;
  if (half?.toLowerCase() === 'p' && hour < 12) hour += 12;
  if (half?.toLowerCase() === 'a' && hour === 12) hour = 0;
  return wallClock(Number(year), Number(month), Number(day), hour, Number(minute));
}

/** Return an entry's record from its header match, body lines and the header's line number. */
function jrnlRecord(match, body, line) {
  const created = headerTime(match);
  if (!created) throw new ImportError('bad_date', { format: FORMAT, line, value: match[0] });
  let title = match[7].trimEnd();
  const starred = title.endsWith('*');
  if (starred) title = title.slice(0, -1).trimEnd();
  const text = [title, body.join('\n').trim()].filter(Boolean).join('\n');
  return {
    key: null,
    created,
    day: isoDay(Number(match[1]), Number(match[2]), Number(match[3])),
    text,
    labels: [...new Set([...text.matchAll(TAG)].map(([, tag]) => tag))],
    mood: null,
    starred,
    where: { line },
  };
}

/** Return the records of a jrnl journal, or throw an ImportError naming the line. */
export function parseJrnl(text) {
  const records = [];
  let open = null;
  const close = () => open && records.push(jrnlRecord(open.match, open.body, open.line));
  plainLines(text)
    .split('\n')
    .forEach((lineText, index) => {
      const line = index + 1;
      if (HEADER_START.test(lineText)) {
        close();
        const match = HEADER.exec(lineText);
        if (!match) throw new ImportError('bad_date', { format: FORMAT, line, value: lineText });
        open = { match, body: [], line };
      } else if (open) open.body.push(lineText);
      else if (lineText.trim() !== '')
        throw new ImportError('not_format', { format: FORMAT, line });
    });
  close();
  return { format: FORMAT, records, leftOut: {} };
}
