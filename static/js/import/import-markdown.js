// Markdown notes, one per day, as Obsidian's daily notes and other tools write them: the date in
// the file name (2024-03-05.md, 2024/03/05.md) or in YAML front matter (date:). Pure.
import { ImportError, dayParts, isoDay, plainLines, wallClock } from './import-common.js';

const FORMAT = 'Markdown';
const NAME_DATE = /(\d{4})-(\d{2})-(\d{2})(?!\d)[^/]*$/;
const PATH_DATE = /(\d{4})\/(\d{2})\/(\d{2})\.(?:md|markdown)$/i;
const TIME = /[T ](\d{1,2}):(\d{2})/;
const INLINE_TAG = /(?:^|\s)#([\p{L}\p{N}_/-]*\p{L}[\p{L}\p{N}_/-]*)/gu;

/** Return whether a file name is a Markdown note's. */
export function isMarkdownName(name) {
  return /\.(md|markdown)$/i.test(name);
}

/** Return a YAML scalar without quotes. */
function unquote(value) {
  return value.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** Return the front matter's fields (date, tags) with line numbers, and the body after it. */
export function frontMatter(text) {
  const lines = plainLines(text).split('\n');
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (end < 0) return { fields: {}, body: lines.join('\n') };
  const fields = {};
  let list = null;
  lines.slice(1, end).forEach((line, i) => {
    const item = /^\s+-\s+(.*)$/.exec(line);
    const pair = /^([\w-]+):\s*(.*)$/.exec(line);
    if (item && list) list.push(unquote(item[1]));
    else if (pair) {
      const value = pair[2].trim();
      list = value === '' ? [] : null;
      const values = /^\[(.*)\]$/.exec(value)?.[1].split(',').map(unquote).filter(Boolean);
      fields[pair[1].toLowerCase()] = { value: list ?? values ?? unquote(value), line: i + 2 };
    }
  });
  return { fields, body: lines.slice(end + 1).join('\n') };
}

/** Return the date of a note: its front matter's, else its file name's; or throw. */
function noteDate(name, fields) {
  const given = fields.date?.value;
  if (given !== undefined) {
    const parts = typeof given === 'string' ? dayParts(given) : null;
    const time = TIME.exec(given)?.slice(1, 3).map(Number) ?? [12, 0];
    const created = parts && wallClock(...parts, ...time);
    if (!created) {
      const where = { format: FORMAT, file: name, line: fields.date.line, value: String(given) };
      throw new ImportError('bad_date', where);
    }
    return { parts, created };
  }
  const match = NAME_DATE.exec(name) ?? PATH_DATE.exec(name);
  if (!match) throw new ImportError('no_date', { format: FORMAT, file: name });
  const parts = match.slice(1, 4).map(Number);
  const created = wallClock(...parts);
  if (!created) throw new ImportError('bad_date', { format: FORMAT, file: name, value: name });
  return { parts, created };
}

/** Return a note's tags: its front matter's (a list or "a, b") and #tags in its text. */
function noteTags(fields, body) {
  const given = fields.tags?.value ?? [];
  const listed = Array.isArray(given) ? given : given.split(/[,\s]+/);
  const inline = [...body.matchAll(INLINE_TAG)].map(([, tag]) => tag);
  return [...new Set([...listed, ...inline].map((tag) => tag.replace(/^#/, '')).filter(Boolean))];
}

/** Return the records of Markdown notes ([{ name, text }]), or throw an ImportError naming one. */
export function parseMarkdown(notes) {
  const records = notes.map(({ name, text }) => {
    const { fields, body } = frontMatter(text);
    const { parts, created } = noteDate(name, fields);
    return {
      key: null,
      created,
      day: isoDay(...parts),
      text: body.trim(),
      labels: noteTags(fields, body),
      mood: null,
      starred: false,
      where: { file: name },
    };
  });
  return { format: FORMAT, records, leftOut: {} };
}
