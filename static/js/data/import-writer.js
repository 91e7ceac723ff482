// Writing an imported journal: in batches, each one durable transaction with its outbox rows (as
// typing writes), so a closed page leaves whole entries or none, and the page stays usable between.
import { result, transact } from './db.js';
import { DAY_TOTALS, recountDays } from './history.js';
import { nextMutationId } from './entries.js';

const BATCH_SIZE = 500;

/**
 * Write the entries of one batch this device does not have yet; resolve with how many.
 * @param {Entry[]} batch
 * @returns {Promise<number>}
 */
function writeBatch(batch) {
  return transact(['entries', 'outbox', 'meta', DAY_TOTALS], 'readwrite', async (tx) => {
    const store = tx.objectStore('entries');
    // An id already here (even deleted) stays as it is: importing again changes nothing.
    const here = await Promise.all(batch.map((entry) => result(store.getKey(entry.id))));
    const fresh = batch
      .filter((_, i) => here[i] === undefined)
      .map((entry) => ({
        conflict_of: null,
        ...entry,
        updated_at: entry.created_at,
        deleted: false,
        version: 0, // not on the server yet
        sync: 'pending',
      }));
    if (fresh.length === 0) return 0;
    let mid = await nextMutationId(tx, fresh.length);
    for (const entry of fresh) {
      store.put(entry);
      tx.objectStore('outbox').add({ mid, id: entry.id });
      mid += 1;
    }
    await recountDays(tx, fresh);
    return fresh.length;
  });
}

/**
 * Write imported entries, oldest first, calling onProgress(done, total) after each batch; resolve
 * with { added, skipped }. Sync sends them like any change (the caller asks it to start).
 * @param {any[]} entries
 * @param {(done: number, total: number) => void} [onProgress]
 */
export async function writeImported(entries, onProgress = () => {}) {
  const sorted = [...entries].sort((a, b) => a.created_at.localeCompare(b.created_at));
  let added = 0;
  for (let done = 0; done < sorted.length; done += BATCH_SIZE) {
    const batch = sorted.slice(done, done + BATCH_SIZE);
    added += await writeBatch(batch);
    onProgress(done + batch.length, sorted.length);
    // A task boundary between batches: the progress bar is drawn and taps are answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { added, skipped: sorted.length - added };
}
