// Reflections on the device: saving, editing, deleting and drafts, each in one durable transaction.
import { result, transact } from './db.js';
import { localDay } from './dates.js';

export const CIRCLES = ['self', 'close', 'organisations', 'society', 'place'];
export const MAX_TEXT_LENGTH = 20000;

/** Return the fields of a reflection, cleaned of anything unexpected. */
function cleanFields({ text, circles = [], energy = null, questionId = null, questionText = '' }) {
  return {
    text: String(text).slice(0, MAX_TEXT_LENGTH),
    circles: CIRCLES.filter((circle) => circles.includes(circle)),
    energy: Number.isInteger(energy) && energy >= 1 && energy <= 5 ? energy : null,
    question_id: questionId,
    question_text: String(questionText),
  };
}

/** Save a new reflection and drop its draft, in one transaction; resolve with the entry. */
export function saveReflection(fields, draftKey = null) {
  const now = new Date();
  const entry = {
    id: crypto.randomUUID(),
    kind: 'reflection',
    ...cleanFields(fields),
    day: localDay(now),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    deleted: false,
    version: 0, // the server's version this copy is based on; 0 = never on the server
    sync: 'pending',
  };
  return transact(['entries', 'drafts'], 'readwrite', (tx) => {
    tx.objectStore('entries').add(entry);
    if (draftKey) tx.objectStore('drafts').delete(draftKey);
    return entry;
  });
}

/** Change a reflection's text, circles and energy; drop the edit's draft in the same transaction. */
export function updateReflection(id, fields, draftKey = null) {
  return transact(['entries', 'drafts'], 'readwrite', async (tx) => {
    const store = tx.objectStore('entries');
    const entry = await result(store.get(id));
    if (!entry || entry.deleted) throw new DOMException('This reflection no longer exists', 'NotFoundError');
    const updated = {
      ...entry,
      ...cleanFields({ ...fields, questionId: entry.question_id, questionText: entry.question_text }),
      updated_at: new Date().toISOString(),
      sync: 'pending',
    };
    store.put(updated);
    if (draftKey) tx.objectStore('drafts').delete(draftKey);
    return updated;
  });
}

/** Replace a reflection by a tombstone without text; resolve with the removed entry for undo. */
export function deleteReflection(id) {
  return transact('entries', 'readwrite', async (tx) => {
    const store = tx.objectStore('entries');
    const entry = await result(store.get(id));
    if (!entry || entry.deleted) return null;
    store.put({
      id: entry.id,
      kind: entry.kind,
      deleted: true,
      day: entry.day,
      created_at: entry.created_at,
      updated_at: new Date().toISOString(),
      version: entry.version,
      sync: 'pending',
    });
    return entry;
  });
}

/**
 * Bring a deleted reflection back as a new entry with the same content and time.
 * A new id, because a delete must stay deleted once it has reached other devices.
 */
export function restoreReflection(entry) {
  const restored = {
    ...entry,
    id: crypto.randomUUID(),
    updated_at: new Date().toISOString(),
    deleted: false,
    version: 0,
    sync: 'pending',
  };
  return transact('entries', 'readwrite', (tx) => {
    tx.objectStore('entries').add(restored);
    return restored;
  });
}

/** Return every reflection that is not deleted, newest first. */
export async function listReflections() {
  const all = await transact('entries', 'readonly', (tx) =>
    result(tx.objectStore('entries').index('by_created').getAll()));
  return all.filter((entry) => !entry.deleted && entry.kind === 'reflection').reverse();
}

/** Keep what is being written, so a closed tab or a killed app loses nothing. */
export function saveDraft(key, draft) {
  return transact('drafts', 'readwrite', (tx) => {
    tx.objectStore('drafts').put({ ...draft, key, saved_at: new Date().toISOString() });
  });
}

/** Return the draft kept under key, or undefined. */
export function loadDraft(key) {
  return transact('drafts', 'readonly', (tx) => result(tx.objectStore('drafts').get(key)));
}

/** Forget the draft kept under key. */
export function clearDraft(key) {
  return transact('drafts', 'readwrite', (tx) => { tx.objectStore('drafts').delete(key); });
}

/** Return the keys of every kept draft. */
export function draftKeys() {
  return transact('drafts', 'readonly', (tx) => result(tx.objectStore('drafts').getAllKeys()));
}
