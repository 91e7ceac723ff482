// Reading the journal from the device: its newest entries at once, all of them in chunks.
import { result, transact } from './db.js';

// The kinds the journal shows; balances and mixes live elsewhere.
const JOURNAL_KINDS = new Set(['reflection', 'checkin']);
// Small enough that one chunk keeps the page responsive, large enough to need few transactions.
const CHUNK = 1000;

/**
 * Return whether an entry belongs in the journal: a reflection or check-in, not deleted.
 * @param {Entry} entry
 */
function inJournal(entry) {
  return !entry.deleted && JOURNAL_KINDS.has(entry.kind);
}

/**
 * Return the newest journal entries, newest first: at least `limit` (with every entry sharing the
 * last one's time, so a conflict copy is never cut from its original), and `done` when that is all.
 * @param {number} limit
 * @returns {Promise<{ entries: Entry[], done: boolean }>}
 */
export function readNewestWritten(limit) {
  return transact(
    'entries',
    'readonly',
    (tx) =>
      new Promise((resolve, reject) => {
        /** @type {Entry[]} */
        const found = [];
        const request = tx.objectStore('entries').index('by_created').openCursor(null, 'prev');
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve({ entries: found, done: true });
          if (
            found.length >= limit &&
            cursor.key !== /** @type {Entry} */ (found.at(-1)).created_at
          )
            return resolve({ entries: found, done: false });
          if (inJournal(cursor.value)) found.push(cursor.value);
          return cursor.continue();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/**
 * Read the entries of range from the creation index, oldest first, at most count (all: 0).
 * @param {IDBKeyRange | null} range
 * @param {number} count
 * @returns {Promise<Entry[]>}
 */
function readCreated(range, count) {
  return transact('entries', 'readonly', (tx) =>
    result(
      tx
        .objectStore('entries')
        .index('by_created')
        .getAll(range, count || undefined),
    ),
  );
}

/** Let the page draw and answer input between two chunks. */
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Return the guides' replies among entries (oldest first), by the id of the reflection they answer.
 * @param {Entry[]} entries
 * @returns {Map<string, Entry[]>}
 */
function repliesByEntry(entries) {
  const replies = new Map();
  for (const reply of entries) {
    if (reply.kind !== 'guide_reply' || reply.deleted) continue;
    replies.set(reply.entry_id, [...(replies.get(reply.entry_id) ?? []), reply]);
  }
  return replies;
}

/**
 * Return the guides' replies on the device, by the id of the reflection they answer. Read on their
 * own (from the kind index), so the journal has them however few of its entries it has read yet.
 */
export async function readReplies() {
  const replies = await transact('entries', 'readonly', (tx) =>
    result(
      tx
        .objectStore('entries')
        .index('by_kind_created')
        .getAll(IDBKeyRange.bound(['guide_reply'], ['guide_reply', []])),
    ),
  );
  return repliesByEntry(replies);
}

/**
 * Return every journal entry, newest first, and the guides' replies to them, read in one pass in
 * chunks of a short transaction each. A chunk ends before the time it stops in, so entries sharing
 * a time are never split across two chunks.
 */
export async function readAllWritten() {
  const chunks = [];
  /** @type {IDBKeyRange | null} */
  let range = null;
  for (;;) {
    const rows = await readCreated(range, CHUNK);
    if (rows.length < CHUNK) {
      chunks.push(rows);
      break;
    }
    const edge = /** @type {Entry} */ (rows.at(-1)).created_at;
    const whole = rows.filter((entry) => entry.created_at !== edge);
    if (whole.length) {
      chunks.push(whole);
      range = IDBKeyRange.lowerBound(edge);
    } else {
      chunks.push(await readCreated(IDBKeyRange.only(edge), 0));
      range = IDBKeyRange.lowerBound(edge, true);
    }
    await pause();
  }
  const all = chunks.flat();
  return { entries: all.filter(inJournal).reverse(), replies: repliesByEntry(all) };
}
