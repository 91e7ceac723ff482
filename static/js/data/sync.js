// Sync with the server: push the outbox, then pull pages of changes, never both in one transaction.
import { result, transact } from './db.js';

// 50 entries of at most ~64 KB each stay well under the server's 4 MiB request limit.
const PUSH_BATCH = 50;
const PULL_LIMIT = 500;
const STORES = ['entries', 'outbox', 'meta'];

const listeners = new Set();
let current = { state: 'idle', waiting: 0, account: null };
let running = null;
let requested = false;

/** Call listener with {state, waiting, account} whenever the sync state changes. */
export function onSyncState(listener) {
  listeners.add(listener);
  listener(current);
}

/** Tell every listener the new state. */
function report(state, extra = {}) {
  current = { ...current, changed: false, state, ...extra };
  listeners.forEach((listener) => listener(current));
}

/** Return the number of local changes not yet on the server. */
export function countWaiting() {
  return transact('outbox', 'readonly', (tx) => result(tx.objectStore('outbox').count()));
}

/** Return the account this device's entries belong to, or undefined. */
export async function storedAccount() {
  return transact('meta', 'readonly', (tx) => result(tx.objectStore('meta').get('account')));
}

/** An answer from the server that stops this round (not signed in, offline, …). */
export class SyncStop extends Error {
  constructor(state) {
    super(state);
    this.state = state;
  }
}

/** Fetch JSON; a network failure means offline, 401 means the session is gone. */
async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...options });
  } catch {
    throw new SyncStop('offline');
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) throw new SyncStop('signin');
  return { status: response.status, body };
}

/** Return the signed-in session with a fresh CSRF token (a cached page's token goes stale). */
async function freshSession() {
  const { status, body } = await request('/api/session');
  if (status !== 200) throw new SyncStop('error');
  return body;
}

/** Run one sync round now, or once more after the running one. */
export function syncNow() {
  requested = true;
  running ??= (async () => {
    while (requested) {
      requested = false;
      await syncRound();
    }
  })().finally(() => { running = null; });
  return running;
}

/** Push everything waiting, then pull everything new, and report how it went. */
async function syncRound() {
  try {
    if (!navigator.onLine) throw new SyncStop('offline');
    const session = await freshSession();
    const account = await storedAccount();
    if (!session.signed_in) throw new SyncStop(account ? 'signin' : 'local');
    if (account && account.user_id !== session.user_id) throw new SyncStop('other-account');
    if (!account) await claimDevice(session);
    const pushedChanges = await pushAll(session);
    const pulledChanges = await pullAll();
    report('synced', {
      waiting: await countWaiting(),
      account: session.email,
      changed: pushedChanges || pulledChanges,
    });
  } catch (error) {
    const state = error instanceof SyncStop ? error.state : 'error';
    if (state === 'resync') requested = true; // another round at once, from the start
    report(state, { waiting: await countWaiting().catch(() => current.waiting) });
  }
}

/** The first sign-in on this device: its entries join the account. */
function claimDevice(session) {
  return transact('meta', 'readwrite', (tx) => {
    tx.objectStore('meta').put({ key: 'account', user_id: session.user_id, email: session.email });
  });
}

/** Read the next batch of the outbox with each entry's current state. */
function readOutbox() {
  return transact(STORES, 'readonly', async (tx) => {
    const rows = await result(tx.objectStore('outbox').getAll(null, PUSH_BATCH));
    const client = await result(tx.objectStore('meta').get('client'));
    const entries = tx.objectStore('entries');
    const mutations = await Promise.all(rows.map(async ({ mid, id }) => {
      const entry = await result(entries.get(id));
      const base = entry?.version ?? 0;
      if (!entry || entry.deleted) return { mid, op: 'delete', id, base_version: base };
      const { sync, version, deleted, ...fields } = entry;
      return { mid, op: 'put', base_version: base, entry: fields };
    }));
    return { clientId: client?.client_id, mutations };
  });
}

/** Send the outbox in batches until it is empty; return whether the server changed an entry. */
async function pushAll(session) {
  let token = session.csrf_token;
  let changed = false;
  for (;;) {
    const { clientId, mutations } = await readOutbox();
    if (mutations.length === 0) return changed;
    report('syncing', { waiting: await countWaiting() });
    const send = () => request('/api/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token },
      body: JSON.stringify({ client_id: clientId, mutations }),
    });
    let { status, body } = await send();
    if (status === 400 && body.error === 'csrf_failed') {
      token = (await freshSession()).csrf_token;
      ({ status, body } = await send());
    }
    if (status === 409 && body.error === 'conflict_gap') {
      await renumberOutbox();
      continue;
    }
    if (status !== 200) throw new SyncStop(body.error === 'csrf_failed' ? 'signin' : 'error');
    await applyPushResult(body);
    changed ||= body.results.some((item) => item.status === 'conflict' || item.status === 'deleted');
  }
}

