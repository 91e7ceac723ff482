import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestedQuestion } from '../../static/js/method/suggestion-choice.js';

const bank = [
  { id: 'q1', circles: ['self'], nl: 'Zelf 1?', en: 'Self 1?' },
  { id: 'q2', circles: ['place'], nl: 'Plek 1?', en: 'Place 1?' },
  { id: 'q3', circles: ['place', 'close'], nl: 'Plek 2?', en: 'Place 2?' },
];

test('the questions come in turn, one a day, and again from the first', () => {
  const suggestion = {
    id: 's1',
    start: '2026-12-06',
    circle: null,
    questions: [{ question_id: 'q1' }, { text: 'Wat nu?' }],
  };
  const days = ['2026-12-06', '2026-12-07', '2026-12-08'];
  const asked = days.map((day) => suggestedQuestion(suggestion, bank, day));
  assert.equal(asked[0], bank[0]);
  assert.deepEqual(asked[1], { id: 's1:1', nl: 'Wat nu?', en: 'Wat nu?', circles: [] });
  assert.equal(asked[2], bank[0]);
});

test('a circle alone gives a bank question about that circle, the same on every device', () => {
  const suggestion = { id: 's2', start: '2026-12-06', circle: 'place', questions: [] };
  for (const day of ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09']) {
    const question = suggestedQuestion(suggestion, bank, day);
    assert.ok(question.circles.includes('place'), day);
    assert.equal(suggestedQuestion({ ...suggestion }, [...bank], day), question);
  }
});

test('an own question keeps the circle; a bank id this device lacks suggests nothing', () => {
  const own = { id: 's3', start: '2026-12-06', circle: 'close', questions: [{ text: 'Wie?' }] };
  assert.deepEqual(suggestedQuestion(own, bank, '2026-12-06').circles, ['close']);
  const unknown = {
    id: 's4',
    start: '2026-12-06',
    circle: null,
    questions: [{ question_id: 'q99' }],
  };
  assert.equal(suggestedQuestion(unknown, bank, '2026-12-06'), null);
});
