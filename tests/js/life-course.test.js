import { test } from 'node:test';
import { dayTotals } from '../../static/js/method/day-totals.js';
import assert from 'node:assert/strict';
import { monthsBefore, onThisDay, yearMonths } from '../../static/js/method/life-course.js';
import { latestMixWithHours, mixHours, oneDayLess } from '../../static/js/method/hours-mix.js';
import { entryKind, filterEntries } from '../../static/js/method/journal-order.js';

test('a month and a year back, on the last day of a shorter month', () => {
  assert.equal(monthsBefore('2026-11-28', 1), '2026-10-28');
  assert.equal(monthsBefore('2026-03-31', 1), '2026-02-28');
  assert.equal(monthsBefore('2026-01-15', 1), '2025-12-15');
  assert.equal(monthsBefore('2024-02-29', 12), '2023-02-28');
});

test('twelve months up to today, with days written and average ratings', () => {
  const entries = [
    { kind: 'reflection', day: '2026-11-02', energy: 4, meaning: 5 },
    { kind: 'reflection', day: '2026-11-02', energy: 2 },
    { kind: 'checkin', day: '2026-11-03', energy: 3, meaning: 2 },
    { kind: 'reflection', day: '2025-12-01', energy: 5 },
    { kind: 'reflection', day: '2025-11-30', energy: 1 },
  ];
  const months = yearMonths(dayTotals(entries), '2026-11-28');
  assert.equal(months.length, 12);
  assert.equal(months[0].month, '2025-12');
  assert.deepEqual(months[11], {
    month: '2026-11',
    days: 2,
    reflections: 2,
    energy: 3,
    meaning: 3.5,
  });
  assert.deepEqual(months[0], {
    month: '2025-12',
    days: 1,
    reflections: 1,
    energy: 5,
    meaning: null,
  });
});

test('on this day shows a month ago and a year ago, only when something was written', () => {
  const entries = [
    { id: 'm', day: '2026-10-28' },
    { id: 'y', day: '2025-11-28' },
    { id: 'x', day: '2026-10-27' },
  ];
  const found = onThisDay(entries, '2026-11-28');
  assert.deepEqual(
    found.map((when) => [when.key, when.day, when.entries.map((e) => e.id)]),
    [
      ['month', '2026-10-28', ['m']],
      ['year', '2025-11-28', ['y']],
    ],
  );
  assert.deepEqual(onThisDay(entries, '2026-11-29'), []);
});

test('the eigen mix in hours, and a day less of paid work spread by the wished mix', () => {
  const mix = {
    week: '2026-W48',
    hours_per_week: 60,
    actual: { paid: 50, care: 20, volunteering: 0, learning: 10, rest: 20 },
    wished: { paid: 40, care: 20, volunteering: 10, learning: 10, rest: 20 },
  };
  assert.deepEqual(mixHours(mix.actual, 60), {
    paid: 30,
    care: 12,
    volunteering: 0,
    learning: 6,
    rest: 12,
  });
  const whatIf = oneDayLess(mix);
  assert.equal(whatIf.freed, 6);
  assert.deepEqual(whatIf.after, {
    paid: 24,
    care: 14,
    volunteering: 1,
    learning: 7,
    rest: 14,
  });
  assert.equal(oneDayLess({ ...mix, hours_per_week: null }), null);
  assert.equal(
    latestMixWithHours([{ week: '2026-W47' }, mix, { week: '2026-W40', hours_per_week: 40 }]),
    mix,
  );
});

test('journal filters combine: circle, meaning at least or at most, period and kind', () => {
  const entries = [
    { id: 'a', kind: 'reflection', day: '2026-11-01', circles: ['self'], meaning: 4 },
    { id: 'b', kind: 'reflection', day: '2026-11-02', circles: ['self'], meaning: 2 },
    { id: 'c', kind: 'reflection', day: '2026-11-03', circles: ['close'], meaning: 5 },
    {
      id: 'd',
      kind: 'reflection',
      day: '2026-11-04',
      circles: ['self'],
      kantelen_of: 'a',
      meaning: 5,
    },
    { id: 'e', kind: 'checkin', day: '2026-11-05', energy: 4, meaning: 5 },
  ];
  const ids = (filters) => filterEntries(entries, filters).map((e) => e.id);
  assert.deepEqual(ids({}), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(ids({ circles: ['self'], meaning: 4 }), ['a', 'd']);
  assert.deepEqual(ids({ meaning: 5, kinds: ['checkin', 'kantelen'] }), ['d', 'e']);
  assert.deepEqual(ids({ from: '2026-11-02', to: '2026-11-03' }), ['b', 'c']);
  assert.deepEqual(ids({ energy: 4 }), ['e']);
  // A negative limit is "at most": only rated entries pass, an unrated one is not a 0.
  assert.deepEqual(ids({ meaning: -4 }), ['a', 'b']);
  assert.deepEqual(ids({ meaning: -2, circles: ['self'] }), ['b']);
  assert.deepEqual(ids({ energy: -4 }), ['e']);
  assert.deepEqual(entries.map(entryKind), [
    'reflection',
    'reflection',
    'reflection',
    'kantelen',
    'checkin',
  ]);
});
