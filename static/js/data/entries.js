// Entries on the device: every change is stored with its outbox row in one durable transaction.
import { result, transact } from './db.js';
import { DAY_TOTALS, recountDays } from './history.js';
import { localDay } from '../method/dates.js';
import { CIRCLES, ENERGY_LEVELS, MAX_TEXT_LENGTH } from '../method/circles.js';

// Kept on a tombstone; everything else (the text above all) goes.
const TOMBSTONE_FIELDS = ['id', 'kind', 'day', 'created_at', 'version'];

const changeListeners = new Set();

/** Call listener after every local change (sync then sends it soon). @param {() => void} listener */
export function onLocalChange(listener) {
  changeListeners.add(listener);
}

/**
 * Take the next count mutation ids of this device (the first is returned), creating its client id on first use.
 * @param {IDBTransaction} tx
 * @param {number} [count]
 */
export async function nextMutationId(tx, count = 1) {
  const meta = tx.objectStore('meta');
  const client = (await result(meta.get('client'))) ?? {
    key: 'client',
    client_id: crypto.randomUUID(),
    next_mid: 1,
  };
  meta.put({ ...client, next_mid: client.next_mid + count });
  return client.next_mid;
}

/**
 * Store entry as changed here and queue it for the server; drop a draft in the same transaction.
 * @param {IDBTransaction} tx
 * @param {Entry} entry
 * @param {string | null} draftKey
 */
async function storeChange(tx, entry, draftKey) {
  const stored = { ...entry, updated_at: new Date().toISOString(), sync: 'pending' };
  tx.objectStore('entries').put(stored);
  tx.objectStore('outbox').add({ mid: await nextMutationId(tx), id: entry.id });
  if (draftKey) tx.objectStore('drafts').delete(draftKey);
  await recountDays(tx, [stored]);
  return stored;
}

/**
 * Run a change transaction and tell the listeners once it is on disk.
 * @param {(tx: IDBTransaction) => Promise<any>} work
 */
async function change(work) {
  const value = await transact(
    ['entries', 'outbox', 'meta', 'drafts', DAY_TOTALS],
    'readwrite',
    work,
  );
  changeListeners.forEach((listener) => listener());
  return value;
}

/**
 * Create an entry of a kind with the given fields; resolve with it once it is on disk.
 * @param {string} kind
 * @param {object} fields
 * @param {{ draftKey?: string | null, createdAt?: Date }} [options]
 */
export function createEntry(kind, fields, { draftKey = null, createdAt = new Date() } = {}) {
  const entry = {
    ...fields,
    id: crypto.randomUUID(),
    kind,
    day: localDay(createdAt),
    created_at: createdAt.toISOString(),
    deleted: false,
    version: 0, // the server version this copy is based on; 0 = not on the server yet
  };
  return change((tx) => storeChange(tx, entry, draftKey));
}

/**
 * Change some fields of an entry; fails with NotFoundError if it was deleted meanwhile.
 * @param {string} id
 * @param {object} fields
 * @param {{ draftKey?: string | null }} [options]
 */
export function changeEntry(id, fields, { draftKey = null } = {}) {
  return change(async (tx) => {
    const entry = await result(tx.objectStore('entries').get(id));
    if (!entry || entry.deleted)
      throw new DOMException('This entry no longer exists', 'NotFoundError');
    return storeChange(tx, { ...entry, ...fields }, draftKey);
  });
}

/** Replace an entry by a tombstone; resolve with the removed entry (for undo). @param {string} id */
export function removeEntry(id) {
  return change(async (tx) => {
    const entry = await result(tx.objectStore('entries').get(id));
    if (!entry || entry.deleted) return null;
    const tombstone = /** @type {Entry} */ (
      Object.fromEntries(TOMBSTONE_FIELDS.map((field) => [field, entry[field]]))
    );
    await storeChange(tx, { ...tombstone, deleted: true }, null);
    return entry;
  });
}

/**
 * Return every entry of a kind that is not deleted, newest first.
 * @param {string} kind
 * @returns {Promise<Entry[]>}
 */
