// Reading a stretch of the history: entries of a few days through an index, and per-day totals,
// so a view's cost follows what it shows rather than how long the journal is.
import { result, transact } from './db.js';
import { addDays } from '../method/day-math.js';
import { WRITTEN_KINDS, dayTotals, isWritten, writtenSummary } from '../method/day-totals.js';
import { readMeta, writeMeta } from './device-meta.js';

export const DAY_TOTALS = 'day_totals';
// In meta: a number that grows with every change to what is written, for anything derived from it.
export const WRITTEN_GENERATION = 'written-generation';
const SUMMARY_KEY = 'written-summary';
// Days close together are counted from one range read (a pulled page is mostly consecutive days).
const CLUSTER_GAP_DAYS = 7;

/**
 * Return the written entries (reflections and check-ins, not deleted) of the days from..to, in
 * tx, oldest first. A day is local to where it was written, so the read of created_at times
 * reaches a day further on each side and the day field decides.
 * @param {IDBTransaction} tx
 * @param {string} from
 * @param {string} to
 * @param {string[]} [kinds]
 * @returns {Promise<Entry[]>}
 */
async function writtenInTx(tx, from, to, kinds = WRITTEN_KINDS) {
  const index = tx.objectStore('entries').index('by_kind_created');
  const parts = await Promise.all(
    kinds.map((kind) =>
      result(
        index.getAll(
          IDBKeyRange.bound([kind, addDays(from, -1)], [kind, addDays(to, 2)], false, true),
        ),
      ),
    ),
  );
  return parts
    .flat()
    .filter((entry) => isWritten(entry) && entry.day >= from && entry.day <= to)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

/**
 * Return the written entries (of kinds) of the days from..to (both included), newest first.
 * @param {string} from
 * @param {string} to
 * @param {string[]} [kinds]
 * @returns {Promise<Entry[]>}
 */
export async function writtenBetween(from, to, kinds = WRITTEN_KINDS) {
  if (!from || !to || from > to) return [];
  const entries = await transact('entries', 'readonly', (tx) => writtenInTx(tx, from, to, kinds));
  return entries.reverse();
}

/**
 * Return the reflections of the days from..to (both included), newest first.
 * @param {string} from
 * @param {string} to
 */
export function reflectionsBetween(from, to) {
  return writtenBetween(from, to, ['reflection']);
}

/**
 * Return the entries of a kind created at or after an ISO time, not deleted, newest first.
 * @param {string} kind
 * @param {string} time
 * @returns {Promise<Entry[]>}
 */
export async function entriesCreatedSince(kind, time) {
  const entries = await transact('entries', 'readonly', (tx) =>
    result(
      tx
        .objectStore('entries')
        .index('by_kind_created')
        .getAll(IDBKeyRange.bound([kind, time], [kind, []])),
    ),
  );
  return entries.filter((entry) => !entry.deleted).reverse();
}

/**
 * Return the per-day totals of the days from..to (default: all), oldest first.
 * @param {string} [from]
 * @param {string} [to]
 * @returns {Promise<DayTotal[]>}
 */
export function readDayTotals(from = '0000-00-00', to = '9999-99-99') {
  return transact(DAY_TOTALS, 'readonly', (tx) =>
    result(tx.objectStore(DAY_TOTALS).getAll(IDBKeyRange.bound(from, to))),
  );
}

/**
 * Return the summary of all days written (see writtenSummary): kept in meta and made again from
 * every day's totals only after something written changed.
 */
export async function readWrittenSummary() {
  const [kept, stored] = await Promise.all([readMeta(SUMMARY_KEY), readMeta(WRITTEN_GENERATION)]);
  const generation = stored ?? 0;
  if (kept?.generation === generation) return kept;
  const summary = { ...writtenSummary(await readDayTotals()), generation };
  // Best effort: without it, the next visit counts again.
  await writeMeta(SUMMARY_KEY, summary).catch(() => {});
  return summary;
}

/**
 * Return the sorted days of the written kinds among changed entries, in runs of nearby days.
 * @param {Entry[]} changed
 */
function dayRuns(changed) {
  const days = [...new Set(changed.filter((e) => WRITTEN_KINDS.includes(e.kind)).map((e) => e.day))]
    .filter(Boolean)
    .sort();
  /** @type {string[][]} */
  const runs = [];
  days.forEach((day, i) => {
    if (i > 0 && day <= addDays(days[i - 1], CLUSTER_GAP_DAYS))
      /** @type {string[]} */ (runs.at(-1)).push(day);
    else runs.push([day]);
  });
  return runs;
}

/**
 * Return the written entries of the days from..to, in tx, taking those just written from known
 * (by id) and reading only the others: a pulled page need not read back what it wrote.
 * @param {IDBTransaction} tx
 * @param {string} from
 * @param {string} to
 * @param {Map<IDBValidKey, Entry>} known
 * @returns {Promise<Entry[]>}
 */
async function writtenOfRun(tx, from, to, known) {
  const index = tx.objectStore('entries').index('by_kind_created');
  const store = tx.objectStore('entries');
  const range = (/** @type {string} */ kind) =>
    IDBKeyRange.bound([kind, addDays(from, -1)], [kind, addDays(to, 2)]);
  const ids = await Promise.all(WRITTEN_KINDS.map((kind) => result(index.getAllKeys(range(kind)))));
  const entries = await Promise.all(ids.flat().map((id) => known.get(id) ?? result(store.get(id))));
  return entries.filter((entry) => isWritten(entry) && entry.day >= from && entry.day <= to);
}

/**
 * Count again the days of the changed entries, in tx (with entries, meta and day_totals,
 * read-write), after the entries were written: every writer of entries calls this in its own
 * transaction, so the totals are never out of step with the entries.
 * @param {IDBTransaction} tx
 * @param {Entry[]} changed
 */
export async function recountDays(tx, changed) {
  const store = tx.objectStore(DAY_TOTALS);
  const runs = dayRuns(changed);
  if (runs.length === 0) return;
  const meta = tx.objectStore('meta');
  const generation = (await result(meta.get(WRITTEN_GENERATION)))?.value ?? 0;
  meta.put({ key: WRITTEN_GENERATION, value: generation + 1 });
  const known = new Map(changed.map((entry) => [entry.id, entry]));
  for (const run of runs) {
    const written = await writtenOfRun(tx, run[0], /** @type {string} */ (run.at(-1)), known);
    const totals = new Map(dayTotals(written).map((total) => [total.day, total]));
    run.forEach((day) => (totals.has(day) ? store.put(totals.get(day)) : store.delete(day)));
  }
}
