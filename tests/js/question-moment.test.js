import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LEAN_DAYS,
  NO_REPEAT_DAYS,
  fitsMoment,
  momentOf,
  todaysQuestion,
} from '../../static/js/method/question-choice.js';
import { addDays, daysBetween } from '../../static/js/method/day-math.js';
import { CIRCLES } from '../../static/js/method/circles.js';

const MOMENTS = ['morning', 'anytime', 'evening'];

/** A small seeded generator (mulberry32), so every run checks the same random histories. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pickOne = (random, list) => list[Math.floor(random() * list.length)];

/** Return a bank of n questions on one or two circles; some untagged, like own questions. */
function randomBank(random, n, moments = MOMENTS) {
  return Array.from({ length: n }, (_, i) => {
    const circles = new Set([pickOne(random, CIRCLES)]);
    if (random() < 0.3) circles.add(pickOne(random, CIRCLES));
    const question = { id: `q${i}`, circles: [...circles], nl: `vraag ${i}`, en: `q ${i}` };
    return random() < 0.1 ? question : { ...question, moment: pickOne(random, moments) };
  });
}

/** Return a random history of reflections on bank questions in the 90 days before today. */
function randomHistory(random, bank, today) {
  return Array.from({ length: Math.floor(random() * 120) }, (_, i) => ({
    id: `r${i}`,
    day: addDays(today, -Math.floor(random() * 90)),
    circles: CIRCLES.filter(() => random() < 0.3),
    question_id: pickOne(random, bank).id,
  }));
}

test('the moment follows the local hour: morning before 12, evening from 17', () => {
  assert.deepEqual([0, 7, 11, 12, 16, 17, 23].map(momentOf), [
    'morning',
    'morning',
    'morning',
    'anytime',
    'anytime',
    'evening',
    'evening',
  ]);
});

test('an untagged (own) question suits every moment; a tagged one only its own', () => {
  assert.ok(MOMENTS.every((moment) => fitsMoment({ id: 'own' }, moment)));
  assert.ok(fitsMoment({ moment: 'evening' }, 'evening'));
  assert.ok(!fitsMoment({ moment: 'evening' }, 'morning'));
  assert.ok(!fitsMoment({ moment: 'morning' }, 'anytime'));
});

test('with only evening questions, the morning still gets one', () => {
  const bank = [{ id: 'e', circles: ['self'], moment: 'evening' }];
  assert.equal(todaysQuestion({ bank, day: '2026-11-28', moment: 'morning' }).id, 'e');
});

/** Check that question obeys the no-repeat and lean rules within the pool of its moment. */
function assertOldProperties(question, { pool, history, today, run }) {
  const age = (entry) => daysBetween(entry.day, today);
  const answered = new Set(
    history.filter((e) => age(e) >= 1 && age(e) <= NO_REPEAT_DAYS).map((e) => e.question_id),
  );
  const fresh = pool.filter((q) => !answered.has(q.id));
  if (fresh.length) assert.ok(!answered.has(question.id), `run ${run}: answered recently`);
  const counts = Object.fromEntries(CIRCLES.map((c) => [c, 0]));
  history
    .filter((e) => age(e) >= 1 && age(e) <= LEAN_DAYS)
    .forEach((e) => e.circles.forEach((c) => (counts[c] += 1)));
  const candidates = fresh.length ? fresh : pool;
  const least = Math.min(
    ...CIRCLES.filter((c) => candidates.some((q) => q.circles.includes(c))).map((c) => counts[c]),
  );
  assert.ok(
    question.circles.some((c) => counts[c] === least),
    `run ${run}: not neglected`,
  );
}

test('property: the question fits the moment, stays put all day, and keeps the old rules', () => {
  const random = seeded(20261128);
  for (let run = 0; run < 600; run += 1) {
    const today = addDays('2026-01-01', Math.floor(random() * 365));
    const tags = random() < 0.2 ? [pickOne(random, MOMENTS)] : MOMENTS;
    const bank = randomBank(random, 3 + Math.floor(random() * 80), tags);
    const history = randomHistory(random, bank, today);
    const moment = momentOf(Math.floor(random() * 24));
    const args = { bank, reflections: history, day: today, seed: `seed-${run}`, moment };
    const question = todaysQuestion(args);
    const pool = bank.filter((q) => fitsMoment(q, moment));
    if (pool.length) assert.ok(fitsMoment(question, moment), `run ${run}: ${question.moment}`);
    else assert.ok(bank.includes(question));
    assert.equal(todaysQuestion({ ...args, reflections: [...history].reverse() }), question);
    const writtenToday = [
      ...history,
      { id: 'now', day: today, circles: ['self'], question_id: question.id },
    ];
    assert.equal(todaysQuestion({ ...args, reflections: writtenToday }), question);
    assertOldProperties(question, { pool: pool.length ? pool : bank, history, today, run });
  }
});
