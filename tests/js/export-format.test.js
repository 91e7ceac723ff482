import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_COLUMNS,
  csvField,
  escapeHtml,
  exportCsv,
  exportDocument,
  exportMarkdown,
  importableEntries,
} from '../../static/js/data/export-format.js';

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

test('the Markdown export reads by day', () => {
  const text = exportMarkdown(exportDocument([reflection, mix], { now }));
  assert.match(text, /^# Levensloopbaan\n/);
  assert.ok(text.indexOf('## 2026-11-27') < text.indexOf('## 2026-11-28'));
  assert.match(
    text,
    /### 08:00 · What mattered\?\n\nLine one\nsaid "hi", then left\n\n\*Yourself, Place and planet · energy 2 of 5\*/,
  );
  assert.match(text, /\| Paid work \| 100% \| 0% \|/);
  assert.doesNotMatch(text, /```json/);
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
  const text = exportMarkdown(document);
  assert.match(
    text,
    /\*Zelf, Plek en planeet · energie 2 van 5 · zin 4 van 5 · betrokkenheid 5 van 5\*/,
  );
  assert.match(
    text,
    /### 08:00 · Eigen mix, week 2026-W48\n\nEen week van 45 uur\.\n\n\| Deel \| Zo was het \| Zo zou je het willen \|/,
  );
  assert.match(text, /\| Betaald werk \| 60% · 27 u \| 40% · 18 u \|/);
  assert.match(text, /\| Vrijwillig en onbetaald \| 5% · 2,3 u \| 10% · 4,5 u \|/);
  assert.match(text, /### 20:00 · Snelle check-in\n\n\*energie 3 van 5 · zin 4 van 5\*/);
  assert.match(
    text,
    /### 21:00 · Gewenste balans\n\n\| Cirkel \| % \|\n\|---\|---:\|\n\| Zelf \| 30% \|/,
  );
  assert.match(exportMarkdown(document, 'en'), /\| Paid work \| 60% · 27 h \| 40% · 18 h \|/);
});

test('the CSV export has the documented columns and quotes what needs it', () => {
  const lines = exportCsv(exportDocument([reflection, mix], { now }))
    .trimEnd()
    .split('\n');
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  assert.equal(
    lines[0],
    'id,kind,day,created_at,updated_at,question,text,circles,energy,conflict_of,data',
  );
  assert.match(lines[1], /^a,reflection,2026-11-27,.*,What mattered\?,"Line one$/);
  assert.match(lines[2], /said ""hi"", then left",self place,2,,$/);
  assert.match(
    lines[3],
    /^b,mix,2026-11-28,.*,"\{""actual"":\{""paid"":100\},""week"":""2026-W48""/,
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
  const [, row] = exportCsv(exportDocument([formula], { now })).split('\n');
  assert.match(row, /,'=cmd,"'@x, ""y""",self place,2,,$/);
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
  const text = exportMarkdown(exportDocument([html, question, week], { now }), 'en');
  assert.doesNotMatch(text, /<script>|<img|<i>|<b>/);
  assert.match(text, /### 08:00 · &lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more/);
  assert.match(text, /### 08:00 · Own question\n\n&lt;i&gt;own&lt;\/i&gt;/);
  assert.match(text, /Own mix, week &lt;b&gt;2026-W48&lt;\/b&gt;/);
});

test('a language without export words reads English, numbers included', () => {
  const weekly = { ...mix, hours_per_week: 45, actual: { volunteering: 5 } };
  const text = exportMarkdown(exportDocument([weekly], { now, settings: { language: 'de' } }));
  assert.match(text, /\| Volunteering and unpaid work \| 5% · 2\.3 h \| 0% · 0 h \|/);
});
