// The sync rules of static/js/data/sync-decisions.js, including the stories the Python state
// machine (tests/test_sync_model.py) found: a held cursor, and a push sent twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterPullPage,
  afterPush,
  parseLenient,
  pullAnswer,
  pushAnswer,
  pushMutations,
  readablePage,
  refusedMutation,
  renumberedOutbox,
  retryDelay,
} from '../../static/js/data/sync-decisions.js';

/** Return a server that follows docs/sync-design.md for puts: versions, duplicates, conflict copies. */
function fakeServer() {
  const entries = new Map();
  const lastMids = new Map();
  let version = 0;
  return {
    entries,
    push(clientId, mutations) {
      const results = [];
      for (const { mid, base_version: base, entry } of mutations) {
        if (mid <= (lastMids.get(clientId) ?? 0)) {
          results.push({ mid, id: entry.id, status: 'duplicate' });
          continue;
        }
        lastMids.set(clientId, mid);
        version += 1;
        const stored = entries.get(entry.id);
        if (stored && stored.version !== base) {
          const copy = {
            ...entry,
            id: `${entry.id}~${mid}`,
            conflict_of: entry.id,
            deleted: false,
            version,
          };
          entries.set(copy.id, copy);
          results.push({ mid, id: entry.id, status: 'conflict', entry: copy });
        } else {
          entries.set(entry.id, { ...entry, conflict_of: null, deleted: false, version });
          results.push({ mid, id: entry.id, status: 'applied', version });
        }
      }
      return { last_mutation_id: lastMids.get(clientId) ?? 0, version, results };
    },
    pull(since, limit = 2) {
      const newer = [...entries.values()]
        .filter((e) => e.version > since)
        .sort((a, b) => a.version - b.version);
      const changes = newer.slice(0, limit);
      return { changes, cursor: changes.at(-1)?.version ?? since, has_more: newer.length > limit };
    },
  };
}

/** Return a device that syncs with server through the real decisions, as sync-store.js applies them. */
function device(server, clientId) {
  const self = { entries: new Map(), outbox: [], nextMid: 1, cursor: 0, seen: 0 };
  self.save = (id, text) => {
    self.entries.set(id, {
      id,
      version: 0,
      ...self.entries.get(id),
      text,
      deleted: false,
      sync: 'pending',
    });
    self.outbox.push({ mid: self.nextMid++, id });
  };
  self.send = () => server.push(clientId, pushMutations(self.outbox, self.entries));
  self.hear = (answer) => {
    const decided = afterPush(answer, {
      outbox: self.outbox,
      entries: self.entries,
      seen: self.seen,
    });
    self.outbox = self.outbox.filter((row) => row.mid > decided.dropUpTo);
    decided.writes.forEach((entry) => self.entries.set(entry.id, entry));
    self.seen = decided.seen;
  };
  self.pull = () => {
    let since = self.cursor;
    let heldAt = null;
    for (;;) {
      const page = server.pull(since);
      const decided = afterPullPage(page, new Set(self.outbox.map((row) => row.id)), heldAt);
      decided.writes.forEach((entry) => self.entries.set(entry.id, entry));
      ({ heldAt, cursor: self.cursor } = decided);
      since = page.cursor;
      if (!page.has_more) return;
    }
  };
  return self;
}

test('a push sends each waiting entry as it is now; a deleted or gone one as a delete', () => {
  const entries = new Map([
    ['a', { id: 'a', text: 'hi', version: 3, deleted: false, sync: 'pending' }],
    ['b', { id: 'b', version: 5, deleted: true, sync: 'pending' }],
  ]);
  assert.deepEqual(
    pushMutations(
      [
        { mid: 7, id: 'a' },
        { mid: 8, id: 'b' },
        { mid: 9, id: 'c' },
      ],
      entries,
    ),
    [
      { mid: 7, op: 'put', base_version: 3, entry: { id: 'a', text: 'hi' } },
      { mid: 8, op: 'delete', id: 'b', base_version: 5 },
      { mid: 9, op: 'delete', id: 'c', base_version: 0 },
    ],
  );
});

