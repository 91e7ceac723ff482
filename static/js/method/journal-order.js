// The journal's order and search: pure functions of the entries, newest first.

/**
 * Return text folded for searching: lower case, without accents.
 * @param {string} text
 */
export function fold(text) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

// Folding is the slow part of a search: each entry is folded once (a changed entry is a new object).
const folded = new WeakMap();

/**
 * Return an entry's text and question, folded for searching (kept, so folding once is enough).
 * @param {Entry} entry
 * @returns {string}
 */
export function haystack(entry) {
  if (!folded.has(entry))
    folded.set(entry, fold(`${entry.text ?? ''} ${entry.question_text ?? ''}`));
  return folded.get(entry);
}

// One long string of every entry's folded text, per list of entries: a search runs indexOf over it
// (quick in any engine) instead of testing each entry in turn.
const indexes = new WeakMap();

/**
 * Return the search index of a list: the joined folded texts and where each entry starts.
 * @param {Entry[]} entries
 * @returns {{ text: string, starts: number[] }}
 */
export function searchIndex(entries) {
  if (!indexes.has(entries)) {
    /** @type {number[]} */
    const starts = [];
    let length = 0;
    const texts = entries.map((entry) => {
      starts.push(length);
      const text = haystack(entry);
      length += text.length + 1;
      return text;
    });
    indexes.set(entries, { text: texts.join('\n'), starts });
  }
  return indexes.get(entries);
}

/**
 * Return the index of the entry whose text holds position, by bisection of the starts.
 * @param {number[]} starts
 * @param {number} position
 */
function entryAt(starts, position) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Return the entries that match every word of a search (all of them for an empty one), in order.
 * @param {Entry[]} entries
 * @param {string} query
 */
export function searchEntries(entries, query) {
  const words = fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (words.length === 0) return entries;
  const { text, starts } = searchIndex(entries);
  const [longest, ...others] = words;
  const found = [];
  for (let at = text.indexOf(longest); at !== -1;) {
    const index = entryAt(starts, at);
    const entry = entries[index];
    if (others.every((word) => haystack(entry).includes(word))) found.push(entry);
    at = index + 1 < starts.length ? text.indexOf(longest, starts[index + 1]) : -1;
  }
  return found;
}

/**
 * Return how many entries to show so the one at index is among them, in whole steps.
 * @param {number} index
 * @param {number} step
 */
export function countShowing(index, step) {
  return Math.ceil((index + 1) / step) * step;
}

/**
 * Return the count to keep after the list changed: up to the entry shown last before, at least step.
 * @param {Entry[]} entries
 * @param {string | null} lastShownId
 * @param {number} previous
 * @param {number} step
 */
export function countKept(entries, lastShownId, previous, step) {
  const index = entries.findIndex((entry) => entry.id === lastShownId);
  return Math.max(step, index >= 0 ? index + 1 : previous);
}

/**
 * Put each conflict copy right after its original, so the two are seen together.
 * @param {Entry[]} entries
 */
export function conflictsAfterOriginals(entries) {
  const copies = new Map();
  for (const entry of entries) {
    if (entry.conflict_of)
      copies.set(entry.conflict_of, [...(copies.get(entry.conflict_of) ?? []), entry]);
  }
  if (copies.size === 0) return entries;
  const present = new Set(entries.map((entry) => entry.id));
  const ordered = [];
  for (const entry of entries) {
    if (entry.conflict_of && present.has(entry.conflict_of)) continue;
    ordered.push(entry, ...(copies.get(entry.id) ?? []));
  }
  return ordered;
}

const links = new WeakMap();

/**
 * Return each entry of a list by id, and by the id of the older one it looks at again (the newest look).
 * @param {Entry[]} entries
 * @returns {{ byId: Map<string, Entry>, laterLook: Map<string, Entry> }}
 */
export function entryLinks(entries) {
  if (!links.has(entries)) {
    const byId = new Map();
    const laterLook = new Map();
    for (const entry of entries) {
      byId.set(entry.id, entry);
      if (entry.kantelen_of && !laterLook.has(entry.kantelen_of))
        laterLook.set(entry.kantelen_of, entry);
    }
    links.set(entries, { byId, laterLook });
  }
  return links.get(entries);
}

/**
 * Group entries (newest first) into [day, entries] pairs.
 * @param {Entry[]} entries
 * @returns {[string, Entry[]][]}
 */
export function groupByDay(entries) {
  const groups = new Map();
  for (const entry of entries) {
    if (!groups.has(entry.day)) groups.set(entry.day, []);
    groups.get(entry.day).push(entry);
  }
  return [...groups];
}

/**
 * Return the kind of a journal entry as its filter knows it: reflection, kantelen or checkin.
 * @param {Entry} entry
 */
export function entryKind(entry) {
  if (entry.kind === 'checkin') return 'checkin';
  return entry.kantelen_of ? 'kantelen' : 'reflection';
}

/**
 * Return whether a rating passes its filter: n means at least n, -n at most n (and rated).
 * @param {number | null | undefined} value
 * @param {number} limit
 */
function ratingPasses(value, limit) {
  return limit > 0
    ? (value ?? 0) >= limit
    : Boolean(value) && /** @type {number} */ (value) <= -limit;
}

/**
 * Return the entries that pass every filter: any of the circles, energy, meaning and engagement
 * at least (a positive limit) or at most (a negative one), a day from/to, and any of the kinds.
 * An empty filter lets all through.
 * @param {Entry[]} entries
 * @param {JournalFilters} [filters]
 */
export function filterEntries(entries, filters = {}) {
  const { circles = [], kinds = [], from = '', to = '' } = filters;
  const limits = ['energy', 'meaning', 'engagement'].filter((key) => filters[key]);
  if (!circles.length && !kinds.length && !from && !to && !limits.length) return entries;
  return entries.filter(
    (entry) =>
      (circles.length === 0 || circles.some((circle) => entry.circles?.includes(circle))) &&
      limits.every((key) => ratingPasses(entry[key], filters[key])) &&
      (!from || entry.day >= from) &&
      (!to || entry.day <= to) &&
      (kinds.length === 0 || kinds.includes(entryKind(entry))),
  );
}
