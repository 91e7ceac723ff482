// The guide's practice view: the order of clients, the search by name, and "since the last session".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderClients, practiceList } from '../../static/js/method/practice-order.js';
import {
  newestFirst,
  questionThreads,
  sinceSession,
  trendOf,
} from '../../static/js/method/since-session.js';

const client = (name, { reflections = 0, answers = 0, last = null } = {}) => ({
  name,
  new_reflections: reflections,
  new_answers: answers,
  last_activity: last,
});

test('clients with something new come first, then the most recently active', () => {
  const clients = [
    client('Quiet', { last: '2026-12-06T10:00:00.000Z' }),
    client('Never'),
    client('Answered', { answers: 1, last: '2026-12-01T08:00:00.000Z' }),
    client('Busy', { reflections: 3, last: '2026-12-05T09:00:00.000Z' }),
    client('Older quiet', { last: '2026-11-20T10:00:00.000Z' }),
  ];
  assert.deepEqual(
    orderClients(clients).map((c) => c.name),
    ['Busy', 'Answered', 'Quiet', 'Older quiet', 'Never'],
  );
});

test('clients alike are ordered by name, in the language', () => {
  const names = orderClients([client('Ömer'), client('anna'), client('Bert')], 'nl').map(
    (c) => c.name,
  );
  assert.deepEqual(names, ['anna', 'Bert', 'Ömer']);
});

test('the search finds a name whatever its case or accents, and keeps the order', () => {
  const clients = [
    client('Élise Bakker', { last: '2026-12-01T00:00:00Z' }),
    client('Lisa', { reflections: 1, last: '2026-11-01T00:00:00Z' }),
    client('Tom'),
  ];
  assert.deepEqual(
    practiceList(clients, 'LIS').map((c) => c.name),
    ['Lisa', 'Élise Bakker'],
  );
  assert.deepEqual(
    practiceList(clients, 'elise').map((c) => c.name),
    ['Élise Bakker'],
  );
  assert.equal(practiceList(clients, '').length, 3);
  assert.deepEqual(practiceList(clients, 'zz'), []);
});

const reflection = (day, more = {}) => ({
  kind: 'reflection',
  day,
  created_at: `${day}T12:00:00.000Z`,
  ...more,
});

test('since the last session: what was shared and answered from the session day on', () => {
  const entries = [
    reflection('2026-11-20', { text: 'long ago', energy: 2, meaning: 2 }),
    reflection('2026-11-30', { text: 'just before', energy: 2, meaning: 4 }),
    reflection('2026-12-01', { text: 'evening after the session', energy: 4, meaning: 4 }),
    reflection('2026-12-03', { text: 'answer', guide_question_id: 'q1', energy: 4 }),
    reflection('2026-12-02', { text: 'later', energy: 5, meaning: 4 }),
    { kind: 'shared_summary', day: '2026-12-04', created_at: '2026-12-04T08:00:00Z' },
    { kind: 'shared_summary', day: '2026-11-25', created_at: '2026-11-25T08:00:00Z' },
  ];
  const since = sinceSession(entries, '2026-12-01');
  assert.deepEqual(
    since.shared.map((e) => e.text),
    ['later', 'evening after the session'],
  );
  assert.deepEqual(
    since.answered.map((e) => e.text),
    ['answer'],
  );
  assert.equal(since.summaries.length, 1);
  assert.deepEqual(since.energy, { before: 2, since: 4.3, trend: 'up' });
  assert.deepEqual(since.meaning, { before: 3, since: 4, trend: 'up' });
});

test('a session with nothing before or nothing since has no trend', () => {
  const only = [reflection('2026-12-02', { energy: 3, meaning: 3 })];
  const since = sinceSession(only, '2026-12-01');
  assert.equal(since.energy.trend, null);
  assert.equal(since.energy.before, null);
  const none = sinceSession(only, '2026-12-05');
  assert.deepEqual(none.shared, []);
  assert.equal(none.energy.since, null);
});

test('trend: a small change is steady, a larger one goes up or down', () => {
  assert.equal(trendOf(3, 3.2), 'steady');
  assert.equal(trendOf(3, 3.5), 'up');
  assert.equal(trendOf(4, 2.5), 'down');
  assert.equal(trendOf(null, 2), null);
});

test('each question comes with its answers; one without an answer is open', () => {
  const questions = [
    { id: 'q1', text: 'First', asked_at: '2026-11-01T10:00:00Z' },
    { id: 'q2', text: 'Second', asked_at: '2026-11-10T10:00:00Z' },
  ];
  const entries = [
    reflection('2026-11-03', { id: 'a2', guide_question_id: 'q1' }),
    reflection('2026-11-02', { id: 'a1', guide_question_id: 'q1' }),
    reflection('2026-11-04', { id: 'other' }),
  ];
  const threads = questionThreads(questions, entries);
  assert.deepEqual(
    threads.map((thread) => [thread.question.id, thread.open, thread.answers.map((a) => a.id)]),
    [
      ['q2', true, []],
      ['q1', false, ['a1', 'a2']],
    ],
  );
  assert.deepEqual(
    newestFirst(entries).map((e) => e.id),
    ['other', 'a2', 'a1'],
  );
});
