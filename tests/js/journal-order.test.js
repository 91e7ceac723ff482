// The journal's search and order (static/js/method/journal-order.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conflictsAfterOriginals,
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
