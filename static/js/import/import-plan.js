// From a journal's records to what the preview shows and to our entries: stable ids, what is left
// out and why, and the user's mapping of labels to circles and of moods to energy. Pure.
import { stableId } from './import-common.js';
import { suggestCircle } from './suggest-circles.js';
import { BUILT_IN_MOODS } from './import-daylio.js';
import { CIRCLES, MAX_TEXT_LENGTH } from '../method/circles.js';

const pad = (n) => String(n).padStart(2, '0');

/**
 * Return the records with their stable id, each source entry once: the source's own id (Day
 * One's uuid) where it has one, else its day, wall-clock time, text (and Daylio's mood).
 */
export async function withIds(parsed) {
  const seen = new Set();
  const records = [];
  for (const record of parsed.records) {
    const time = `${record.day}T${pad(record.created.getHours())}:${pad(record.created.getMinutes())}`;
    const source = record.key ?? [time, record.text, record.mood ?? ''].join('|');
    const id = await stableId(parsed.format, source);
    if (seen.has(id)) continue;
    seen.add(id);
    records.push({ ...record, id });
  }
  return { ...parsed, records, duplicates: parsed.records.length - records.length };
}

/** Return [name, count] pairs of a list of names, most frequent first, then by name. */
function counted(names) {
  const counts = new Map();
  names.forEach((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Return what the preview shows: how many entries, their first and last day, labels (tags,
 * activities, journals) and moods with counts, and what is left out (photos…, empty entries,
 * mood-only rows, entries twice in the file, texts cut at the length limit).
 */
export function summarise(planned) {
  const { records } = planned;
  const written = records.filter((record) => record.text);
  const days = records.map((record) => record.day).sort();
  return {
    format: planned.format,
    total: records.length,
    written: written.length,
    from: days[0] ?? null,
    to: days.at(-1) ?? null,
    labels: counted(records.flatMap((record) => record.labels)),
    // Daylio's own moods best first, then custom ones by how often they were chosen.
    moods: counted(records.map((record) => record.mood).filter(Boolean)).sort(
      ([a], [b]) => (BUILT_IN_MOODS[b] ?? 0) - (BUILT_IN_MOODS[a] ?? 0),
    ),
    moodOnly: records.filter((record) => !record.text && record.mood).length,
    leftOut: {
      ...planned.leftOut,
      empty: records.filter((record) => !record.text && !record.mood).length,
      duplicates: planned.duplicates,
      shortened: written.filter((record) => record.text.length > MAX_TEXT_LENGTH).length,
    },
  };
}

/** Return the suggested mapping: labels to circles by their words, moods off (energy unused). */
export function suggestedMapping(summary) {
  return {
    circles: Object.fromEntries(summary.labels.map(([label]) => [label, suggestCircle(label)])),
    useMood: false,
    moods: Object.fromEntries(summary.moods.map(([mood]) => [mood, BUILT_IN_MOODS[mood] ?? null])),
  };
}

/** Return the entry of one record under a mapping, or null when it is left out (empty). */
function entryOf(record, format, mapping) {
  const energy = mapping.useMood && record.mood ? (mapping.moods[record.mood] ?? null) : null;
  if (!record.text && energy === null) return null;
  const common = {
    id: record.id,
    day: record.day,
    created_at: record.created.toISOString(),
    imported_from: format,
  };
  if (!record.text) return { ...common, kind: 'checkin', energy, meaning: null };
  const chosen = new Set(record.labels.map((label) => mapping.circles[label]));
  return {
    ...common,
    kind: 'reflection',
    text: record.text.slice(0, MAX_TEXT_LENGTH),
    circles: CIRCLES.filter((circle) => chosen.has(circle)),
    energy,
    meaning: null,
    engagement: null,
    question_id: null,
    question_text: null,
    ...(record.labels.length > 0 ? { import_tags: record.labels.join(', ') } : {}),
    ...(record.starred ? { starred: true } : {}),
  };
}

/** Return the entries to write for the planned records under the user's mapping. */
export function plannedEntries(planned, mapping) {
  return planned.records.map((record) => entryOf(record, planned.format, mapping)).filter(Boolean);
}
