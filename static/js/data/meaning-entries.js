// The entries of "meaning you can see": quick check-ins and the wished balance of the circles.
import { changeEntry, createEntry, listEntries, listReflections, rating } from './entries.js';
import { CIRCLES } from '../method/circles.js';

/**
 * Save a quick check-in of today: energy and meaning, 1–5 each, no text.
 * @param {{ energy: unknown, meaning: unknown }} checkin
 */
export function saveCheckin({ energy, meaning }) {
  return createEntry('checkin', { energy: rating(energy), meaning: rating(meaning) });
}

/** Return every quick check-in that is not deleted, newest first. */
export function listCheckins() {
  return listEntries('checkin');
}

/** Return the reflections and check-ins together, newest first: everything that counts as written. */
export async function listWritten() {
  const [reflections, checkins] = await Promise.all([listReflections(), listCheckins()]);
  return [...reflections, ...checkins].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** Return every wished balance entry (normally one). */
export function listBalances() {
  return listEntries('balance');
}

/**
 * Store the wished balance: whole percents per circle; changes the one there is, if any.
 * @param {Record<string, number>} weights
 * @param {{ id: string } | null} [existing]
 */
export function saveBalance(weights, existing = null) {
  const clean = Object.fromEntries(
    CIRCLES.map((circle) => [circle, Math.max(0, Math.min(100, Math.round(weights[circle] ?? 0)))]),
  );
  if (existing) return changeEntry(existing.id, { weights: clean });
  return createEntry('balance', { weights: clean });
}
