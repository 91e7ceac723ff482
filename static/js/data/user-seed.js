// The seed that makes today's question the same on every device of one person.
import { claimDevice, storedAccount } from './device-account.js';
import { readMeta, writeMeta } from './device-meta.js';

const SEED_KEY = 'seed';
// Where older versions kept the device's seed; only a page has it, the worker never does.
const LEGACY_SEED_KEY = 'lpb.seed';
const SESSION_TIMEOUT_MS = 1500;

/** Resolve with the signed-in session, or null when offline, signed out or slow. */
async function signedInSession() {
  if (!navigator.onLine) return null;
  try {
    const response = await fetch('/api/session', {
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(SESSION_TIMEOUT_MS),
    });
    const session = await response.json();
    return session.signed_in ? session : null;
  } catch {
    return null;
  }
}

/**
 * Resolve with the account this device belongs to. Right after signing in, sync may not have
 * claimed the device yet: with askServer, a signed-in session claims it now, as sync would.
 * @param {{ askServer: boolean }} options
 */
async function deviceAccount({ askServer }) {
  const account = await storedAccount();
  if (account || !askServer) return account;
  const session = await signedInSession();
  if (!session) return undefined;
  await claimDevice(session);
  return storedAccount();
}

/**
 * Resolve with this person's seed: the account's id once signed in (so every device of the account
 * draws the same question), else a random one kept on this device. Page and worker share it.
 */
export async function loadSeed({ askServer = false } = {}) {
  const account = await deviceAccount({ askServer });
  if (account) return `account:${account.user_id}`;
  const kept = await readMeta(SEED_KEY);
  if (kept) return kept;
  const seed = globalThis.localStorage?.getItem(LEGACY_SEED_KEY) || crypto.randomUUID();
  globalThis.localStorage?.setItem(LEGACY_SEED_KEY, seed);
  // Opening Today must work on a full device too: the page then keeps the seed in localStorage.
  await writeMeta(SEED_KEY, seed).catch(() => {});
  return seed;
}
