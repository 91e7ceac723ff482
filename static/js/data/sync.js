// Sync with the server: push the outbox, then pull pages of changes, never both in one transaction.
// The rules live in sync-decisions.js, the reads and writes in sync-store.js.
import {
  parseLenient,
  pullAnswer,
  pushAnswer,
  readablePage,
  refusedMutation,
  retryDelay,
} from './sync-decisions.js';
import {
  claimDevice,
  clearAccountData,
  countWaiting,
  readOutbox,
  readPullState,
  renumberOutbox,
  resendEverything,
  setAsideMutation,
  storedAccount,
  storePullPage,
  storePushAnswer,
} from './sync-store.js';

// Large pages: a new device fetches 10,000 entries in 5 requests (about 1 MB each).
const PULL_LIMIT = 2000;

const listeners = new Set();
/** @type {{ state: string, waiting: number, account: string | null, [field: string]: any }} */
let current = { state: 'idle', waiting: 0, account: null };
/** @type {Promise<void> | null} */
let running = null;
let requested = false;
// Pulled changes this device could not read since the page was opened (said in the status line).
let setAside = 0;

/**
 * Call listener with {state, waiting, account} whenever the sync state changes.
 * @param {(state: any) => void} listener
 */
export function onSyncState(listener) {
  listeners.add(listener);
  listener(current);
}

/**
 * Tell every listener the new state.
 * @param {string} state
 * @param {object} [extra]
 */
function report(state, extra = {}) {
  current = { ...current, changed: false, state, ...extra };
  listeners.forEach((listener) => listener(current));
}

/** An answer from the server that stops this round (not signed in, offline, busy …). */
export class SyncStop extends Error {
  /**
   * @param {string} state
   * @param {string | null} [retryAfter]
   */
  constructor(state, retryAfter = null) {
    super(state);
    this.state = state;
    this.retryAfter = retryAfter;
  }
}

/**
 * Fetch JSON; a network failure means offline, 401 means the session is gone.
 * @param {string} path
 * @param {RequestInit} [options]
 * @returns {Promise<ServerAnswer>}
 */
async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...options });
  } catch {
    throw new SyncStop('offline');
  }
  const body = parseLenient(await response.text().catch(() => '')) ?? {};
  if (response.status === 401) throw new SyncStop('signin');
  if (response.status === 503) throw new SyncStop('busy', response.headers.get('Retry-After'));
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
  })().finally(() => {
    running = null;
  });
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
      setAside,
      waiting: await countWaiting(),
      account: session.email,
      changed: pushedChanges || pulledChanges,
    });
  } catch (error) {
    const state = error instanceof SyncStop ? error.state : 'error';
    if (state === 'resync') requested = true; // another round at once, from the start
    if (state === 'busy') {
      // The server asked for a pause: try again then, and not at once for a request made meanwhile.
      requested = false;
      setTimeout(syncNow, retryDelay(error.retryAfter));
    }
    const waiting = await countWaiting().catch(() => current.waiting);
    // Offline without an account nothing is waiting to be sent: the status says the device keeps it.
    const local = state === 'offline' && !(await storedAccount().catch(() => null));
    report(state, { waiting, local });
  }
}

/**
 * Send one batch of mutations, with one fresh token if the cached one has gone stale.
 * @param {any} session
 * @param {string} clientId
 * @param {object[]} mutations
 */
async function sendPush(session, clientId, mutations) {
  const send = (/** @type {string} */ token) =>
    request('/api/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token },
      body: JSON.stringify({ client_id: clientId, mutations }),
    });
  let answer = await send(session.csrf_token);
  let next = pushAnswer(answer);
  if (next === 'new-token') {
    session.csrf_token = (await freshSession()).csrf_token;
    answer = await send(session.csrf_token);
    next = pushAnswer(answer, { tokenRenewed: true });
  }
  return { next, body: answer.body };
}

/**
 * Send the outbox in batches until it is empty; return whether the server changed an entry.
 * @param {any} session
 */
async function pushAll(session) {
  let changed = false;
  for (;;) {
    const { clientId, mutations } = await readOutbox();
    if (mutations.length === 0) return changed;
    report('syncing', { waiting: await countWaiting() });
    const { next, body } = await sendPush(session, clientId, mutations);
    if (next === 'refused') {
      // Never taken as it is: kept on the device, out of the way of everything after it.
      // A 'refused' answer names its mutation.
      const refused = /** @type {number} */ (refusedMutation({ status: 400, body }));
      await setAsideMutation(mutations[refused]);
      await renumberOutbox();
    } else if (next === 'renumber') await renumberOutbox();
    else if (next === 'apply') changed = (await storePushAnswer(body)) || changed;
    else throw new SyncStop(next);
  }
}

/**
 * Fetch one page of changes after since; a failed answer stops the round (after a resync).
 * @param {number} since
 * @param {number} seen
 */
async function fetchPage(since, seen) {
  const answer = await request(`/api/pull?since=${since}&seen=${seen}&limit=${PULL_LIMIT}`);
  const next = pullAnswer(answer);
  if (next === 'resync') {
    await resendEverything();
    throw new SyncStop('resync');
  }
  if (next !== 'apply') throw new SyncStop(next);
  const page = readablePage(answer.body);
  if (!page) throw new SyncStop('unreadable');
  setAside += page.skipped;
  return page;
}

/**
 * Pull pages of changes, each stored together with its cursor; return whether any came.
 * The next page is fetched while this one is stored: its cursor still moves only with its data.
 */
async function pullAll() {
  const { cursor, seen } = await readPullState();
  let heldAt = null;
  let changed = false;
  let page = await fetchPage(cursor, seen);
  for (;;) {
    const nextPage = page.has_more ? fetchPage(page.cursor, seen) : null;
    nextPage?.catch(() => {}); // seen when awaited; silences an early 'unhandledrejection'
    heldAt = await storePullPage(page, heldAt);
    changed ||= page.changes.length > 0;
    if (!nextPage) return changed;
    page = await nextPage;
  }
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
