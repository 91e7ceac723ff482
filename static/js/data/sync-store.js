// The IndexedDB side of sync: each step reads or writes in its own transaction, never across a fetch.
import { result, transact } from './db.js';
import { DAY_TOTALS, recountDays } from './history.js';
import {
  afterPullPage,
  afterPush,
  pushMutations,
  renumberedOutbox,
  withinBytes,
} from './sync-decisions.js';

// Kept apart so that Today's start does not load the sync rules; sync's users import it here.
export { claimDevice, storedAccount } from './device-account.js';

// 50 entries of at most ~64 KB each stay well under the server's 4 MiB request limit.
const PUSH_BATCH = 50;
// The server refuses a push over 1 MiB (lpb/sync/services.py MAX_PUSH_BYTES): stay well under it.
const PUSH_BYTES = 512 * 1024;
const STORES = ['entries', 'outbox', 'meta', DAY_TOTALS];
const ALL_STORES = [...STORES, 'drafts'];

/**
 * Return the value kept under key in meta, or fallback.
 * @param {IDBTransaction} tx
 * @param {string} key
 * @param {unknown} fallback
 * @returns {Promise<any>}
 */
async function metaValue(tx, key, fallback) {
  return (await result(tx.objectStore('meta').get(key)))?.value ?? fallback;
}

/**
 * Return a Map of the given entry ids to what the device has (undefined when none).
 * @param {IDBTransaction} tx
 * @param {string[]} ids
 * @returns {Promise<Map<string, Entry | undefined>>}
 */
async function entriesById(tx, ids) {
  const store = tx.objectStore('entries');
  return new Map(
    await Promise.all(
      [...new Set(ids)].map(
        async (id) => /** @type {[string, any]} */ ([id, await result(store.get(id))]),
      ),
    ),
  );
}

/** Return the number of local changes not yet on the server. */
export function countWaiting() {
  return transact('outbox', 'readonly', (tx) => result(tx.objectStore('outbox').count()));
}

/** Read the next batch of the outbox as mutations, with this device's client id. */
export function readOutbox() {
  return transact(STORES, 'readonly', async (tx) => {
    const rows = await result(tx.objectStore('outbox').getAll(null, PUSH_BATCH));
    const client = await result(tx.objectStore('meta').get('client'));
    const entries = await entriesById(
      tx,
      rows.map((row) => row.id),
    );
    const mutations = withinBytes(pushMutations(rows, entries), PUSH_BYTES);
    return { clientId: client?.client_id, mutations };
  });
}

/**
 * Store what the server answered to a push; return whether it changed an entry.
 * @param {{ last_mutation_id: number, version: number, results: any[] }} answer
 */
export function storePushAnswer(answer) {
  return transact(STORES, 'readwrite', async (tx) => {
    const outbox = tx.objectStore('outbox');
    const decided = afterPush(answer, {
      outbox: await result(outbox.getAll()),
      entries: await entriesById(
        tx,
        answer.results.map((item) => item.id),
      ),
      seen: await metaValue(tx, 'seen', 0),
    });
    tx.objectStore('meta').put({ key: 'seen', value: decided.seen });
    outbox.delete(IDBKeyRange.upperBound(decided.dropUpTo));
    decided.writes.forEach((entry) => tx.objectStore('entries').put(entry));
    await recountDays(tx, decided.writes);
    return decided.changed;
  });
}

/**
 * Replace the outbox by one numbered from 1 for the given ids, under a new client id.
 * @param {IDBTransaction} tx
 * @param {IDBValidKey[]} ids
 */
function restartOutbox(tx, ids) {
  const { rows, client } = renumberedOutbox(ids, crypto.randomUUID());
  const outbox = tx.objectStore('outbox');
  outbox.clear();
  rows.forEach((row) => outbox.add(row));
  tx.objectStore('meta').put(client);
}

/**
 * Take a mutation the server refuses for good out of the outbox; its entry stays, marked refused.
 * @param {any} mutation
 */
export function setAsideMutation(mutation) {
  return transact(STORES, 'readwrite', async (tx) => {
    tx.objectStore('outbox').delete(mutation.mid);
    const entry = await result(tx.objectStore('entries').get(mutation.entry?.id ?? mutation.id));
    if (entry) tx.objectStore('entries').put({ ...entry, sync: 'refused' });
  });
}

/** The server lost track of this device's numbering (restored from a backup): start a new one. */
export function renumberOutbox() {
  return transact(STORES, 'readwrite', async (tx) => {
    const rows = await result(tx.objectStore('outbox').getAll());
    restartOutbox(
      tx,
      rows.map((row) => row.id),
    );
  });
}

/**
 * The server has fewer changes than this device saw (restored from a backup): send every entry
 * again and pull from the start. What the server has already is a no-op there, the rest comes back.
 */
export function resendEverything() {
  return transact(STORES, 'readwrite', async (tx) => {
    restartOutbox(tx, await result(tx.objectStore('entries').getAllKeys()));
    tx.objectStore('meta').put({ key: 'cursor', value: 0 });
    tx.objectStore('meta').put({ key: 'seen', value: 0 });
  });
}

/** Return where the last pull stopped and the highest version this device heard of. */
export function readPullState() {
  return transact('meta', 'readonly', async (tx) => ({
    cursor: await metaValue(tx, 'cursor', 0),
    seen: await metaValue(tx, 'seen', 0),
  }));
}

/**
 * Store a pulled page together with its cursor (the checkpoint never runs ahead of the data).
 * Relaxed durability: a page is a copy of what the server holds, and its cursor is in the same
 * transaction, so a power cut loses both or neither and the next pull fetches the page again.
 * No local edit is written here (entries with unpushed changes are held, not overwritten).
 * @param {{ changes: any[], cursor: number }} page
 * @param {number | null} heldAt
 * @returns {Promise<number | null>}
 */
export function storePullPage(page, heldAt) {
  const work = async (/** @type {IDBTransaction} */ tx) => {
    const waiting = new Set((await result(tx.objectStore('outbox').getAll())).map((row) => row.id));
    const decided = afterPullPage(page, waiting, heldAt);
    decided.writes.forEach((entry) => tx.objectStore('entries').put(entry));
    await recountDays(tx, decided.writes);
    tx.objectStore('meta').put({ key: 'cursor', value: decided.cursor });
    return decided.heldAt;
  };
  return transact(STORES, 'readwrite', work, { durability: 'relaxed' });
}

/** Forget this account's data on the device (after signing out). */
export function clearAccountData() {
  return transact(ALL_STORES, 'readwrite', (tx) => {
    ALL_STORES.forEach((store) => tx.objectStore(store).clear());
  });
}
