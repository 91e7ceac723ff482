// The words of the Markdown and CSV exports in the reader's language: kinds, circles, ratings, the
// eigen mix, dates. They are lpb/vocabulary.json's, as lpb/portability/export_words.py's are: the
// server writes them in here (lpb/vocabulary.py), node --test reads the file.
import { CIRCLES, MIX_PARTS } from '../method/circles.js';

const LABELS = JSON.parse(
  /** @type {any} */ (globalThis).process
    .getBuiltinModule('fs')
    .readFileSync(new URL('../../../lpb/vocabulary.json', import.meta.url)),
).export;
// The kinds named in words, a guide's kinds and the ratings.
export const ENTRIES = JSON.parse(
  /** @type {any} */ (globalThis).process
    .getBuiltinModule('fs')
    .readFileSync(new URL('../../../lpb/vocabulary.json', import.meta.url)),
).entries;

/** Return the language the export is written in: lang when it has the words, else English. */
export function exportLanguage(lang) {
  return Object.hasOwn(LABELS, lang) ? lang : 'en';
}

/** Return a function that gives the export's words in lang (English for other languages). */
export function exportWords(lang) {
  const labels = LABELS[exportLanguage(lang)];
  return (key, values = {}) =>
    labels[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Return a number with at most one decimal, the language's way ("1,8" in Dutch). */
function number(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/** Return a reflection's or check-in's circles and ratings as one italic line, or null. */
export function factsLine(entry, word) {
  const facts = [
    (entry.circles ?? [])
      .filter((circle) => CIRCLES.includes(circle))
      .map((c) => word(c))
      .join(', '),
    ...ENTRIES.RATINGS.map((key) => entry[key] && word(key, { n: entry[key] })),
  ].filter(Boolean);
  return facts.length ? `*${facts.join(' · ')}*` : null;
}

/** Return a mix as a small Markdown table: its parts in percent (and hours, with a week total). */
export function mixTable(entry, word, lang) {
  const hours = entry.hours_per_week;
  const cell = (shares, key) => {
    const share = shares?.[key] || 0;
    const percent = `${number(share, lang)}%`;
    if (!hours) return percent;
    return `${percent} · ${word('hours', { n: number((share * hours) / 100, lang) })}`;
  };
  const lines = hours ? [word('mix_hours', { n: number(hours, lang) }), ''] : [];
  return [
    ...lines,
    `| ${word('part')} | ${word('actual')} | ${word('wished')} |`,
    '|---|---:|---:|',
    ...MIX_PARTS.map(
      (key) => `| ${word(key)} | ${cell(entry.actual, key)} | ${cell(entry.wished, key)} |`,
    ),
  ];
}

/** Return a wished balance as a Markdown table of the circles in percent. */
export function balanceTable(entry, word, lang) {
  return [
    `| ${word('circle')} | % |`,
    '|---|---:|',
    ...CIRCLES.map(
      (circle) => `| ${word(circle)} | ${number(entry.weights?.[circle] || 0, lang)}% |`,
    ),
  ];
}
