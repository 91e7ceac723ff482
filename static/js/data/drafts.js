// Drafts on the device: what is being written, kept so a closed tab or a killed app loses nothing.
import { result, transact } from './db.js';

/**
 * Keep a draft under key.
 * @param {string} key
 * @param {object} draft
 */
export function saveDraft(key, draft) {
  return transact('drafts', 'readwrite', (tx) => {
    tx.objectStore('drafts').put({ ...draft, key, saved_at: new Date().toISOString() });
  });
}

/**
 * Return the draft kept under key, or undefined.
 * @param {string} key
 * @returns {Promise<any>}
 */
export function loadDraft(key) {
  return transact('drafts', 'readonly', (tx) => result(tx.objectStore('drafts').get(key)));
}

/**
 * Forget the draft kept under key.
 * @param {string} key
 */
export function clearDraft(key) {
  return transact('drafts', 'readwrite', (tx) => {
    tx.objectStore('drafts').delete(key);
  });
}

/** Return the keys of every kept draft. */
export function draftKeys() {
  return transact('drafts', 'readonly', (tx) => result(tx.objectStore('drafts').getAllKeys()));
}
