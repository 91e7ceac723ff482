import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  circlePairs,
  circleRatings,
  quadrantOf,
  ratingGaps,
} from '../../static/js/method/meaning-math.js';
import { balanceGaps, wishedBalance, writtenShares } from '../../static/js/method/balance-math.js';

const r = (day, circles, energy = null, meaning = null, engagement = null) => ({
  day,
  circles,
  energy,
  meaning,
  engagement,
});

// A known month: work costs, close ones give, place was never written about.
const MONTH = [
  r('2026-11-02', ['organisations'], 2, 2, 3),
  r('2026-11-03', ['organisations', 'self'], 1, 3),
  r('2026-11-05', ['close'], 5, 5, 4),
  r('2026-11-09', ['close', 'self'], 4, 4),
  r('2026-11-12', ['society'], 3, 5),
  r('2026-11-20', ['self']),
];

test('energy and meaning per circle are averages of the rated reflections', () => {
  const rows = Object.fromEntries(circleRatings(MONTH).map((row) => [row.circle, row]));
  assert.deepEqual(rows.organisations, {
    circle: 'organisations',
    count: 2,
    energy: 1.5,
    meaning: 2.5,
    engagement: 3,
  });
  assert.deepEqual(rows.self, {
    circle: 'self',
    count: 3,
    energy: 2.5,
    meaning: 3.5,
    engagement: null,
  });
  assert.equal(rows.close.energy, 4.5);
  assert.equal(rows.place.count, 0);
  assert.equal(rows.place.energy, null);
});

test('a circle gives, costs, gives one of the two, or sits in the middle at 3', () => {
  assert.equal(quadrantOf(4.5, 4.5), 'gives');
  assert.equal(quadrantOf(1.5, 2.5), 'costs');
  assert.equal(quadrantOf(2.5, 3.5), 'meaning_only');
  assert.equal(quadrantOf(3.5, 2), 'energy_only');
  assert.equal(quadrantOf(3, 3), 'middle');
  assert.equal(quadrantOf(4, 3), 'middle');
  assert.equal(quadrantOf(null, 3), null);
});

test('circles in relation: pairs written together, and where ratings differ most', () => {
  assert.deepEqual(circlePairs(MONTH), [
    { a: 'self', b: 'close', count: 1 },
    { a: 'self', b: 'organisations', count: 1 },
  ]);
  // Fewer than three ratings per circle: no gap is claimed.
  assert.deepEqual(ratingGaps(MONTH), []);
  const thrice = (rows) => [...rows, ...rows, ...rows];
  assert.deepEqual(ratingGaps(thrice(MONTH)), [
    { key: 'energy', high: ['close'], low: ['organisations'], gap: 3 },
    { key: 'meaning', high: ['society'], low: ['organisations'], gap: 2.5 },
  ]);
});

test('the written balance in percent set against the wished one', () => {
  assert.deepEqual(writtenShares(MONTH), {
    self: 38,
    close: 25,
    organisations: 25,
    society: 13,
    place: 0,
  });
  const weights = { self: 30, close: 25, organisations: 15, society: 10, place: 20 };
  const gaps = balanceGaps(MONTH, weights);
  assert.deepEqual(gaps[4], { circle: 'place', written: 0, wished: 20, gap: -20 });
  assert.equal(writtenShares([]), null);
  const older = { weights: { self: 100 }, created_at: '2026-11-01T08:00:00Z' };
  const newer = { weights, created_at: '2026-11-02T08:00:00Z' };
  assert.equal(wishedBalance([older, newer]), weights);
  assert.equal(wishedBalance([]), null);
});
