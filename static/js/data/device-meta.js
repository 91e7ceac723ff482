// Small values this device keeps in the database's meta store, readable by the page and the worker.
import { result, transact } from './db.js';

/**
 * Resolve with the value kept under key, or undefined.
 * @param {string} key
 * @returns {Promise<any>}
 */
export async function readMeta(key) {
  const row = await transact('meta', 'readonly', (tx) => result(tx.objectStore('meta').get(key)));
  return row?.value;
}

/**
 * Keep value under key (a durable write).
 * @param {string} key
 * @param {unknown} value
 */
export function writeMeta(key, value) {
  return transact('meta', 'readwrite', (tx) => {
    tx.objectStore('meta').put({ key, value });
  });
}

/**
 * Keep value under key unless it is already there; saves a write on every start.
 * @param {string} key
 * @param {unknown} value
 */
export async function keepMeta(key, value) {
  if ((await readMeta(key)) !== value) await writeMeta(key, value);
}

/**
 * Remember the app's language for the worker, which cannot read the page's localStorage.
 * @param {string} lang
 */
export function rememberLanguage(lang) {
  return keepMeta('lang', lang);
}

/** Resolve with the language the page last used, or undefined. */
export function rememberedLanguage() {
  return readMeta('lang');
}
