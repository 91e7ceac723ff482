// Our export format (docs/export-format.md): JSON that imports again, Markdown to read, CSV.
// Pure functions, the same as the server's lpb/portability.py, tested with node --test.
import { balanceTable, exportLanguage, exportWords, factsLine, mixTable } from './export-labels.js';

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
// A cell starting with one of these is a formula to a spreadsheet; a leading ' makes it text.
const CSV_FORMULA_START = /^[=+\-@\t\r]/;
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

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

/** Return the fields of an entry that have no column of their own, as the server: keys sorted. */
function extraFields(entry) {
  return sortedKeys(
    Object.fromEntries(Object.entries(entry).filter(([key]) => !OWN_COLUMNS.has(key))),
  );
}

/** Return a JSON value with the keys of its objects in order, so it reads the same everywhere. */
function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

/** Return text for Markdown with its HTML escaped, so a viewer shows it rather than runs it. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>]/g, (char) => HTML_ESCAPES[char]);
}

/** Return one entry as Markdown lines, with word() giving the reader's words. */
function markdownEntry(entry, word, lang) {
  const time = escapeHtml(entry.created_at.slice(11, 16));
  const withFacts = (lines) => {
    const facts = factsLine(entry, word);
    return facts ? [...lines, facts, ''] : lines;
  };
  if (entry.kind === 'reflection') {
    const lines = [`### ${time} · ${escapeHtml(entry.question_text || word('reflection'))}`, ''];
    if (entry.conflict_of) lines.push(`*${word('conflict')}*`, '');
    return withFacts([...lines, escapeHtml(entry.text ?? ''), '']);
  }
  if (entry.kind === 'checkin') return withFacts([`### ${time} · ${word('checkin')}`, '']);
  if (entry.kind === 'mix') {
    return [
      `### ${time} · ${word('mix', { week: escapeHtml(entry.week ?? '') })}`,
      '',
      ...mixTable(entry, word, lang),
      '',
    ];
  }
  if (entry.kind === 'balance') {
    return [`### ${time} · ${word('balance')}`, '', ...balanceTable(entry, word, lang), ''];
  }
  const title = entry.kind === 'question' ? word('question') : escapeHtml(entry.kind);
  return [
    `### ${time} · ${title}`,
    '',
    escapeHtml(entry.text || entry.markdown || entry.nl || entry.en || ''),
    '',
  ];
}

/** Return an export as one readable Markdown document, by day, in the reader's language. */
export function exportMarkdown(document, reader = document.settings?.language) {
  const lang = exportLanguage(reader);
  const word = exportWords(lang);
  const days = new Map();
  for (const entry of document.entries) {
    const day = entry.day || entry.created_at.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  const lines = ['# Levensloopbaan', '', `Export ${escapeHtml(document.exported_at)}`, ''];
  for (const day of [...days.keys()].sort()) {
    lines.push(
      `## ${escapeHtml(day)}`,
      '',
      ...days.get(day).flatMap((entry) => markdownEntry(entry, word, lang)),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Return one CSV cell: quoted as RFC 4180 asks, and never a formula (OWASP CSV injection). */
export function csvField(value) {
  const raw = String(value ?? '');
  const text = CSV_FORMULA_START.test(raw) ? `'${raw}` : raw;
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
