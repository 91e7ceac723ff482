// The seed that makes today's question the same on every device of one person.
import { storedAccount } from './sync-store.js';

const SEED_KEY = 'lpb.seed';

/**
 * Resolve with this person's seed: the account's id once signed in (so every device of the account
 * draws the same question), else a random one kept on this device (in localStorage, so that opening
 * Today never needs a durable database write).
 */
export async function loadSeed() {
  const account = await storedAccount();
  if (account) return `account:${account.user_id}`;
  let seed = localStorage.getItem(SEED_KEY);
  if (!seed) {
    seed = crypto.randomUUID();
    localStorage.setItem(SEED_KEY, seed);
  }
  return seed;
}
