// The journal's order and search: pure functions of the entries, newest first.

/** Return text folded for searching: lower case, without accents. */
export function fold(text) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Return the entries that match every word of a search (all of them for an empty one). */
export function searchEntries(entries, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const haystack = fold(`${entry.text ?? ''} ${entry.question_text ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Put each conflict copy right after its original, so the two are seen together. */
export function conflictsAfterOriginals(entries) {
  const present = new Set(entries.map((entry) => entry.id));
  const copies = new Map();
  for (const entry of entries) {
    if (entry.conflict_of && present.has(entry.conflict_of)) {
      copies.set(entry.conflict_of, [...(copies.get(entry.conflict_of) ?? []), entry]);
    }
  }
  return entries
    .filter((entry) => !(entry.conflict_of && present.has(entry.conflict_of)))
    .flatMap((entry) => [entry, ...(copies.get(entry.id) ?? [])]);
}

/** Group entries (newest first) into [day, entries] pairs. */
export function groupByDay(entries) {
  const groups = new Map();
  for (const entry of entries) {
    if (!groups.has(entry.day)) groups.set(entry.day, []);
    groups.get(entry.day).push(entry);
  }
  return [...groups];
}

/** Return the kind of a journal entry as its filter knows it: reflection, kantelen or checkin. */
export function entryKind(entry) {
  if (entry.kind === 'checkin') return 'checkin';
  return entry.kantelen_of ? 'kantelen' : 'reflection';
}

/**
 * Return the entries that pass every filter: any of the circles, at least the minimum energy,
 * meaning and engagement, a day from/to, and any of the kinds. An empty filter lets all through.
 */
export function filterEntries(entries, filters = {}) {
  const { circles = [], kinds = [], from = '', to = '' } = filters;
  const minimums = ['energy', 'meaning', 'engagement'].filter((key) => filters[key]);
  return entries.filter(
    (entry) =>
      (circles.length === 0 || circles.some((circle) => entry.circles?.includes(circle))) &&
      minimums.every((key) => (entry[key] ?? 0) >= filters[key]) &&
      (!from || entry.day >= from) &&
      (!to || entry.day <= to) &&
      (kinds.length === 0 || kinds.includes(entryKind(entry))),
  );
}
