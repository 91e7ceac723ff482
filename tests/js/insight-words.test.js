// Insights in words: each finding an observation and the question that follows from it, resting on
// at least three reflections, ties said as ties, 3 as the middle, every circle in right grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CIRCLES } from '../../static/js/method/circles.js';
import { periodFindings } from '../../static/js/method/insight-findings.js';
import { findingWords, quietWords } from '../../static/js/method/insight-words.js';
import { INSIGHT_TEXTS } from '../../static/js/i18n/texts-insights.js';

const r = (circles, energy = null, meaning = null) => ({
  day: '2026-11-02',
  circles,
  energy,
  meaning,
});
const times = (n, entry) => Array.from({ length: n }, () => entry);
const said = (reflections, lang) =>
  periodFindings(reflections).findings.map((finding) =>
    findingWords(finding, INSIGHT_TEXTS[lang], lang),
  );
const OTHERS = {
  self: 'close',
  close: 'self',
  organisations: 'self',
  society: 'self',
  place: 'self',
};

test('with fewer than three reflections nothing is claimed, and the count is said in words', () => {
  for (const n of [1, 2]) {
    const found = periodFindings(times(n, r(['close'], 5, 5)));
    assert.deepEqual(found.findings, []);
  }
  const quiet = (n, lang) =>
    quietWords(periodFindings(times(n, r(['close'], 5))), INSIGHT_TEXTS[lang], lang);
  assert.match(quiet(1, 'nl'), /^In deze periode schreef je 1 reflectie\. Vanaf drie/);
  assert.match(quiet(2, 'nl'), /^In deze periode schreef je 2 reflecties\./);
  assert.match(quiet(1, 'en'), /^In this period you wrote 1 reflection\. From three/);
  assert.match(quiet(2, 'en'), /^In this period you wrote 2 reflections\./);
  assert.match(quiet(0, 'nl'), /^Nog geen reflecties/);
  assert.equal(quiet(3, 'nl'), null);
});

test('a circle with only two ratings makes no claim, even among many reflections', () => {
  const reflections = [...times(2, r(['close'], 5, 5)), ...times(4, r(['self']))];
  const found = periodFindings(reflections);
  assert.deepEqual(
    found.findings.map((finding) => finding.kind),
    ['unwritten'],
  );
  const quiet = quietWords(found, INSIGHT_TEXTS.nl, 'nl');
  assert.match(quiet, /^Je schreef 6 reflecties, maar nog geen cirkel heeft drie scores/);
});

