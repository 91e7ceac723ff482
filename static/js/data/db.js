// The one IndexedDB module: opening, versioned upgrades and durable transactions.
import { dayTotals } from '../method/day-totals.js';

const DB_NAME = 'levensloopbaan';
export const DB_VERSION = 3;

/** @type {Promise<IDBDatabase> | null} */
let dbPromise = null;
const versionChangeListeners = new Set();

/**
 * Create or migrate object stores; each version adds a step, older steps never change.
 * @param {IDBDatabase} db
 * @param {number} oldVersion
 * @param {IDBTransaction} tx
 */
function upgrade(db, oldVersion, tx) {
  if (oldVersion < 1) {
    const entries = db.createObjectStore('entries', { keyPath: 'id' });
    entries.createIndex('by_created', 'created_at');
    db.createObjectStore('drafts', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    // The outbox: one row per local change still to be sent, in order (mid = mutation id).
    const outbox = db.createObjectStore('outbox', { keyPath: 'mid' });
    outbox.createIndex('by_entry', 'id');
    if (oldVersion >= 1) queueExistingEntries(tx);
  }
  if (oldVersion < 3) {
    // Range reads of one kind in time order, and per-day totals, so views need not read everything.
    tx.objectStore('entries').createIndex('by_kind_created', ['kind', 'created_at']);
    db.createObjectStore('day_totals', { keyPath: 'day' });
    if (oldVersion >= 1) countExistingDays(tx);
  }
}

/**
 * Version 2 had no day totals: count the entries there are once.
 * @param {IDBTransaction} tx
 */
function countExistingDays(tx) {
  tx.objectStore('entries').getAll().onsuccess = (event) => {
    const totals = tx.objectStore('day_totals');
    dayTotals(/** @type {IDBRequest} */ (event.target).result).forEach((total) =>
      totals.put(total),
    );
  };
}

/**
 * Version 1 had no outbox: queue every entry written then, so none is left behind.
 * @param {IDBTransaction} tx
 */
function queueExistingEntries(tx) {
  let mid = 0;
  tx.objectStore('entries').openCursor().onsuccess = (event) => {
    const cursor = /** @type {IDBRequest<IDBCursorWithValue | null>} */ (event.target).result;
    if (cursor) {
      mid += 1;
      tx.objectStore('outbox').add({ mid, id: cursor.value.id });
      cursor.continue();
    } else if (mid > 0) {
      tx.objectStore('meta').put({
        key: 'client',
        client_id: crypto.randomUUID(),
        next_mid: mid + 1,
      });
    }
  };
}

/**
 * Call listener when another tab needs a newer database version (this tab must reload).
 * @param {() => void} listener
 */
export function onVersionChange(listener) {
  versionChangeListeners.add(listener);
}

/** Open the database once and share the connection. */
export function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) =>
        // An upgrade always runs in its versionchange transaction.
        upgrade(
          request.result,
          event.oldVersion,
          /** @type {IDBTransaction} */ (request.transaction),
        );
      request.onsuccess = () => {
        const db = request.result;
        // Close at once so a newer tab's upgrade is not blocked by this old one.
        db.onversionchange = () => {
          db.close();
          dbPromise = null;
          versionChangeListeners.forEach((listener) => listener());
        };
        db.onclose = () => {
          dbPromise = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        dbPromise = null;
        reject(request.error);
      };
    });
  }
  return dbPromise;
}

/**
 * Resolve with an IDBRequest's result.
 * @template T
 * @param {IDBRequest<T>} request
 * @returns {Promise<T>}
 */
export function result(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Run work(tx) in one transaction and resolve with its value once the transaction is complete.
 * Writes are 'strict' unless asked otherwise: complete means on disk, so "Saved" is only shown
 * when it is true. Only copies of what the server already holds may ask for 'relaxed'.
 * @param {string | string[]} storeNames
 * @param {IDBTransactionMode} mode
 * @template T
 * @param {(tx: IDBTransaction) => T | Promise<T>} work
 * @param {{ durability?: IDBTransactionDurability }} [options]
 * @returns {Promise<T>}
 */
export async function transact(storeNames, mode, work, { durability = 'strict' } = {}) {
  const db = await openDb();
  const tx = db.transaction(storeNames, mode, {
    durability: mode === 'readwrite' ? durability : 'default',
  });
  const completed = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
  completed.catch(() => {}); // handled below; this only silences an early 'unhandledrejection'
  /** @type {T} */
  let value;
  try {
    value = await work(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    await completed.catch(() => {});
    throw error;
  }
  await completed;
  return value;
}