test('a stale token is renewed once, then means signing in again; a gap renumbers', () => {
  const csrf = { status: 400, body: { error: 'csrf_failed' } };
  assert.equal(pushAnswer(csrf), 'new-token');
  assert.equal(pushAnswer(csrf, { tokenRenewed: true }), 'signin');
  assert.equal(pushAnswer({ status: 409, body: { error: 'conflict_gap' } }), 'renumber');
  assert.equal(pushAnswer({ status: 200, body: {} }), 'apply');
  assert.equal(pushAnswer({ status: 500, body: {} }), 'error');
  assert.equal(pullAnswer({ status: 409, body: { error: 'cursor_ahead' } }), 'resync');
  assert.equal(pullAnswer({ status: 502, body: {} }), 'error');
});

test('a push answer drops the sent rows and takes versions, but not over newer local edits', () => {
  const entries = new Map([
    ['a', { id: 'a', text: 'one', version: 0, sync: 'pending' }],
    ['b', { id: 'b', text: 'two, edited again', version: 0, sync: 'pending' }],
  ]);
  const outbox = [
    { mid: 1, id: 'a' },
    { mid: 2, id: 'b' },
    { mid: 3, id: 'b' },
  ];
  const decided = afterPush(
    {
      last_mutation_id: 2,
      version: 12,
      results: [
        { mid: 1, id: 'a', status: 'applied', version: 11 },
        { mid: 2, id: 'b', status: 'applied', version: 12 },
      ],
    },
    { outbox, entries, seen: 4 },
  );
  assert.equal(decided.dropUpTo, 2);
  assert.deepEqual(decided.writes, [{ id: 'a', text: 'one', version: 11, sync: 'synced' }]);
  assert.equal(decided.seen, 12);
  assert.equal(decided.changed, false);
});

test('a delete from the server wins even over local edits; a conflict stores the copy', () => {
  const tombstone = { id: 'a', deleted: true, version: 9 };
  const copy = { id: 'b~2', text: 'mine', conflict_of: 'b', version: 10 };
  const decided = afterPush(
    {
      last_mutation_id: 2,
      version: 10,
      results: [
        { mid: 1, id: 'a', status: 'deleted', entry: tombstone },
        { mid: 2, id: 'b', status: 'conflict', entry: copy },
      ],
    },
    {
      outbox: [
        { mid: 1, id: 'a' },
        { mid: 2, id: 'b' },
        { mid: 3, id: 'a' },
      ],
      entries: new Map(),
      seen: 0,
    },
  );
  assert.deepEqual(decided.writes, [
    { ...tombstone, sync: 'synced' },
    { ...copy, sync: 'synced' },
  ]);
  assert.equal(decided.changed, true);
});

test('the cursor is held before a pulled change skipped for unpushed local edits', () => {
  const page = {
    changes: [
      { id: 'x', version: 4 },
      { id: 'mine', version: 5 },
      { id: 'y', version: 6 },
    ],
    cursor: 6,
  };
  const first = afterPullPage(page, new Set(['mine']));
  assert.deepEqual(
    first.writes.map((entry) => entry.id),
    ['x', 'y'],
  );
  assert.equal(first.heldAt, 4);
  assert.equal(first.cursor, 4);
  const next = afterPullPage(
    { changes: [{ id: 'z', version: 7 }], cursor: 7 },
    new Set(['mine']),
    first.heldAt,
  );
  assert.deepEqual(
    next.writes.map((entry) => entry.id),
    ['z'],
  );
  assert.equal(next.cursor, 4, 'later pages never move the cursor past the skipped change');
  assert.equal(afterPullPage(page, new Set()).cursor, 6);
});

