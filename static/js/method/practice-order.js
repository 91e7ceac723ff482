// The guide's practice view: which client comes first, and the search by name. Pure functions.

/**
 * Return how much is new of a client since the guide's last visit.
 * @param {PracticeClient} client
 */
export function newCount(client) {
  return (client.new_reflections ?? 0) + (client.new_answers ?? 0);
}

/**
 * Return a name folded for searching: lower case, without accents ("Èlla" → "ella").
 * @param {string | null | undefined} name
 */
export function foldName(name) {
  return (name ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Return whether a client's name holds what was typed in the search (accents ignored).
 * @param {PracticeClient} client
 * @param {string} query
 */
export function matchesName(client, query) {
  return foldName(client.name).includes(foldName(query));
}

/**
 * Return the clients ordered by what is new: first those with something new since the last
 * visit, then the others; within each, the most recent activity first (none last), then by name.
 * @template {PracticeClient} T
 * @param {T[]} clients
 * @param {string} [lang]
 * @returns {T[]}
 */
export function orderClients(clients, lang = 'nl') {
  const activity = (/** @type {PracticeClient} */ client) => client.last_activity ?? '';
  return [...clients].sort(
    (a, b) =>
      Number(newCount(b) > 0) - Number(newCount(a) > 0) ||
      activity(b).localeCompare(activity(a)) ||
      (a.name ?? '').localeCompare(b.name ?? '', lang, { sensitivity: 'base' }),
  );
}

/**
 * Return the clients to show: ordered, and only those whose name matches the search.
 * @template {PracticeClient} T
 * @param {T[]} clients
 * @param {string} [query]
 * @param {string} [lang]
 * @returns {T[]}
 */
export function practiceList(clients, query = '', lang = 'nl') {
  return orderClients(
    clients.filter((client) => matchesName(client, query)),
    lang,
  );
}
