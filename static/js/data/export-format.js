// Our export format (docs/export-format.md): JSON that imports again (Markdown and CSV for people
// are in export-readable.js). Pure functions, the same as the server's lpb/portability/export.py.

export const EXPORT_FORMAT = 'levensloopbaan-export';
export const EXPORT_VERSION = 1;
const DEVICE_ONLY = new Set(['sync', 'version', 'deleted']);
// A cell starting with one of these is a formula to a spreadsheet; a leading ' makes it text.
const CSV_FORMULA_START = /^[=+\-@\t\r]/;
/** @type {Record<string, string>} */
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Return an entry as exported: without what only means something on this device.
 * @param {Record<string, any>} entry
 * @returns {Record<string, any>}
 */
export function exportEntry(entry) {
  const fields = Object.fromEntries(Object.entries(entry).filter(([key]) => !DEVICE_ONLY.has(key)));
  return { conflict_of: null, ...fields };
}

/**
 * Return the export document of a device's live entries, oldest first.
 * @param {Entry[]} entries
 * @param {{ account?: unknown, settings?: object, now?: Date }} [options]
 */
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

/**
 * Return the entries of an export document, or throw an Error with a clear message.
 * @param {any} document
 * @returns {Entry[]}
 */
export function importableEntries(document) {
  if (document?.format !== EXPORT_FORMAT) throw new Error('not-an-export');
  if (document.version !== EXPORT_VERSION) throw new Error('unsupported-version');
  if (!Array.isArray(document.entries)) throw new Error('not-an-export');
  return document.entries.filter(
    (/** @type {any} */ entry) =>
      typeof entry?.id === 'string' &&
      typeof entry?.kind === 'string' &&
      typeof entry?.created_at === 'string',
  );
}

/**
 * Return text for Markdown with its HTML escaped, so a viewer shows it rather than runs it.
 * @param {unknown} value
 */
export function escapeHtml(value) {
  return String(value).replace(/[&<>]/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Return one CSV cell: quoted as RFC 4180 asks, and never a formula (OWASP CSV injection).
 * @param {unknown} value
 */
export function csvField(value) {
  const raw = String(value ?? '');
  const text = CSV_FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
