// What a sync round decides: what to push, what each answer means, what to store and where the
// pull cursor stands. Pure functions of plain values, so node --test runs the real rules.

/**
 * Return the outbox rows as mutations, each sending its entry's current state (gone or deleted: a delete).
 * @param {{ mid: number, id: string }[]} rows
 * @param {Map<string, Entry | undefined>} entries
 */
export function pushMutations(rows, entries) {
  return rows.map(({ mid, id }) => {
    const entry = entries.get(id);
    const base = entry?.version ?? 0;
    if (!entry || entry.deleted) return { mid, op: 'delete', id, base_version: base };
    const { sync, version, deleted, ...fields } = entry;
    return { mid, op: 'put', base_version: base, entry: fields };
  });
}

/**
 * Return the first mutations whose JSON fits in maxBytes (at least one: the server takes any one).
 * @template T
 * @param {T[]} mutations
 * @param {number} maxBytes
 * @returns {T[]}
 */
export function withinBytes(mutations, maxBytes) {
  const encoder = new TextEncoder();
  let size = 0;
  const kept = [];
  for (const mutation of mutations) {
    size += encoder.encode(JSON.stringify(mutation)).length + 1;
    if (kept.length > 0 && size > maxBytes) break;
    kept.push(mutation);
  }
  return kept;
}

/**
 * Return what a push answer asks for: 'apply', 'new-token', 'renumber', 'signin', 'busy',
 * 'refused' (the server will never take one of the mutations) or 'error'.
 * @param {ServerAnswer} answer
 * @param {{ tokenRenewed?: boolean }} [options]
 */
export function pushAnswer(answer, { tokenRenewed = false } = {}) {
  const { status, body } = answer;
  if (status === 400 && body.error === 'csrf_failed') return tokenRenewed ? 'signin' : 'new-token';
  if (status === 409 && body.error === 'conflict_gap') return 'renumber';
  if (status === 503 || status === 429) return 'busy';
  if (refusedMutation(answer) !== null) return 'refused';
  return status === 200 ? 'apply' : 'error';
}

/**
 * Return the index of the mutation a 400 answer names ("mutations[3].entry.day: …"), or null.
 * @param {ServerAnswer} answer
 */
export function refusedMutation({ status, body }) {
  if (status !== 400 || body?.error !== 'invalid_request') return null;
  const match = /^mutations\[(\d+)\]/.exec(body.message ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Return the milliseconds to wait after a busy answer: its Retry-After, a little spread out.
 * @param {string | null} retryAfter
 * @param {() => number} [random]
 */
export function retryDelay(retryAfter, random = Math.random) {
  const seconds = Number.parseInt(retryAfter ?? '', 10);
  const wait = seconds > 0 ? Math.min(seconds, 300) : 5;
  return Math.round(wait * 1000 * (1 + random() / 2));
}

/**
 * Parse an answer's JSON; NaN or Infinity (which JSON does not have) read as null.
 * @param {string} text
 */
export function parseLenient(text) {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/([:,[]\s*)-?(?:NaN|Infinity)(?=\s*[,}\]])/g, '$1null'));
    } catch {
      return null;
    }
  }
}

/**
 * Return a pulled page with only the changes a device can store, and how many were set aside.
 * @param {any} body
 * @returns {{ changes: any[], cursor: number, skipped: number, has_more?: boolean } | null}
 */
export function readablePage(body) {
  if (!Array.isArray(body?.changes) || !Number.isInteger(body.cursor)) return null;
  const changes = body.changes.filter(
    (/** @type {any} */ change) =>
      typeof change?.id === 'string' &&
      typeof change.kind === 'string' &&
      Number.isInteger(change.version),
  );
  return { ...body, changes, skipped: body.changes.length - changes.length };
}

/**
 * Return an entry as stored after hearing it from the server.
 * @template {object} E
 * @param {E} entry
 */
function synced(entry) {
  return { ...entry, sync: 'synced' };
}

/**
 * Return what a push answer changes: outbox rows to drop, entries to write, `seen`, `changed`.
 * @param {{ last_mutation_id: number, version: number, results: any[] }} answer
 * @param {{ outbox: { mid: number, id: string }[], entries: Map<string, Entry | undefined>, seen: number }} device
 */
export function afterPush(
  { last_mutation_id: lastMid, version, results },
  { outbox, entries, seen },
) {
  // An entry with newer local edits still waiting keeps its state: those edits are based on it.
  const waiting = new Set(outbox.filter((row) => row.mid > lastMid).map((row) => row.id));
  const current = new Map(entries);
  const writes = [];
  for (const item of results) {
    /** @type {any} */
    let stored = null;
    if (item.status === 'deleted') stored = synced(item.entry);
    else if (waiting.has(item.id)) continue;
    else if (item.status === 'applied' && current.has(item.id)) {
      stored = synced({ ...current.get(item.id), version: item.version });
    } else if (item.status === 'conflict') stored = synced(item.entry);
    if (stored) {
      current.set(stored.id, stored);
      writes.push(stored);
    }
  }
  return {
    dropUpTo: lastMid,
    writes,
    seen: Math.max(seen, version),
    changed: results.some((item) => item.status === 'conflict' || item.status === 'deleted'),
  };
}

/**
 * Return what a pull answer asks for: 'apply', 'resync' (the server is behind), 'busy' or 'error'.
 * @param {ServerAnswer} answer
 */
export function pullAnswer({ status, body }) {
  if (status === 409 && body.error === 'cursor_ahead') return 'resync';
  if (status === 503) return 'busy';
  return status === 200 ? 'apply' : 'error';
}

/**
 * Return what to store of a pulled page, where the cursor stands, and where it is held.
 * @param {{ changes: any[], cursor: number }} page
 * @param {Set<string>} waiting
 * @param {number | null} [heldAt]
 */
export function afterPullPage({ changes, cursor }, waiting, heldAt = null) {
  const writes = [];
  let held = heldAt;
  for (const change of changes) {
    // Local edits not yet sent win on screen; their push makes a conflict copy if needed. The cursor
    // stays before the skipped change: if that push is a duplicate of one whose answer was lost,
    // the next pull brings the change again instead of losing it.
    if (!waiting.has(change.id)) writes.push(synced(change));
    else held ??= change.version - 1;
  }
  return { writes, heldAt: held, cursor: held ?? cursor };
}

/**
 * Return a new outbox numbered from 1 for the given entry ids, under a new client id.
 * @param {IDBValidKey[]} ids
 * @param {string} clientId
 */
export function renumberedOutbox(ids, clientId) {
  return {
    rows: ids.map((id, index) => ({ mid: index + 1, id })),
    client: { key: 'client', client_id: clientId, next_mid: ids.length + 1 },
  };
}