test('a push sent again after its answer was lost leaves the device up to date, not stale', () => {
  const server = fakeServer();
  const phone = device(server, 'phone');
  const laptop = device(server, 'laptop');
  phone.save('note', "phone's text");
  phone.send(); // applied on the server, but the answer never arrives
  laptop.pull();
  laptop.save('note', "laptop's edit");
  laptop.hear(laptop.send());
  phone.pull();
  assert.equal(
    phone.entries.get('note').text,
    "phone's text",
    'unpushed local text stays on screen',
  );
  assert.equal(phone.cursor, 1);
  const again = phone.send();
  assert.equal(again.results[0].status, 'duplicate');
  phone.hear(again);
  assert.deepEqual(phone.outbox, []);
  phone.pull();
  assert.equal(phone.entries.get('note').text, "laptop's edit");
  assert.equal(phone.entries.get('note').version, server.entries.get('note').version);
});

test('a changed entry is pushed from the version it was based on, and a conflict copy comes back', () => {
  const server = fakeServer();
  const phone = device(server, 'phone');
  const laptop = device(server, 'laptop');
  phone.save('note', 'first');
  phone.hear(phone.send());
  laptop.pull();
  laptop.save('note', 'laptop');
  laptop.hear(laptop.send());
  phone.save('note', 'phone');
  phone.hear(phone.send());
  phone.pull();
  laptop.pull();
  for (const one of [phone, laptop]) {
    assert.deepEqual([...one.entries.values()].map((e) => [e.id, e.text]).sort(), [
      ['note', 'laptop'],
      ['note~2', 'phone'],
    ]);
  }
});

test('a renumbered outbox counts from 1 under a new client id', () => {
  assert.deepEqual(renumberedOutbox(['a', 'b'], 'new'), {
    rows: [
      { mid: 1, id: 'a' },
      { mid: 2, id: 'b' },
    ],
    client: { key: 'client', client_id: 'new', next_mid: 3 },
  });
});

test('a busy server is waited for as long as it asks, a little spread out', () => {
  assert.equal(pushAnswer({ status: 503, body: { error: 'busy' } }), 'busy');
  assert.equal(pullAnswer({ status: 503, body: { error: 'busy' } }), 'busy');
  assert.equal(
    retryDelay('2', () => 0),
    2000,
  );
  assert.equal(
    retryDelay('2', () => 1),
    3000,
  );
  assert.equal(
    retryDelay(null, () => 0),
    5000,
  );
  assert.equal(
    retryDelay('99999', () => 0),
    300000,
  );
});

test('a mutation the server refuses for good is named, so the rest of the outbox can go on', () => {
  const refused = {
    status: 400,
    body: { error: 'invalid_request', message: 'mutations[3].entry.day: Field required' },
  };
  assert.equal(pushAnswer(refused), 'refused');
  assert.equal(refusedMutation(refused), 3);
  const whole = { status: 400, body: { error: 'invalid_request', message: 'client_id: bad' } };
  assert.equal(refusedMutation(whole), null);
  assert.equal(pushAnswer(whole), 'error');
});

test('one unreadable change never stops the pull: it is set aside and the cursor moves on', () => {
  const body = parseLenient(
    '{"changes": [{"id": "a", "kind": "reflection", "version": 4, "energy": NaN},' +
      ' {"kind": "reflection", "version": 5}, {"id": "c", "kind": "mix", "version": 6,' +
      ' "note": "NaN, really"}], "cursor": 6, "has_more": false}',
  );
  const page = readablePage(body);
  assert.deepEqual(
    page.changes.map((change) => change.id),
    ['a', 'c'],
  );
  assert.equal(page.changes[0].energy, null);
  assert.equal(page.changes[1].note, 'NaN, really');
  assert.equal(page.skipped, 1);
  assert.equal(page.cursor, 6);
  assert.equal(readablePage(parseLenient('<html>oops</html>')), null);
  assert.equal(readablePage({ changes: [], cursor: 'x' }), null);
});
