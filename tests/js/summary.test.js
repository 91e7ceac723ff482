import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summaryMarkdown } from '../../static/js/method/summary.js';

const t = (key, values = {}) =>
  Object.keys(values).length ? `${key}(${Object.values(values).join('|')})` : key;

const reflections = [
  {
    id: '1',
    day: '2026-11-27',
    created_at: '2026-11-27T08:00:00',
    question_text: 'What gave energy?',
    text: 'The walk.\nAnd the talk.',
    circles: ['self', 'place'],
    energy: 4,
  },
  {
    id: '2',
    day: '2026-11-28',
    created_at: '2026-11-28T08:00:00',
    question_text: '',
    text: 'Late shift.',
    circles: ['organisations'],
    energy: null,
  },
  {
    id: '3',
    day: '2026-11-10',
    created_at: '2026-11-10T08:00:00',
    question_text: 'Old',
    text: 'Too old to show',
    circles: ['close'],
    energy: 1,
  },
];
const mixes = [
  {
    week: '2026-W48',
    day: '2026-11-28',
    created_at: '2026-11-28T09:00:00',
    actual: { paid: 60, care: 10, volunteering: 0, learning: 10, rest: 20 },
    wished: { paid: 40, care: 20, volunteering: 10, learning: 10, rest: 20 },
  },
];

test("the summary holds the period's reflections, the wheel in words and the eigen mix", () => {
  const markdown = summaryMarkdown({
    reflections,
    mixes,
    from: '2026-11-22',
    to: '2026-11-28',
    lang: 'nl',
    t,
  });
  assert.match(markdown, /^# summary_heading\(/);
  assert.match(markdown, /## summary_reflections\(2\)/);
  assert.match(
    markdown,
    /What gave energy\?\*\*\n {2}The walk\.\n {2}And the talk\.\n {2}_circle_self · circle_place · energy_value\(4\)_/,
  );
  assert.match(markdown, /fallback_question\*\*\n {2}Late shift\./);
  assert.doesNotMatch(markdown, /Too old/);
  assert.match(markdown, /- circle_self: 1\n- circle_close: 0\n- circle_organisations: 1/);
  assert.match(
    markdown,
    /### week_of\(maandag 23 november\)\n\n\| col_share \| mix_actual \| mix_wished \|\n\|---\|---:\|---:\|\n\| mix_paid \| 60% \| 40% \|\n\| mix_care \| 10% \| 20% \|/,
  );
  assert.ok(markdown.indexOf('The walk') < markdown.indexOf('Late shift'), 'oldest first');
  // Most and least with every tied circle, each with its own "over".
  assert.match(
    markdown,
    /summary_most_least\(insight_about_self, insight_about_organisations en insight_about_place\|insight_about_close en insight_about_society\)/,
  );
});

test('an empty period says there is no eigen mix', () => {
  const markdown = summaryMarkdown({
    reflections,
    mixes,
    from: '2026-01-01',
    to: '2026-01-07',
    lang: 'nl',
    t,
  });
  assert.match(markdown, /summary_reflections\(0\)/);
  assert.match(markdown, /summary_no_mix/);
  assert.doesNotMatch(markdown, /summary_most_least/);
});

test('ratings and the mix in hours read in the language of the reader', () => {
  const rated = [{ ...reflections[0], meaning: 5, engagement: 3 }];
  const weekly = [{ ...mixes[0], hours_per_week: 45 }];
  const markdown = summaryMarkdown({
    reflections: rated,
    mixes: weekly,
    from: '2026-11-21',
    to: '2026-11-28',
    lang: 'nl',
    t,
  });
  assert.match(
    markdown,
    /_circle_self · circle_place · energy_value\(4\) · meaning_value\(5\) · engagement_value\(3\)_/,
  );
  assert.match(markdown, /hours_title\(45\)\n\n/);
  assert.match(markdown, /\| mix_paid \| 60% · hours_value\(27\) \| 40% · hours_value\(18\) \|/);
  assert.match(
    markdown,
    /\| mix_volunteering \| 0% · hours_value\(0\) \| 10% · hours_value\(4,5\) \|/,
  );
});
