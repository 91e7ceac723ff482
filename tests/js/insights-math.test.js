import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calendarWeeks,
  circleCounts,
  energyByCircle,
  energyByDay,
  inLastDays,
  mixByWeek,
} from '../../static/js/method/insights-math.js';
import { addDays, isoWeek, weekMonday, weekStart } from '../../static/js/method/day-math.js';
import { writtenSummary } from '../../static/js/method/day-totals.js';

const TODAY = '2026-11-28'; // a Saturday
const entry = (day, circles, energy = null, id = `${day}-${circles.join()}`) => ({
  id,
  day,
  circles,
  energy,
  created_at: `${day}T09:00:00Z`,
});

const known = [
  entry('2026-11-28', ['self'], 4),
  entry('2026-11-27', ['self', 'close'], 2),
  entry('2026-11-27', ['organisations'], 3),
  entry('2026-11-26', ['close'], null),
  entry('2026-11-20', ['place'], 5),
  entry('2026-10-15', ['society'], 1),
  entry('2026-08-01', ['society'], 1),
];

test('the ISO week and its Monday', () => {
  assert.equal(isoWeek('2026-11-28'), '2026-W48');
  assert.equal(isoWeek('2027-01-01'), '2026-W53');
  assert.equal(isoWeek('2025-12-29'), '2026-W01');
  assert.equal(weekStart('2026-11-28'), '2026-11-23');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(weekMonday('2026-W48'), '2026-11-23');
  assert.equal(weekMonday('2026-W01'), '2025-12-29');
  assert.equal(weekMonday('2026-W53'), '2026-12-28');
});

test('the wheel counts each circle over 7, 30 and 90 days', () => {
  assert.deepEqual(circleCounts(inLastDays(known, TODAY, 7)), {
    self: 2,
    close: 2,
    organisations: 1,
    society: 0,
    place: 0,
  });
  assert.deepEqual(circleCounts(inLastDays(known, TODAY, 30)), {
    self: 2,
    close: 2,
    organisations: 1,
    society: 0,
    place: 1,
  });
  assert.deepEqual(circleCounts(inLastDays(known, TODAY, 90)), {
    self: 2,
    close: 2,
    organisations: 1,
    society: 1,
    place: 1,
  });
});

test('all days written are summed as reflections and days, never as a streak', () => {
  const totals = [
    { day: '2026-11-01', reflections: 2 },
    { day: '2026-11-05', reflections: 1 },
  ];
  assert.deepEqual(writtenSummary(totals), { reflections: 3, days: 2 });
  assert.deepEqual(writtenSummary([]), { reflections: 0, days: 0 });
});

test('the calendar has whole weeks, Monday first, with counts and no future', () => {
  const counts = new Map();
  known.forEach((e) => counts.set(e.day, (counts.get(e.day) ?? 0) + 1));
  const weeks = calendarWeeks(counts, TODAY, 2);
  assert.equal(weeks.length, 2);
  assert.equal(weeks[0][0].day, '2026-11-16');
  assert.equal(weeks[1][4].count, 2); // Friday the 27th
  assert.equal(weeks[0][4].count, 1); // Friday the 20th
  assert.equal(weeks[1][5].count, 1);
  assert.equal(weeks[1][6].count, null); // Sunday the 29th is still to come
});

test('energy is averaged per day and per circle, leaving out unrated reflections', () => {
  assert.deepEqual(energyByDay(known, TODAY, 7), [
    { day: '2026-11-27', average: 2.5, count: 2 },
    { day: '2026-11-28', average: 4, count: 1 },
  ]);
  const byCircle = energyByCircle(inLastDays(known, TODAY, 30));
  assert.deepEqual(
    byCircle.find((row) => row.circle === 'self'),
    { circle: 'self', average: 3, count: 2 },
  );
  assert.deepEqual(
    byCircle.find((row) => row.circle === 'close'),
    { circle: 'close', average: 2, count: 1 },
  );
  assert.deepEqual(
    byCircle.find((row) => row.circle === 'society'),
    { circle: 'society', average: null, count: 0 },
  );
});

test('the eigen mix keeps the latest check-in of each week, oldest week first', () => {
  const mixes = [
    { week: '2026-W48', created_at: '2026-11-28T10:00:00Z', actual: { paid: 60 } },
    { week: '2026-W47', created_at: '2026-11-20T10:00:00Z', actual: { paid: 50 } },
    { week: '2026-W48', created_at: '2026-11-23T10:00:00Z', actual: { paid: 40 } },
  ];
  assert.deepEqual(
    mixByWeek(mixes).map((mix) => [mix.week, mix.actual.paid]),
    [
      ['2026-W47', 50],
      ['2026-W48', 60],
    ],
  );
});
