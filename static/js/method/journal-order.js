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
    const haystack = fold(`${entry.text} ${entry.question_text ?? ''}`);
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
