// The exports for people (docs/export-format.md): Markdown to read and CSV for a spreadsheet, in the
// reader's language and time zone, every kind named in words. lpb/portability/readable.py writes
// the same.
import { CIRCLES, MIX_PARTS } from '../method/circles.js';
import { localMoment, writtenDay, writtenWeek } from './export-dates.js';
import {
  ENTRIES,
  balanceTable,
  exportLanguage,
  exportWords,
  factsLine,
  mixTable,
} from './export-labels.js';
import { csvField, escapeHtml } from './export-format.js';

export const CSV_KEYS = [
  'date',
  'time',
  'kind',
  'question',
  'text',
  'circles',
  'energy',
  'meaning',
  'engagement',
  'details',
  'id',
];
const GUIDE_KINDS = new Set(ENTRIES.GUIDE_KINDS);
const NAMED_KINDS = new Set(ENTRIES.NAMED_KINDS);

/**
 * Return the reader's words, language and zone, a way to place an entry in time, and how text is
 * made safe: escaped for Markdown (a viewer shows it rather than runs it), as it is for the CSV.
 * @param {any} document
 * @param {{ lang?: string, timeZone?: string }} [place]
 * @param {(text: string) => string} [escape]
 */
function readerOf(document, { lang, timeZone = 'UTC' } = {}, escape = escapeHtml) {
  const language = exportLanguage(lang ?? document.settings?.language);
  const word = exportWords(language);
  const moment = (iso) => localMoment(iso, timeZone);
  return { lang: language, word, timeZone, moment, escape };
}

/** Return an entry's day (as the device saw it) and its local time, both as written. */
function placed(entry, reader) {
  const local = reader.moment(entry.created_at);
  const day = entry.day || local?.day || entry.created_at.slice(0, 10);
  return { day, time: local?.time ?? entry.created_at.slice(11, 16) };
}

/** Return the name of an entry's kind in words. */
function kindName(entry, { word, escape }) {
  if (entry.kind === 'mix')
    return word('mix', { week: writtenWeek(entry.week, word) ?? escape(entry.week ?? '') });
  if (NAMED_KINDS.has(entry.kind) || GUIDE_KINDS.has(entry.kind)) return word(entry.kind);
  return word('other', { kind: escape(entry.kind) });
}

/** Return the remarks on an entry in words: a conflict copy, kantelen, a guide's name. */
function remarks(entry, { word, escape }) {
  const said = [];
  if (entry.conflict_of) said.push(word('conflict'));
  if (entry.kantelen_of && CIRCLES.includes(entry.to_circle))
    said.push(word('kantelen', { circle: word(entry.to_circle) }));
  if (GUIDE_KINDS.has(entry.kind) && entry.guide_name)
    said.push(word('from_guide', { name: escape(entry.guide_name) }));
  return said;
}

/** Return what an entry says in its own words: a text, a shared summary, an own question. */
function textOf(entry) {
  return entry.text || entry.markdown || entry.nl || entry.en || '';
}

/** Return one entry as Markdown lines. */
function markdownEntry(entry, reader) {
  const { word, lang } = reader;
  const title =
    entry.kind === 'reflection' ? escapeHtml(entry.question_text || word('reflection')) : null;
  const time = escapeHtml(placed(entry, reader).time);
  const lines = [`### ${time} · ${title ?? kindName(entry, reader)}`, ''];
  remarks(entry, reader).forEach((remark) => lines.push(`*${remark}*`, ''));
  if (entry.kind === 'mix') return [...lines, ...mixTable(entry, word, lang), ''];
  if (entry.kind === 'balance') return [...lines, ...balanceTable(entry, word, lang), ''];
  if (entry.kind !== 'checkin') lines.push(escapeHtml(textOf(entry)), '');
  const facts = factsLine(entry, word);
  return facts ? [...lines, facts, ''] : lines;
}

/** Return the moment of the export in words: "maandag 7 december 2026, 07:40". */
function exportedWhen(document, reader) {
  const local = reader.moment(document.exported_at);
  if (!local) return escapeHtml(document.exported_at);
  return `${writtenDay(local.day, reader.word)}, ${local.time}`;
}

/** Return an export as one readable Markdown document, by day, in the reader's language and zone. */
export function exportMarkdown(document, options) {
  const reader = readerOf(document, options);
  const days = new Map();
  for (const entry of document.entries) {
    const { day } = placed(entry, reader);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  const when = exportedWhen(document, reader);
  const zone = escapeHtml(reader.timeZone);
  const lines = ['# Levensloopbaan', '', reader.word('exported', { when, zone }), ''];
  for (const day of [...days.keys()].sort()) {
    lines.push(
      `## ${writtenDay(day, reader.word) ?? escapeHtml(day)}`,
      '',
      ...days.get(day).flatMap((entry) => markdownEntry(entry, reader)),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Return the shares of a mix or a balance in one line, each part with its percent. */
function sharesLine(keys, shares, word, lang) {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return keys.map((key) => `${word(key)} ${number.format(shares?.[key] || 0)}%`).join(', ');
}

/** Return an entry's details for the CSV: remarks, and a mix or balance in words. */
function csvDetails(entry, reader) {
  const { word, lang } = reader;
  const details = remarks(entry, reader);
  if (entry.kind === 'mix') {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    if (entry.hours_per_week)
      details.push(word('mix_hours', { n: number.format(entry.hours_per_week) }));
    details.push(`${word('actual')}: ${sharesLine(MIX_PARTS, entry.actual, word, lang)}`);
    details.push(`${word('wished')}: ${sharesLine(MIX_PARTS, entry.wished, word, lang)}`);
  }
  if (entry.kind === 'balance') details.push(sharesLine(CIRCLES, entry.weights, word, lang));
  return details.join(' · ');
}

/** Return an export as CSV for a spreadsheet: one row per entry, one column per rating. */
export function exportCsv(document, options) {
  const reader = readerOf(document, options, String);
  const { word } = reader;
  const rows = document.entries.map((entry) => {
    const { day, time } = placed(entry, reader);
    const circles = (entry.circles ?? []).filter((circle) => CIRCLES.includes(circle));
    return [
      writtenDay(day, word) ?? day,
      time,
      entry.kind === 'reflection' ? word('reflection') : kindName(entry, reader),
      entry.question_text ?? '',
      textOf(entry),
      circles.map((circle) => word(circle)).join(', '),
      entry.energy ?? '',
      entry.meaning ?? '',
      entry.engagement ?? '',
      csvDetails(entry, reader),
      entry.id,
    ]
      .map(csvField)
      .join(',');
  });
  const header = CSV_KEYS.map((key) => csvField(word(`col_${key}`))).join(',');
  return `${[header, ...rows].join('\n')}\n`;
}
