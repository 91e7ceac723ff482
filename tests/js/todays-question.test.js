import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LEAN_DAYS,
  choiceWindow,
  NO_REPEAT_DAYS,
  ownQuestions,
  todaysQuestion,
} from '../../static/js/method/question-choice.js';
import { addDays, daysBetween } from '../../static/js/method/day-math.js';
import { CIRCLES } from '../../static/js/method/circles.js';

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

/** Return a bank of n questions, each on one or two circles. */
function randomBank(random, n) {
  return Array.from({ length: n }, (_, i) => {
    const circles = new Set([pickOne(random, CIRCLES)]);
    if (random() < 0.3) circles.add(pickOne(random, CIRCLES));
    return { id: `q${i}`, circles: [...circles], nl: `vraag ${i}`, en: `question ${i}` };
  });
}

/** Return a random history of reflections on bank questions in the 90 days before today. */
function randomHistory(random, bank, today) {
  const count = Math.floor(random() * 120);
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(today, -Math.floor(random() * 90));
    const circles = CIRCLES.filter(() => random() < 0.3);
    return {
      id: `r${i}`,
      day,
      circles,
      question_id: pickOne(random, bank).id,
      created_at: `${day}T08:00:00Z`,
    };
  });
}

const bank = [
  { id: 'a', circles: ['self'] },
  { id: 'b', circles: ['self'] },
  { id: 'c', circles: ['place'] },
  { id: 'd', circles: ['close', 'place'] },
  { id: 'e', circles: ['society'] },
];

test("today's question is the same for the same user and day, whatever the order of the entries", () => {
  const random = seeded(1);
  const big = randomBank(random, 60);
  const history = randomHistory(random, big, '2026-11-28');
  const one = todaysQuestion({
    bank: big,
    reflections: history,
    day: '2026-11-28',
    seed: 'user-a',
  });
  const two = todaysQuestion({
    bank: big,
    reflections: [...history].reverse(),
    day: '2026-11-28',
    seed: 'user-a',
  });
  assert.equal(one.id, two.id);
});

test('different users and different days get different questions', () => {
  const big = randomBank(seeded(2), 100);
  const byUser = new Set(
    Array.from(
      { length: 20 },
      (_, i) => todaysQuestion({ bank: big, day: '2026-11-28', seed: `user-${i}` }).id,
    ),
  );
  const byDay = new Set(
    Array.from(
      { length: 20 },
      (_, i) => todaysQuestion({ bank: big, day: addDays('2026-11-01', i), seed: 'user' }).id,
    ),
  );
  assert.ok(byUser.size >= 8, `only ${byUser.size} questions for 20 users`);
  assert.ok(byDay.size >= 8, `only ${byDay.size} questions in 20 days`);
});

test('it leans to the circle written about least in the last 14 days', () => {
  const reflections = ['self', 'close', 'society', 'organisations'].map((circle, i) => ({
    id: `r${i}`,
    day: '2026-11-20',
    circles: [circle],
    question_id: null,
  }));
  for (let d = 0; d < 30; d += 1) {
    const question = todaysQuestion({ bank, reflections, day: '2026-11-27', seed: `s${d}` });
    assert.ok(question.circles.includes('place'), question.id);
  }
});

test("writing today does not change today's question", () => {
  const before = todaysQuestion({ bank, reflections: [], day: '2026-11-28', seed: 'x' });
  const written = [{ id: 'r', day: '2026-11-28', circles: ['place'], question_id: before.id }];
  assert.equal(
    todaysQuestion({ bank, reflections: written, day: '2026-11-28', seed: 'x' }).id,
    before.id,
  );
});

test('a question answered in the last 60 days does not come back while others remain', () => {
  const answered = ['a', 'b', 'c', 'd'].map((id) => ({
    id: `r${id}`,
    day: '2026-10-01',
    circles: [],
    question_id: id,
  }));
  assert.equal(
    todaysQuestion({ bank, reflections: answered, day: '2026-11-28', seed: 's' }).id,
    'e',
  );
  const all = [...answered, { id: 're', day: '2026-11-27', circles: [], question_id: 'e' }];
  assert.ok(
    todaysQuestion({ bank, reflections: all, day: '2026-11-28', seed: 's' }),
    'still a question',
  );
});

test('own questions join the rotation', () => {
  const own = ownQuestions([{ id: 'own-1', text: 'Mijn vraag?', circles: ['place'] }]);
  assert.deepEqual(own[0], {
    id: 'own-1',
    circles: ['place'],
    theme: 'own',
    nl: 'Mijn vraag?',
    en: 'Mijn vraag?',
    own: true,
  });
  const reflections = ['self', 'close', 'society', 'organisations'].map((circle, i) => ({
    id: `r${i}`,
    day: '2026-11-20',
    circles: [circle],
    question_id: null,
  }));
  const onlyOwnOnPlace = [{ id: 'a', circles: ['self'] }, ...own];
  assert.equal(
    todaysQuestion({ bank: onlyOwnOnPlace, reflections, day: '2026-11-27' }).id,
    'own-1',
  );
});

test('property: over random histories the choice avoids repeats and leans to neglected circles', () => {
  const random = seeded(20261128);
  for (let run = 0; run < 500; run += 1) {
    const today = addDays('2026-01-01', Math.floor(random() * 365));
    const big = randomBank(random, 5 + Math.floor(random() * 80));
    const history = randomHistory(random, big, today);
    const seed = `seed-${run}`;
    const question = todaysQuestion({ bank: big, reflections: history, day: today, seed });
    assert.ok(big.includes(question));
    assert.equal(
      todaysQuestion({ bank: big, reflections: [...history].reverse(), day: today, seed }),
      question,
    );

    const age = (entry) => daysBetween(entry.day, today);
    const answered = new Set(
      history.filter((e) => age(e) >= 1 && age(e) <= NO_REPEAT_DAYS).map((e) => e.question_id),
    );
    const fresh = big.filter((q) => !answered.has(q.id));
    if (fresh.length)
      assert.ok(!answered.has(question.id), `run ${run}: ${question.id} was answered recently`);

    const counts = Object.fromEntries(CIRCLES.map((c) => [c, 0]));
    history
      .filter((e) => age(e) >= 1 && age(e) <= LEAN_DAYS)
      .forEach((e) =>
        e.circles.forEach((c) => {
          counts[c] += 1;
        }),
      );
    const pool = fresh.length ? fresh : big;
    const least = Math.min(
      ...CIRCLES.filter((c) => pool.some((q) => q.circles.includes(c))).map((c) => counts[c]),
    );
    assert.ok(
      question.circles.some((c) => counts[c] === least),
      `run ${run}: ${question.circles} is not neglected`,
    );
  }
});

test("today's question needs only the reflections of its window: years more history change nothing", () => {
  const random = seeded(13);
  const today = '2026-11-28';
  const { from, to } = choiceWindow(today);
  for (let run = 0; run < 50; run += 1) {
    const bank = randomBank(random, 40);
    const years = Array.from({ length: 2000 }, (_, i) => {
      const day = addDays(today, -1 - Math.floor(random() * 2000));
      const circles = CIRCLES.filter(() => random() < 0.3);
      return { id: `y${i}`, day, circles, question_id: pickOne(random, bank).id };
    });
    const inWindow = years.filter((entry) => entry.day >= from && entry.day <= to);
    const seed = `s${run}`;
    const whole = todaysQuestion({ bank, reflections: years, day: today, seed });
    const windowed = todaysQuestion({ bank, reflections: inWindow, day: today, seed });
    assert.equal(windowed.id, whole.id);
    assert.ok(inWindow.length < years.length / 10);
  }
});
