// Our export format (docs/export-format.md): JSON that imports again, Markdown to read, CSV.
// Pure functions, the same as the server's lpb/portability.py, tested with node --test.
import { balanceTable, exportWords, factsLine, mixTable } from './export-labels.js';

export const EXPORT_FORMAT = 'levensloopbaan-export';
export const EXPORT_VERSION = 1;
export const CSV_COLUMNS = [
  'id',
  'kind',
  'day',
  'created_at',
  'updated_at',
  'question',
  'text',
  'circles',
  'energy',
  'conflict_of',
  'data',
];
const OWN_COLUMNS = new Set([
  'id',
  'kind',
  'day',
  'created_at',
  'updated_at',
  'question_text',
  'text',
  'circles',
  'energy',
  'conflict_of',
  'question_id',
]);
const DEVICE_ONLY = new Set(['sync', 'version', 'deleted']);

/** Return an entry as exported: without what only means something on this device. */
export function exportEntry(entry) {
  const fields = Object.fromEntries(Object.entries(entry).filter(([key]) => !DEVICE_ONLY.has(key)));
  return { conflict_of: null, ...fields };
}

/** Return the export document of a device's live entries, oldest first. */
export function exportDocument(entries, { account = null, settings = {}, now = new Date() } = {}) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: now.toISOString().slice(0, 19) + 'Z',
    source: 'device',
    account,
    settings,
    entries: entries
      .filter((entry) => !entry.deleted)
      .map(exportEntry)
      .sort((a, b) => (a.created_at + a.id < b.created_at + b.id ? -1 : 1)),
  };
}

/** Return the entries of an export document, or throw an Error with a clear message. */
export function importableEntries(document) {
  if (document?.format !== EXPORT_FORMAT) throw new Error('not-an-export');
  if (document.version !== EXPORT_VERSION) throw new Error('unsupported-version');
  if (!Array.isArray(document.entries)) throw new Error('not-an-export');
  return document.entries.filter(
    (entry) =>
      typeof entry?.id === 'string' &&
      typeof entry?.kind === 'string' &&
      typeof entry?.created_at === 'string',
  );
}

/** Return the fields of an entry that have no column of their own. */
function extraFields(entry) {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !OWN_COLUMNS.has(key)));
}

/** Return one entry as Markdown lines, with word() giving the reader's words. */
function markdownEntry(entry, word, lang) {
  const time = entry.created_at.slice(11, 16);
  const withFacts = (lines) => {
    const facts = factsLine(entry, word);
    return facts ? [...lines, facts, ''] : lines;
  };
  if (entry.kind === 'reflection') {
    const lines = [`### ${time} · ${entry.question_text || word('reflection')}`, ''];
    if (entry.conflict_of) lines.push(`*${word('conflict')}*`, '');
    return withFacts([...lines, entry.text ?? '', '']);
  }
  if (entry.kind === 'checkin') return withFacts([`### ${time} · ${word('checkin')}`, '']);
  if (entry.kind === 'mix') {
    return [
      `### ${time} · ${word('mix', { week: entry.week ?? '' })}`,
      '',
      ...mixTable(entry, word, lang),
      '',
    ];
  }
  if (entry.kind === 'balance') {
    return [`### ${time} · ${word('balance')}`, '', ...balanceTable(entry, word), ''];
  }
  const title = entry.kind === 'question' ? word('question') : entry.kind;
  return [`### ${time} · ${title}`, '', entry.text || entry.nl || entry.en || '', ''];
}

/** Return an export as one readable Markdown document, by day, in lang (else the export's own). */
export function exportMarkdown(document, lang = document.settings?.language ?? 'en') {
  const word = exportWords(lang);
  const days = new Map();
  for (const entry of document.entries) {
    const day = entry.day || entry.created_at.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  const lines = ['# Levensloopbaan', '', `Export ${document.exported_at}`, ''];
  for (const day of [...days.keys()].sort()) {
    lines.push(
      `## ${day}`,
      '',
      ...days.get(day).flatMap((entry) => markdownEntry(entry, word, lang)),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Quote a CSV field when needed. */
function csvField(value) {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Return an export as CSV with the documented columns, one row per entry. */
export function exportCsv(document) {
  const rows = document.entries.map((entry) => {
    const extra = extraFields(entry);
    return [
      entry.id,
      entry.kind,
      entry.day || entry.created_at.slice(0, 10),
      entry.created_at,
      entry.updated_at,
      entry.question_text ?? '',
      entry.text ?? '',
      (entry.circles ?? []).join(' '),
      entry.energy ?? '',
      entry.conflict_of ?? '',
      Object.keys(extra).length ? JSON.stringify(extra) : '',
    ]
      .map(csvField)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