test('every circle, alone, reads right in both languages, with the count it rests on', () => {
  const expected = {
    nl: {
      self: 'over jezelf',
      close: 'over je naasten',
      organisations: 'over organisaties',
      society: 'over de samenleving',
      place: 'over plek en planeet',
    },
    en: {
      self: 'about yourself',
      close: 'about your close ones',
      organisations: 'about organisations',
      society: 'about society',
      place: 'about place and planet',
    },
  };
  for (const circle of CIRCLES) {
    const reflections = [...times(3, r([circle], 5, 4)), ...times(3, r([OTHERS[circle]], 2, 2))];
    const [gives, costs, meaning] = said(reflections, 'nl');
    assert.equal(
      gives.observation,
      `Reflecties ${expected.nl[circle]} gaven je de meeste energie (gemiddeld 5 van 5, in 3 reflecties).`,
    );
    assert.match(
      costs.observation,
      /^Reflecties over .+ kostten je de meeste energie \(gemiddeld 2 van 5, in 3 reflecties\)\.$/,
    );
    assert.equal(
      meaning.observation,
      `Reflecties ${expected.nl[circle]} voelden het meest zinvol (zingeving gemiddeld 4 van 5, in 3 reflecties).`,
    );
    const [givesEn] = said(reflections, 'en');
    assert.equal(
      givesEn.observation,
      `Reflections ${expected.en[circle]} gave you the most energy (on average 5 of 5, across 3 reflections).`,
    );
    // No circle's name stands capitalised as the subject of a verb ("Naasten gaf").
    for (const lang of ['nl', 'en'])
      for (const words of said(reflections, lang))
        assert.doesNotMatch(words.observation, /\{|\b(Naasten|Organisaties|Samenleving|Plek)\b/);
  }
});

test('each kind of finding asks its own question, the same each time', () => {
  const reflections = [
    ...times(3, r(['close'], 5, 5)),
    ...times(3, r(['organisations'], 1, 4)),
    ...times(3, r(['self'], 3, 2)),
  ];
  const found = periodFindings(reflections).findings;
  assert.deepEqual(
    found.map((finding) => finding.kind),
    ['gives', 'costs', 'meaning', 'tiring', 'unwritten'],
  );
  const nl = said(reflections, 'nl');
  assert.deepEqual(said(reflections, 'nl'), nl);
  assert.equal(new Set(nl.map((words) => words.question)).size, nl.length);
  assert.ok(nl.every((words) => words.question.endsWith('?')));
  assert.equal(
    nl[3].observation,
    'Reflecties over organisaties voelden zinvol maar kostten energie (zingeving 4, energie 1 van 5, in 3 reflecties).',
  );
  assert.equal(
    nl[4].observation,
    'In deze periode schreef je niets over de samenleving en over plek en planeet.',
  );
  assert.equal(
    said(reflections, 'en')[4].observation,
    'In this period you wrote nothing about society and about place and planet.',
  );
  assert.equal(nl[1].question, INSIGHT_TEXTS.nl.insight_costs_question);
});

test('ties are said as ties, with every tied circle and the reflections they rest on', () => {
  const reflections = [
    ...times(3, r(['close'], 4)),
    ...times(3, r(['society'], 4)),
    ...times(3, r(['self'], 2)),
    ...times(3, r(['place'], 2)),
    r(['organisations']),
  ];
  const [gives, costs] = periodFindings(reflections).findings;
  assert.deepEqual(gives.circles, ['close', 'society']);
  assert.equal(gives.form, 'tie');
  const [nlGives, nlCosts] = said(reflections, 'nl');
  assert.equal(
    nlGives.observation,
    'Reflecties over je naasten en over de samenleving gaven je evenveel energie, en meer dan de rest (gemiddeld 4 van 5, in 6 reflecties).',
  );
  assert.equal(nlGives.question, INSIGHT_TEXTS.nl.insight_gives_question_tie);
  assert.equal(costs.form, 'tie');
  assert.match(
    nlCosts.observation,
    /^Reflecties over jezelf en over plek en planeet kostten je evenveel energie/,
  );
  const [enGives] = said(reflections, 'en');
  assert.match(
    enGives.observation,
    /^Reflections about your close ones and about society tie for giving you the most energy/,
  );
});

test('a reflection on two tied circles counts once in what the finding rests on', () => {
  const found = periodFindings(times(3, r(['close', 'society'], 5))).findings[0];
  assert.deepEqual(found.circles, ['close', 'society']);
  assert.equal(found.count, 3);
});

test('3 is the middle: energy 3 and meaning 3 neither give nor cost', () => {
  const reflections = times(3, r(['close'], 3, 3));
  const found = periodFindings(reflections).findings;
  assert.deepEqual(
    found.map((finding) => finding.kind),
    ['middle', 'unwritten'],
  );
  const [middle] = said(reflections, 'nl');
  assert.equal(
    middle.observation,
    'Bij reflecties over je naasten lag je energie precies in het midden (gemiddeld 3 van 5, in 3 reflecties).',
  );
});

test('a single rated circle is not called "the most"', () => {
  const [gives] = said(times(3, r(['place'], 4)), 'en');
  assert.equal(
    gives.observation,
    'Reflections about place and planet gave you energy (on average 4 of 5, across 3 reflections).',
  );
});
