// What a sync round decides: what to push, what each answer means, what to store and where the
// pull cursor stands. Pure functions of plain values, so node --test runs the real rules.

/** Return the outbox rows as mutations, each sending its entry's current state (gone or deleted: a delete). */
export function pushMutations(rows, entries) {
  return rows.map(({ mid, id }) => {
    const entry = entries.get(id);
    const base = entry?.version ?? 0;
    if (!entry || entry.deleted) return { mid, op: 'delete', id, base_version: base };
    const { sync, version, deleted, ...fields } = entry;
    return { mid, op: 'put', base_version: base, entry: fields };
  });
}

/** Return what a push answer asks for: 'apply', 'new-token', 'renumber', 'signin' or 'error'. */
export function pushAnswer({ status, body }, { tokenRenewed = false } = {}) {
  if (status === 400 && body.error === 'csrf_failed') return tokenRenewed ? 'signin' : 'new-token';
  if (status === 409 && body.error === 'conflict_gap') return 'renumber';
  return status === 200 ? 'apply' : 'error';
}

/** Return an entry as stored after hearing it from the server. */
function synced(entry) {
  return { ...entry, sync: 'synced' };
}

/** Return what a push answer changes: outbox rows to drop, entries to write, `seen`, `changed`. */
export function afterPush(
  { last_mutation_id: lastMid, version, results },
  { outbox, entries, seen },
) {
  // An entry with newer local edits still waiting keeps its state: those edits are based on it.
  const waiting = new Set(outbox.filter((row) => row.mid > lastMid).map((row) => row.id));
  const current = new Map(entries);
  const writes = [];
  for (const item of results) {
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

/** Return what a pull answer asks for: 'apply', 'resync' (the server is behind this device) or 'error'. */
export function pullAnswer({ status, body }) {
  if (status === 409 && body.error === 'cursor_ahead') return 'resync';
  return status === 200 ? 'apply' : 'error';
}

/** Return what to store of a pulled page, where the cursor stands, and where it is held. */
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

/** Return a new outbox numbered from 1 for the given entry ids, under a new client id. */
export function renumberedOutbox(ids, clientId) {
  return {
    rows: ids.map((id, index) => ({ mid: index + 1, id })),
    client: { key: 'client', client_id: clientId, next_mid: ids.length + 1 },
  };
}