/** Store what the server answered: drop sent rows, take its versions, conflicts and deletes. */
function applyPushResult({ last_mutation_id: lastMid, version, results }) {
  return transact(STORES, 'readwrite', async (tx) => {
    const meta = tx.objectStore('meta');
    const seen = (await result(meta.get('seen')))?.value ?? 0;
    meta.put({ key: 'seen', value: Math.max(seen, version) });
    const outbox = tx.objectStore('outbox');
    const entries = tx.objectStore('entries');
    outbox.delete(IDBKeyRange.upperBound(lastMid));
    for (const item of results) {
      const waiting = await result(outbox.index('by_entry').count(item.id));
      if (item.status === 'deleted') {
        entries.put({ ...item.entry, sync: 'synced' });
      } else if (waiting > 0) {
        continue; // newer local edits follow; they are based on what this device saw
      } else if (item.status === 'applied') {
        const entry = await result(entries.get(item.id));
        if (entry) entries.put({ ...entry, version: item.version, sync: 'synced' });
      } else if (item.status === 'conflict') {
        entries.put({ ...item.entry, sync: 'synced' });
      }
    }
  });
}

/** Give this device a new client id and queue the given entry ids again, numbered from 1. */
function restartOutbox(tx, ids) {
  const outbox = tx.objectStore('outbox');
  outbox.clear();
  ids.forEach((id, index) => outbox.add({ mid: index + 1, id }));
  tx.objectStore('meta').put({ key: 'client', client_id: crypto.randomUUID(), next_mid: ids.length + 1 });
}

/** The server lost track of this device's numbering (restored from a backup): start a new one. */
function renumberOutbox() {
  return transact(STORES, 'readwrite', async (tx) => {
    const rows = await result(tx.objectStore('outbox').getAll());
    restartOutbox(tx, rows.map((row) => row.id));
  });
}

/**
 * The server has fewer changes than this device saw (restored from a backup): send every entry
 * again and pull from the start. What the server has already is a no-op there, the rest comes back.
 */
function resendEverything() {
  return transact(STORES, 'readwrite', async (tx) => {
    restartOutbox(tx, await result(tx.objectStore('entries').getAllKeys()));
    tx.objectStore('meta').put({ key: 'cursor', value: 0 });
    tx.objectStore('meta').put({ key: 'seen', value: 0 });
  });
}

/**
 * Pull pages of changes, each stored together with its cursor; return whether any came.
 * A change skipped for local edits holds the stored cursor just before it: if the push of those
 * edits turns out to be a duplicate, the next pull brings that change again instead of losing it.
 */
async function pullAll() {
  const [cursor, seen] = await transact('meta', 'readonly', (tx) => Promise.all(
    ['cursor', 'seen'].map(async (key) => (await result(tx.objectStore('meta').get(key)))?.value ?? 0),
  ));
  let since = cursor;
  let heldAt = null;
  let changed = false;
  for (;;) {
    const { status, body } = await request(`/api/pull?since=${since}&seen=${seen}&limit=${PULL_LIMIT}`);
    if (status === 409 && body.error === 'cursor_ahead') {
      await resendEverything();
      throw new SyncStop('resync');
    }
    if (status !== 200) throw new SyncStop('error');
    await transact(STORES, 'readwrite', async (tx) => {
      const waiting = new Set((await result(tx.objectStore('outbox').getAll())).map((row) => row.id));
      const entries = tx.objectStore('entries');
      for (const change of body.changes) {
        // Local edits not yet sent win on screen; their push makes a conflict copy if needed.
        if (!waiting.has(change.id)) entries.put({ ...change, sync: 'synced' });
        else heldAt ??= change.version - 1;
      }
      tx.objectStore('meta').put({ key: 'cursor', value: heldAt ?? body.cursor });
    });
    changed ||= body.changes.length > 0;
    since = body.cursor;
    if (!body.has_more) return changed;
  }
}

/** Forget this account's data on the device (after signing out). */
export function clearAccountData() {
  return transact(['entries', 'outbox', 'meta', 'drafts'], 'readwrite', (tx) => {
    ['entries', 'outbox', 'meta', 'drafts'].forEach((store) => tx.objectStore(store).clear());
  });
}

/** Sign out on the server, then clear the device; fails with SyncStop('offline') without network. */
export async function signOut() {
  const session = await freshSession();
  const { status } = await request('/api/signout', {
    method: 'POST',
    headers: { 'X-CSRFToken': session.csrf_token },
  });
  if (status !== 200) throw new SyncStop('error');
  await clearAccountData();
  report('local', { waiting: 0, account: null });
}
