import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  anotherQuestion,
  dailyQuestion,
  hashString,
  questionText,
} from '../../static/js/method/question-choice.js';

const bank = Array.from({ length: 30 }, (_, i) => ({
  id: `q${i}`,
  nl: `vraag ${i}?`,
  en: `question ${i}?`,
}));

test('the daily question is the same for the same day and seed', () => {
  assert.equal(
    dailyQuestion(bank, '2026-11-28', 'a').id,
    dailyQuestion(bank, '2026-11-28', 'a').id,
  );
});

test('the daily question changes over the days', () => {
  const ids = new Set(
    Array.from({ length: 30 }, (_, d) => dailyQuestion(bank, `2026-11-${d + 1}`).id),
  );
  assert.ok(ids.size >= 10, `only ${ids.size} distinct questions in 30 days`);
});

test('another question is never the current one', () => {
  for (let i = 0; i < 100; i += 1) assert.notEqual(anotherQuestion(bank, 'q3').id, 'q3');
});

test('an empty bank gives no question', () => {
  assert.equal(dailyQuestion([], '2026-11-28'), null);
});

test('question text falls back to English', () => {
  assert.equal(questionText({ en: 'Hi?' }, 'nl'), 'Hi?');
  assert.equal(questionText(bank[1], 'nl'), 'vraag 1?');
});

test('hashString is a stable 32-bit FNV-1a', () => {
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), 0xe40c292c);
});
