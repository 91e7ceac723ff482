// The journal's search and order (static/js/method/journal-order.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conflictsAfterOriginals,
  countKept,
  countShowing,
  entryLinks,
  groupByDay,
  searchEntries,
} from '../../static/js/method/journal-order.js';

// Newest first, as the journal lists them.
const entries = [
  { id: 'b', day: '2026-11-28', text: 'Werk en leven', question_text: 'Wat gaf energie?' },
  { id: 'c', day: '2026-11-27', text: 'Copy of the café', conflict_of: 'a' },
  { id: 'a', day: '2026-11-27', text: 'In het café' },
];

test('search ignores case and accents, and matches the question too; every word must match', () => {
  assert.deepEqual(
    searchEntries(entries, 'CAFE').map((e) => e.id),
    ['c', 'a'],
  );
  assert.deepEqual(
    searchEntries(entries, 'energie werk').map((e) => e.id),
    ['b'],
  );
  assert.deepEqual(searchEntries(entries, 'energie café'), []);
  assert.equal(searchEntries(entries, '  ').length, 3);
});

test('a conflict copy comes right after its original, and days keep their order', () => {
  const ordered = conflictsAfterOriginals(entries);
  assert.deepEqual(
    ordered.map((e) => e.id),
    ['b', 'a', 'c'],
  );
  assert.deepEqual(
    groupByDay(ordered).map(([day, list]) => [day, list.map((e) => e.id)]),
    [
      ['2026-11-28', ['b']],
      ['2026-11-27', ['a', 'c']],
    ],
  );
});

test('a search over many entries finds each match once, in order, and never across two entries', () => {
  const many = Array.from({ length: 5000 }, (_, index) => ({
    id: `e${index}`,
    text: index % 1000 === 999 ? `Zeilboot op het meer, nummer ${index}` : `Gewone dag ${index}`,
  }));
  assert.deepEqual(
    searchEntries(many, 'zeilboot zeilboot').map((e) => e.id),
    ['e999', 'e1999', 'e2999', 'e3999', 'e4999'],
  );
  assert.deepEqual(
    searchEntries(many, 'meer 2999').map((e) => e.id),
    ['e2999'],
  );
  // "dag 4" ends one entry's text and "zeilboot" begins another's: no match spans them.
  assert.deepEqual(searchEntries(many, '998zeilboot'), []);
});

test('drawing down to an entry takes whole steps; after a change the last one drawn stays drawn', () => {
  assert.equal(countShowing(0, 40), 40);
  assert.equal(countShowing(39, 40), 40);
  assert.equal(countShowing(40, 40), 80);
  const list = [{ id: 'new' }, { id: 'a' }, { id: 'b' }, { id: 'c' }];
  assert.equal(countKept(list, 'b', 2, 1), 3);
  assert.equal(countKept(list, 'gone', 2, 1), 2);
  assert.equal(countKept(list, 'a', 1, 3), 3);
});

test('links: an entry by id, and the newest later look at an older one', () => {
  const list = [
    { id: 'look2', kantelen_of: 'old' },
    { id: 'look1', kantelen_of: 'old' },
    { id: 'old' },
  ];
  const { byId, laterLook } = entryLinks(list);
  assert.equal(byId.get('old'), list[2]);
  assert.equal(laterLook.get('old').id, 'look2');
  assert.equal(laterLook.get('look1'), undefined);
});
