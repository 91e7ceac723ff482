// The user's seed for today's question, made on first use. One place, so account sync can carry it later.

const SEED_KEY = 'lpb.seed';

/**
 * Resolve with this user's seed, creating it on first use. Kept in localStorage rather than the
 * database, so that opening Today never needs a durable database write.
 */
export async function loadSeed() {
  let seed = localStorage.getItem(SEED_KEY);
  if (!seed) {
    seed = crypto.randomUUID();
    localStorage.setItem(SEED_KEY, seed);
  }
  return seed;
}
