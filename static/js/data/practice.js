// The guide's practice on this device: the practice API, with what was fetched kept in the
// database's meta store so that a guide can read it offline (on the train, between sessions).
// What is kept of a client is forgotten at the next fetch once that client stops sharing.
import { callApi } from './api-call.js';
import { readMeta, writeMeta } from './device-meta.js';
import { transact } from './db.js';

const PRACTICE_KEY = 'practice';
const clientKey = (/** @type {number} */ id) => `practice-client-${id}`;

/**
 * Forget what this device kept under key.
 * @param {string} key
 */
function forgetMeta(key) {
  return transact('meta', 'readwrite', (tx) => {
    tx.objectStore('meta').delete(key);
  });
}

/**
 * Forget every kept client page whose client is no longer in the practice.
 * @param {KeptPractice | undefined} before
 * @param {{ clients: { link_id: number }[] }} practice
 */
async function forgetEnded(before, practice) {
  const live = new Set(practice.clients.map((client) => client.link_id));
  const gone = (before?.clients ?? []).filter((client) => !live.has(client.link_id));
  await Promise.all(gone.map((client) => forgetMeta(clientKey(client.link_id))));
}

/**
 * Resolve with { practice, offline }: the clients from the server when it answers (kept for
 * later), else as this device last saw them (offline: true). Fails when nothing was ever kept.
 */
export async function loadPractice() {
  const before = await readMeta(PRACTICE_KEY);
  try {
    const practice = await callApi('/api/guide/practice');
    await forgetEnded(before, practice);
    await writeMeta(PRACTICE_KEY, { ...practice, fetched_at: new Date().toISOString() });
    return { practice, offline: false };
  } catch (error) {
    if (error.reason !== 'offline' || !before) throw error;
    return { practice: before, offline: true };
  }
}

/**
 * Resolve with { client, offline } for one client; { ended } when the client stopped sharing
 * (the guide's notes of them, if any, come with it). Offline, the kept page is used.
 * @param {number} id
 */
export async function loadClient(id) {
  try {
    const client = await callApi(`/api/guide/practice/${id}`);
    await writeMeta(clientKey(id), client);
    return { client, offline: false };
  } catch (error) {
    if (error.reason === 'offline') {
      const kept = await readMeta(clientKey(id));
      if (kept) return { client: kept, offline: true };
      throw error;
    }
    if (error.reason !== 'not-found' && error.reason !== 'ended') throw error;
    await forgetMeta(clientKey(id));
    /** @type {KeptPractice | undefined} */
    const practice = await readMeta(PRACTICE_KEY);
    const kept = (practice?.ended ?? []).find((row) => row.link_id === id);
    return { ended: kept ?? { link_id: id, name: '', notes: '' }, known: error.reason === 'ended' };
  }
}

/**
 * Bring the kept practice up to date when the app starts or comes online (quietly): a client who
 * stopped sharing is forgotten on this device then, even before the Guidance tab is opened.
 * @param {unknown} guiding
 */
export async function refreshPractice(guiding) {
  if (!guiding && !(await readMeta(PRACTICE_KEY))) return;
  await loadPractice().catch(() => {});
}

/**
 * Save the guide's private notes of a client; resolves with the saved record.
 * @param {number} id
 * @param {string} notes
 */
export async function saveNotes(id, notes) {
  const record = await callApi(`/api/guide/practice/${id}/notes`, {
    method: 'PUT',
    body: { notes },
  });
  const kept = await readMeta(clientKey(id));
  if (kept) await writeMeta(clientKey(id), { ...kept, ...record });
  return record;
}

/**
 * Delete the guide's notes of a client (of an ended link: the last trace of them).
 * @param {number} id
 */
export async function deleteNotes(id) {
  await callApi(`/api/guide/practice/${id}/notes`, { method: 'DELETE' });
  /** @type {KeptPractice | undefined} */
  const practice = await readMeta(PRACTICE_KEY);
  if (practice)
    await writeMeta(PRACTICE_KEY, {
      ...practice,
      ended: practice.ended.filter((row) => row.link_id !== id),
    });
}

/**
 * Record the day of the last session with a client (YYYY-MM-DD).
 * @param {number} id
 * @param {string} heldOn
 */
export function recordSession(id, heldOn) {
  return callApi(`/api/guide/practice/${id}/session`, {
    method: 'PUT',
    body: { held_on: heldOn },
  });
}

/**
 * Choose the name the guide's clients see.
 * @param {string} name
 */
export function saveDisplayName(name) {
  return callApi('/api/guide/profile', { method: 'PUT', body: { display_name: name } });
}
