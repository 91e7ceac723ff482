import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayTotals, writtenCount, writtenSummary } from '../../static/js/method/day-totals.js';
import { yearMonths } from '../../static/js/method/life-course.js';

const written = [
  { kind: 'reflection', day: '2026-11-27', energy: 4, meaning: 2 },
  { kind: 'reflection', day: '2026-11-27', energy: 5 },
  { kind: 'checkin', day: '2026-11-27', energy: 1, meaning: 3 },
  { kind: 'reflection', day: '2026-11-26', deleted: true, energy: 5 },
  { kind: 'mix', day: '2026-11-25' },
  { kind: 'checkin', day: '2026-11-25', energy: null, meaning: 4 },
];

test('a day total counts reflections and check-ins, their ratings, and nothing deleted or else', () => {
  assert.deepEqual(dayTotals(written), [
    {
      day: '2026-11-25',
      reflections: 0,
      checkins: 1,
      energy_sum: 0,
      energy_n: 0,
      meaning_sum: 4,
      meaning_n: 1,
    },
    {
      day: '2026-11-27',
      reflections: 2,
      checkins: 1,
      energy_sum: 10,
      energy_n: 3,
      meaning_sum: 5,
      meaning_n: 2,
    },
  ]);
  assert.equal(writtenCount(dayTotals(written)[1]), 3);
});

test('the year and the streaks from day totals match those of the entries themselves', () => {
  const entries = Array.from({ length: 400 }, (_, i) => ({
    kind: i % 3 ? 'reflection' : 'checkin',
    day: new Date(Date.UTC(2026, 0, 1 + Math.floor(i * 0.8))).toISOString().slice(0, 10),
    energy: (i % 5) + 1,
    meaning: i % 4 ? (i % 5) + 1 : null,
  }));
  const totals = dayTotals(entries);
  const energies = entries.filter((e) => e.day.startsWith('2026-03')).map((e) => e.energy);
  const march = yearMonths(totals, '2026-11-28').find((month) => month.month === '2026-03');
  assert.equal(
    march.energy,
    Math.round((energies.reduce((a, b) => a + b) / energies.length) * 10) / 10,
  );
  assert.equal(
    march.days,
    new Set(entries.filter((e) => e.day.startsWith('2026-03')).map((e) => e.day)).size,
  );
  const summary = writtenSummary(totals);
  const days = [...new Set(entries.map((e) => e.day))].sort();
  assert.equal(summary.days, days.length);
  assert.equal(summary.reflections, entries.filter((e) => e.kind === 'reflection').length);
});