export async function listEntries(kind) {
  const ofKind = await transact('entries', 'readonly', (tx) =>
    result(
      tx
        .objectStore('entries')
        .index('by_kind_created')
        .getAll(IDBKeyRange.bound([kind], [kind, []])),
    ),
  );
  return ofKind.filter((entry) => !entry.deleted).reverse();
}

/** Return a 1–5 rating, or null for anything else. @param {any} value @returns {number | null} */
export function rating(value) {
  return ENERGY_LEVELS.includes(value) ? value : null;
}

/** Return a reflection's fields, cleaned of anything unexpected. @param {ReflectionFields} fields */
function reflectionFields({
  text,
  circles = [],
  energy = null,
  meaning = null,
  engagement = null,
  shared_with: sharedWith,
}) {
  // shared_with only when given, so an edit without the guides known keeps the entry's shares.
  const shares = Array.isArray(sharedWith)
    ? { shared_with: sharedWith.filter((id) => Number.isInteger(id) && id > 0) }
    : {};
  return {
    ...shares,
    text: String(text).slice(0, MAX_TEXT_LENGTH),
    circles: CIRCLES.filter((circle) => circles.includes(circle)),
    energy: rating(energy),
    meaning: rating(meaning),
    engagement: rating(engagement),
  };
}

/**
 * Save a new reflection on a question (links: e.g. the kantelen_of an older one) and drop its draft.
 * @param {ReflectionFields & { questionId?: string | null, questionText?: string }} reflection
 * @param {string | null} [draftKey]
 * @param {Record<string, unknown>} [links]
 */
export function saveReflection(
  { questionId = null, questionText = '', ...fields },
  draftKey = null,
  links = {},
) {
  return createEntry(
    'reflection',
    {
      ...reflectionFields(fields),
      question_id: questionId,
      question_text: String(questionText),
      ...links,
    },
    { draftKey },
  );
}

/**
 * Change a reflection's text, circles and ratings, and drop the edit's draft.
 * @param {string} id
 * @param {ReflectionFields} fields
 * @param {string | null} [draftKey]
 */
export function updateReflection(id, fields, draftKey = null) {
  return changeEntry(id, reflectionFields(fields), { draftKey });
}

/** Delete a reflection; resolve with what it was, for undo. @param {string} id */
export function deleteReflection(id) {
  return removeEntry(id);
}

/**
 * Bring a deleted reflection back as a new entry with the same content and time.
 * A new id, because a delete must stay deleted once it has reached other devices.
 * @param {Entry} entry
 */
export function restoreReflection(entry) {
  const {
    id,
    kind,
    day,
    created_at: createdAt,
    deleted,
    version,
    sync,
    updated_at: updatedAt,
    ...fields
  } = entry;
  return createEntry(kind, fields, { createdAt: new Date(createdAt) });
}

/** Return every reflection that is not deleted, newest first. */
export function listReflections() {
  return listEntries('reflection');
}

/**
 * Add exported entries this device does not have yet, keeping their ids and times, and queue
 * them for sync. An id already here (even deleted) is skipped, so importing twice changes nothing.
 * @param {Entry[]} entries
 */
export function importEntries(entries) {
  return change(async (tx) => {
    const store = tx.objectStore('entries');
    const stored = [];
    for (const { sync, version, deleted, ...fields } of entries) {
      if (await result(store.get(fields.id))) continue;
      const entry = {
        conflict_of: null,
        ...fields,
        day: fields.day ?? fields.created_at.slice(0, 10),
        updated_at: fields.updated_at ?? fields.created_at,
        deleted: false,
        version: 0,
        sync: 'pending',
      };
      store.put(entry);
      tx.objectStore('outbox').add({ mid: await nextMutationId(tx), id: fields.id });
      stored.push(entry);
    }
    await recountDays(tx, stored);
    return { added: stored.length, skipped: entries.length - stored.length };
  });
}

/** Return every entry on the device, tombstones included. @returns {Promise<Entry[]>} */
export function allEntries() {
  return transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').getAll()));
}
