import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  csvField,
  escapeHtml,
  exportDocument,
  importableEntries,
} from '../../static/js/data/export-format.js';
import { exportCsv, exportMarkdown } from '../../static/js/data/export-readable.js';
import { localMoment, writtenDay, writtenWeek } from '../../static/js/data/export-dates.js';
import { exportWords } from '../../static/js/data/export-labels.js';

const reflection = {
  id: 'a',
  kind: 'reflection',
  text: 'Line one\nsaid "hi", then left',
  circles: ['self', 'place'],
  energy: 2,
  day: '2026-11-27',
  question_text: 'What mattered?',
  created_at: '2026-11-27T08:00:00.000Z',
  updated_at: '2026-11-27T08:00:00.000Z',
  deleted: false,
  version: 3,
  sync: 'synced',
};
const mix = {
  id: 'b',
  kind: 'mix',
  week: '2026-W48',
  actual: { paid: 100 },
  wished: { rest: 100 },
  day: '2026-11-28',
  created_at: '2026-11-28T08:00:00.000Z',
  updated_at: '2026-11-28T08:00:00.000Z',
  deleted: false,
};
const tombstone = {
  id: 'c',
  kind: 'reflection',
  deleted: true,
  created_at: '2026-11-26T08:00:00.000Z',
};
const now = new Date('2026-11-28T10:00:00Z');

test('the JSON export holds live entries only, without device-only fields', () => {
  const document = exportDocument([mix, tombstone, reflection], { now });
  assert.equal(document.format, 'levensloopbaan-export');
  assert.equal(document.version, 1);
  assert.deepEqual(
    document.entries.map((entry) => entry.id),
    ['a', 'b'],
  );
  assert.equal('sync' in document.entries[0] || 'version' in document.entries[0], false);
  assert.equal(document.entries[0].conflict_of, null);
});

test('an export imports again, and other files are refused', () => {
  const document = exportDocument([reflection], { now });
  assert.equal(importableEntries(JSON.parse(JSON.stringify(document))).length, 1);
  assert.throws(() => importableEntries({ format: 'other' }), /not-an-export/);
  assert.throws(() => importableEntries({ ...document, version: 2 }), /unsupported-version/);
});

const brussels = { lang: 'nl', timeZone: 'Europe/Brussels' };

