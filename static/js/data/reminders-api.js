// The reminders API of the server: this device's push reminder, the calendar feed, written-today.
import { callApi } from './api-call.js';
import { result, transact } from './db.js';
import { readMeta, writeMeta } from './device-meta.js';
import { localDay } from '../method/dates.js';

const REMINDERS_ON_KEY = 'reminders-on';
const WRITTEN_PENDING_KEY = 'written-today-pending';

/**
 * Resolve with the API's answer at path, or null where the server has none (404).
 * @param {string} path
 */
async function callOrNull(path) {
  try {
    return await callApi(path);
  } catch (error) {
    if (error.reason === 'not-found') return null;
    throw error;
  }
}

/** Resolve with this device's id: the sync client id, made now if the device never wrote. */
export function deviceId() {
  return transact('meta', 'readwrite', async (tx) => {
    const meta = tx.objectStore('meta');
    const client = await result(meta.get('client'));
    if (client) return client.client_id;
    const made = { key: 'client', client_id: crypto.randomUUID(), next_mid: 1 };
    meta.put(made);
    return made.client_id;
  });
}

/** Resolve with the server's key that browsers subscribe to push with. */
export async function vapidPublicKey() {
  return (await callApi('/api/reminders/vapid-public-key')).public_key;
}

/** Resolve with this device's reminder on the server, or null when it has none. */
export async function loadDeviceReminder() {
  return callOrNull(`/api/reminders/device/${await deviceId()}`);
}

/** Resolve with the schedule saved last on any device or for the calendar feed, or null. */
export async function loadLastSchedule() {
  return callOrNull('/api/reminders/schedule');
}

/**
 * Save this device's reminder: {time, days, skip_when_written, subscription}.
 * @param {object} reminder
 */
export async function saveDeviceReminder(reminder) {
  const body = {
    ...reminder,
    device_id: await deviceId(),
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const saved = await callApi('/api/reminders/device', { method: 'PUT', body });
  await writeMeta(REMINDERS_ON_KEY, true);
  return saved;
}

/** Stop this device's reminders on the server. */
export async function deleteDeviceReminder() {
  await callApi(`/api/reminders/device/${await deviceId()}`, { method: 'DELETE' }).catch(
    (error) => {
      if (error.reason !== 'not-found') throw error;
    },
  );
  await writeMeta(REMINDERS_ON_KEY, false);
}

/** Send a written-today that waits, if it is still today; keep it when offline. */
export async function flushWrittenToday() {
  const day = await readMeta(WRITTEN_PENDING_KEY);
  if (!day) return;
  if (day === localDay())
    await callApi('/api/reminders/written-today', { method: 'POST', body: { day } });
  await writeMeta(WRITTEN_PENDING_KEY, null);
}

/** After a reflection for today: tell the server, so today's reminders stay quiet (best effort). */
export async function noteWrittenToday() {
  try {
    if (!(await readMeta(REMINDERS_ON_KEY))) return;
    await writeMeta(WRITTEN_PENDING_KEY, localDay());
    await flushWrittenToday();
  } catch {
    // Offline or signed out: the worker's next sync sends it, the reminder may come regardless.
  }
}

/** Resolve with the calendar feed's settings, or null when there is none. */
export async function loadCalendarFeed() {
  return callOrNull('/api/reminders/calendar');
}

/**
 * Make (or renew) the calendar feed; resolve with its settings and its secret url.
 * @param {{ time: string, days: number[], lang: string }} feed
 */
export function createCalendarFeed({ time, days, lang }) {
  const time_zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return callApi('/api/reminders/calendar', {
    method: 'POST',
    body: { time, days, lang, time_zone },
  });
}

/** Revoke the calendar feed: its URL stops working. */
export function revokeCalendarFeed() {
  return callApi('/api/reminders/calendar', { method: 'DELETE' });
}
