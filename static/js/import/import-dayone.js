// Day One's JSON export: one JSON file per journal, each { metadata, entries: [...] }.
// Kept: text, creationDate, timeZone, tags, starred and the journal's name; photos, audio, video
// and other attachments are left out and counted. Pure; tested with node --test.
import { ImportError, dayInZone } from './import-common.js';
import { localDay } from '../method/dates.js';

const FORMAT = 'Day One';
// Attachments Day One lists beside an entry's text, by the name we count them under.
const ATTACHMENTS = {
  photos: 'photos',
  audios: 'audio',
  videos: 'videos',
  pdfAttachments: 'files',
};
// Day One marks an attachment in the text as ![](dayone-moment://ID) or ![](dayone-moment:/video/ID).
const MOMENT_LINK = /!?\[[^\]]*\]\(dayone-moment:[^)]*\)\n?/g;
// Day One escapes Markdown characters in plain text: "1\. item", "Hello\!".
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>|~])/g;

/** Return a journal's name from its file name: "Work.json" → "Work". */
export function journalName(fileName) {
  return fileName
    .split('/')
    .pop()
    .replace(/\.json$/i, '');
}

/** Return whether a parsed JSON document looks like a Day One export. */
export function isDayOneDocument(document) {
  return Array.isArray(document?.entries) && document.metadata !== undefined;
}

/** Parse a journal file's text as JSON, or throw an ImportError naming the file. */
export function readJournalJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError('bad_json', { format: FORMAT, file, detail: error.message });
  }
}

/** Return the record of one Day One entry, counting what is left out into leftOut. */
function dayOneRecord(entry, index, journal, leftOut) {
  const where = { file: journal.file, entry: index + 1 };
  const created = new Date(entry?.creationDate ?? NaN);
  if (typeof entry?.creationDate !== 'string' || Number.isNaN(created.getTime()))
    throw new ImportError('bad_date', { format: FORMAT, ...where, value: entry?.creationDate });
  for (const [field, name] of Object.entries(ATTACHMENTS)) {
    if (Array.isArray(entry[field])) leftOut[name] = (leftOut[name] ?? 0) + entry[field].length;
  }
  const text = String(entry.text ?? '')
    .replace(MOMENT_LINK, '')
    .replace(ESCAPED, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const tags = Array.isArray(entry.tags) ? entry.tags.map(String).filter(Boolean) : [];
  return {
    key: typeof entry.uuid === 'string' && entry.uuid ? `uuid:${entry.uuid}` : null,
    created,
    // The day it was where it was written; an unknown zone falls back to this device's.
    day: dayInZone(created, entry.timeZone) ?? localDay(created),
    text,
    labels: journal.name ? [...new Set([...tags, journal.name])] : tags,
    mood: null,
    starred: entry.starred === true,
    where,
  };
}

/**
 * Return the records of Day One journals ([{ file, document }]) and what was left out. With
 * several journals, a journal's name ("Work") becomes a label that maps to circles like a tag.
 */
export function parseDayOne(journals) {
  const leftOut = {};
  const records = [];
  for (const { file, document } of journals) {
    if (!isDayOneDocument(document)) throw new ImportError('not_format', { format: FORMAT, file });
    const name = journals.length > 1 ? journalName(file) : null;
    const journal = { file, name };
    document.entries.forEach((entry, index) =>
      records.push(dayOneRecord(entry, index, journal, leftOut)),
    );
  }
  return { format: FORMAT, records, leftOut };
}
