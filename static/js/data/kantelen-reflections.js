// The reflections kantelen needs. Its pick may be any reflection of a week or more ago, so it is
// made from every reflection and kept for the day until anything written changes; until then, the
// kept one and this week's reflections give the same invitation without reading everything again.
import { result, transact } from './db.js';
import { listReflections } from './entries.js';
import { readMeta, writeMeta } from './device-meta.js';
import { WRITTEN_GENERATION, reflectionsBetween } from './history.js';
import { kantelenInvitation } from '../method/kantelen-choice.js';
import { weekStart } from '../method/day-math.js';

const KEPT_KEY = 'kantelen-pick';

/**
 * Resolve with an entry by id, or undefined.
 * @param {string} id
 * @returns {Promise<Entry | undefined>}
 */
function readEntry(id) {
  return transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').get(id)));
}

/**
 * Resolve with the reflections that decide today's kantelen invitation for this seed.
 * @param {string} today
 * @param {string} seed
 * @returns {Promise<Entry[]>}
 */
export async function kantelenReflections(today, seed) {
  const [kept, generation] = await Promise.all([readMeta(KEPT_KEY), readMeta(WRITTEN_GENERATION)]);
  /** @type {Record<string, unknown>} */
  const stamp = { day: today, seed, generation: generation ?? 0 };
  if (Object.keys(stamp).every((key) => kept?.[key] === stamp[key])) {
    const [week, entry] = await Promise.all([
      reflectionsBetween(weekStart(today), today),
      kept.entry_id ? readEntry(kept.entry_id) : null,
    ]);
    return entry && !entry.deleted ? [...week, entry] : week;
  }
  const reflections = await listReflections();
  // Reading every reflection and looking through them are each a task's work on a phone.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const invitation = kantelenInvitation({ reflections, today, seed });
  const stored = await writeMeta(KEPT_KEY, {
    ...stamp,
    entry_id: invitation?.entry.id ?? null,
  }).then(
    () => true,
    () => false, // best effort: without it, the next visit reads everything again
  );
  // Once kept, the few reflections the kept pick needs say the same: the card looks through those.
  return stored ? kantelenReflections(today, seed) : reflections;
}