test("the Markdown export reads by day, written out, in the reader's time zone", () => {
  const text = exportMarkdown(exportDocument([reflection, mix], { now }), {
    lang: 'en',
    timeZone: 'Europe/London',
  });
  assert.match(
    text,
    /^# Levensloopbaan\n\nExported on Saturday 28 November 2026, 10:00\. Times are in your own time zone \(Europe\/London\)\.\n/,
  );
  assert.ok(
    text.indexOf('## Friday 27 November 2026') < text.indexOf('## Saturday 28 November 2026'),
  );
  assert.match(
    text,
    /### 08:00 · What mattered\?\n\nLine one\nsaid "hi", then left\n\n\*Yourself, Place and planet · energy 2 of 5\*/,
  );
  assert.match(text, /### 08:00 · Own mix, week of Monday 23 November 2026/);
  assert.match(text, /\| Paid work \| 100% \| 0% \|/);
  assert.doesNotMatch(text, /```json|2026-11-2\d|T\d\d:|Export 20/);
  // 08:00 UTC is 09:00 in Brussels in winter, 10:00 in summer, and 13:30 in Kolkata.
  assert.match(exportMarkdown(exportDocument([reflection]), brussels), /### 09:00 · What mattered/);
  const summer = { ...reflection, day: '2026-07-07', created_at: '2026-07-07T08:00:00.000Z' };
  assert.match(
    exportMarkdown(exportDocument([summer]), brussels),
    /## dinsdag 7 juli 2026\n\n### 10:00 ·/,
  );
  const kolkata = { lang: 'en', timeZone: 'Asia/Kolkata' };
  assert.match(exportMarkdown(exportDocument([reflection]), kolkata), /### 13:30 · What mattered/);
});

test('every kind is named in words, a guide by name, and nothing raw remains', () => {
  const base = {
    day: '2026-12-07',
    created_at: '2026-12-07T06:40:00Z',
    updated_at: '2026-12-07T06:40:00Z',
  };
  const entries = [
    { ...base, id: 'g', kind: 'guide_question', guide_name: 'Anna', text: 'Wat wil je behouden?' },
    { ...base, id: 'h', kind: 'guide_reply', guide_name: '<b>Bo</b>', text: 'Mooi gezien.' },
    { ...base, id: 'i', kind: 'shared_summary', period_days: 7, markdown: 'Een week' },
  ];
  const text = exportMarkdown(exportDocument(entries, { now }), brussels);
  assert.match(
    text,
    /## maandag 7 december 2026\n\n### 07:40 · Vraag van je begeleider\n\n\*Van Anna\*\n\nWat wil je behouden\?/,
  );
  assert.match(
    text,
    /### 07:40 · Antwoord van je begeleider\n\n\*Van &lt;b&gt;Bo&lt;\/b&gt;\*\n\nMooi gezien\./,
  );
  assert.match(text, /### 07:40 · Gedeelde samenvatting\n\nEen week/);
  assert.doesNotMatch(text, /guide_question|guide_reply|shared_summary/);
  const [, ...rows] = exportCsv(exportDocument(entries, { now }), brussels).trimEnd().split('\n');
  assert.match(
    rows[0],
    /^maandag 7 december 2026,07:40,Vraag van je begeleider,,Wat wil je behouden\?,,,,,Van Anna,g$/,
  );
  assert.match(rows[1], /,Van <b>Bo<\/b>,h$/);
});

test('a time or a day the app cannot read is shown as it was stored', () => {
  const odd = { ...reflection, day: 'someday', created_at: '27/11/2026 08:00 local' };
  const text = exportMarkdown(exportDocument([odd], { now }), brussels);
  assert.match(text, /## someday\n\n### 08:00 · What mattered/);
  assert.equal(localMoment('2026-11-27 08:00', 'UTC'), null);
  const word = exportWords('nl');
  assert.equal(writtenDay('2026-02-30', word), null);
  assert.equal(writtenDay('2026-12-07', word), 'maandag 7 december 2026');
  assert.equal(writtenWeek('2025-W53', word), null);
  assert.equal(writtenWeek('2026-W53', word), 'week van maandag 28 december 2026');
  assert.equal(writtenWeek('2026-W01', word), 'week van maandag 29 december 2025');
  assert.equal(writtenWeek('2020-W53', exportWords('en')), 'week of Monday 28 December 2020');
});

test('the Markdown export speaks Dutch to a Dutch reader, with the mix as a table in hours', () => {
  const rated = { ...reflection, meaning: 4, engagement: 5 };
  const checkin = {
    id: 'd',
    kind: 'checkin',
    day: '2026-11-28',
    energy: 3,
    meaning: 4,
    created_at: '2026-11-28T20:00:00.000Z',
  };
  const weekly = {
    ...mix,
    hours_per_week: 45,
    actual: { paid: 60, care: 15, volunteering: 5, learning: 5, rest: 15 },
    wished: { paid: 40, care: 20, volunteering: 10, learning: 10, rest: 20 },
  };
  const balance = {
    id: 'e',
    kind: 'balance',
    day: '2026-11-28',
    created_at: '2026-11-28T21:00:00.000Z',
    weights: { self: 30, close: 25, organisations: 15, society: 10, place: 20 },
  };
  const document = exportDocument([rated, weekly, checkin, balance], {
    now,
    settings: { language: 'nl' },
  });
  const text = exportMarkdown(document, { timeZone: 'UTC' });
  assert.match(
    text,
    /\*Zelf, Plek en planeet · energie 2 van 5 · zingeving 4 van 5 · betrokkenheid 5 van 5\*/,
  );
  assert.match(
    text,
    /### 08:00 · Eigen mix, week van maandag 23 november 2026\n\nEen week van 45 uur\.\n\n\| Deel \| Zo was het \| Zo zou je het willen \|/,
  );
  assert.match(text, /\| Betaald werk \| 60% · 27 u \| 40% · 18 u \|/);
  assert.match(text, /\| Vrijwillig en onbetaald \| 5% · 2,3 u \| 10% · 4,5 u \|/);
  assert.match(text, /### 20:00 · Snelle check-in\n\n\*energie 3 van 5 · zingeving 4 van 5\*/);
  assert.match(
    text,
    /### 21:00 · Gewenste balans\n\n\| Cirkel \| % \|\n\|---\|---:\|\n\| Zelf \| 30% \|/,
  );
  assert.match(
    exportMarkdown(document, { lang: 'en' }),
    /\| Paid work \| 60% · 27 h \| 40% · 18 h \|/,
  );
});

test('the CSV export has a column per rating, circles and kinds in words, quoting intact', () => {
  const rated = { ...reflection, meaning: 4, engagement: 5 };
  const lines = exportCsv(exportDocument([rated, mix], { now }), brussels)
    .trimEnd()
    .split('\n');
  assert.equal(
    lines[0],
    'Datum,Tijd,Soort,Vraag,Tekst,Cirkels,Energie,Zingeving,Betrokkenheid,Details,ID',
  );
  assert.match(lines[1], /^vrijdag 27 november 2026,09:00,Reflectie,What mattered\?,"Line one$/);
  assert.match(lines[2], /said ""hi"", then left","Zelf, Plek en planeet",2,4,5,,a$/);
  assert.match(
    lines[3],
    /^zaterdag 28 november 2026,09:00,"Eigen mix, week van maandag 23 november 2026",,,,,,,"Zo was het: Betaald werk 100%, /,
  );
  const english = exportCsv(exportDocument([rated], { now }), { lang: 'en', timeZone: 'UTC' });
  assert.match(
    english,
    /^Date,Time,Kind,Question,Text,Circles,Energy,Meaning,Engagement,Details,ID\n/,
  );
});

test('a CSV cell that a spreadsheet would run as a formula starts with a quote', () => {
  const cells = ['=1+2', '+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', 'Plain', 'a=b', 4, null];
  assert.deepEqual(cells.map(csvField), [
    "'=1+2",
    "'+1",
    "'-2+3",
    "'@SUM(A1)",
    "'\tTab",
    `"'\rCR"`,
    'Plain',
    'a=b',
    '4',
    '',
  ]);
  assert.equal(csvField('=HYPERLINK("http://evil", "x")'), `"'=HYPERLINK(""http://evil"", ""x"")"`);
});

test('the CSV export neutralises formulas in texts and questions', () => {
  const formula = { ...reflection, text: '@x, "y"', question_text: '=cmd' };
  const [, row] = exportCsv(exportDocument([formula], { now }), brussels).split('\n');
  assert.match(row, /,'=cmd,"'@x, ""y""","Zelf, Plek en planeet",2,,,,a$/);
});

test('HTML is escaped as Python html.escape(quote=False) does', () => {
  assert.equal(escapeHtml(`<b>"A" & 'B'</b> &lt;`), `&lt;b&gt;"A" &amp; 'B'&lt;/b&gt; &amp;lt;`);
});

test('the Markdown export shows what users wrote as text, never as HTML', () => {
  const html = {
    ...reflection,
    text: '<script>alert(1)</script> & more',
    question_text: '<img src=x onerror=alert(1)>',
  };
  const question = { ...reflection, id: 'q', kind: 'question', text: '<i>own</i>' };
  const week = { ...mix, week: '<b>2026-W48</b>' };
  const text = exportMarkdown(exportDocument([html, question, week], { now }), { lang: 'en' });
  assert.doesNotMatch(text, /<script>|<img|<i>|<b>/);
  assert.match(text, /### 08:00 · &lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more/);
  assert.match(text, /### 08:00 · Own question\n\n&lt;i&gt;own&lt;\/i&gt;/);
  assert.match(text, /Own mix, &lt;b&gt;2026-W48&lt;\/b&gt;/);
});

test('a language without export words reads English, numbers included', () => {
  const weekly = { ...mix, hours_per_week: 45, actual: { volunteering: 5 } };
  const text = exportMarkdown(exportDocument([weekly], { now, settings: { language: 'de' } }));
  assert.match(text, /\| Volunteering and unpaid work \| 5% · 2\.3 h \| 0% · 0 h \|/);
});
