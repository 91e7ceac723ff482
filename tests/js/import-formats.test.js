// The importers read our fixtures (written from each format's public description) as a user would
// expect, and every kind of bad input is refused with its format and line or entry named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImport } from '../../static/js/import/read-files.js';
import { suggestedMapping, summarise, withIds } from '../../static/js/import/import-plan.js';
import { suggestCircle } from '../../static/js/import/suggest-circles.js';
import { daylioTime, htmlToText } from '../../static/js/import/import-daylio.js';
import { MAX_IMPORT_BYTES } from '../../static/js/import/import-common.js';
import { makeZip } from './support/zip.js';

process.env.TZ = 'Europe/Amsterdam';
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (path) => readFileSync(resolve(FIXTURES, path));
const file = (name, content) => new File([content], name);

/** Return the records of files, as the preview gets them. */
async function read(...files) {
  return (await withIds(await readImport(files))).records;
}

/** Assert that reading files fails with an ImportError of code whose values include values. */
async function refused(files, code, values) {
  await assert.rejects(readImport(files), (error) => {
    assert.equal(error.name, 'ImportError');
    assert.equal(error.code, code);
    for (const [key, value] of Object.entries(values)) assert.deepEqual(error.values[key], value);
    return true;
  });
}

const dayOneZip = () =>
  makeZip({
    'Journal.json': fixture('dayone/Journal.json'),
    'Work.json': fixture('dayone/Work.json'),
    'photos/d41d8cd98f00b204e9800998ecf8427e.jpeg': fixture(
      'dayone/photos/d41d8cd98f00b204e9800998ecf8427e.jpeg',
    ),
  });

test('Day One: each entry on its local day where it was written, attachments counted', async () => {
  const records = await read(file('export.zip', dayOneZip()));
  const byText = Object.fromEntries(records.map((r) => [r.text.split('\n')[0], r]));
  // 23:30 UTC is past midnight in Amsterdam; 03:00 UTC is the evening before in New York.
  assert.equal(byText['Late dinner with my sister!'].day, '2024-03-06');
  assert.equal(byText['Finished the book on the plane.'].day, '2024-03-04');
  assert.deepEqual(byText['Late dinner with my sister!'].labels, ['family', 'Journal']);
  assert.equal(byText['Late dinner with my sister!'].starred, true);
  assert.equal(byText['Quarterly review. All good!'].labels.at(-1), 'Work');
  assert.ok(records.every((r) => !r.text.includes('dayone-moment')));
  const summary = summarise(await withIds(await readImport([file('export.zip', dayOneZip())])));
  assert.deepEqual(summary.leftOut, { photos: 2, audio: 1, empty: 1, duplicates: 0, shortened: 0 });
  assert.equal(summary.from, '2024-02-28');
  assert.equal(summary.to, '2024-03-06');
});

test('Day One: a bare journal .json reads the same as in a ZIP', async () => {
  const records = await read(file('Journal.json', fixture('dayone/Journal.json')));
  assert.equal(records.length, 3);
  assert.deepEqual(records[0].labels, ['family']);
});

test('Daylio: both column sets, 12-hour times, activities and HTML notes', async () => {
  const current = await read(file('daylio.csv', fixture('daylio-current.csv')));
  assert.equal(current[0].day, '2024-03-05');
  assert.equal(current[0].created.getHours(), 22);
  assert.deepEqual(current[0].labels, ['work', 'family']);
  assert.equal(
    current[0].text,
    'Long day\n\nPresentation went well.\nDinner with the kids & grandma.',
  );
  assert.equal(current[2].text, 'Planted tulips, with "Sam"');
  const older = await read(file('daylio_export.csv', fixture('daylio-older.csv')));
  assert.deepEqual(
    older.map((r) => [r.day, r.created.getHours(), r.mood]),
    [
      ['2019-02-02', 20, 'good'],
      ['2019-02-01', 11, 'awful'],
    ],
  );
  assert.equal(older[1].text, 'Deadline stress\nand a late train');
  assert.deepEqual(daylioTime('12:05 am'), [0, 5]);
  assert.deepEqual(daylioTime('12:05 p.m.'), [12, 5]);
  assert.equal(daylioTime('13:00 pm'), null);
  assert.equal(htmlToText('a<br/>b&nbsp;<i>c</i>&#39;'), "a\nb c'");
});

test('jrnl: multi-line bodies, @tags, starred, 12-hour headers', async () => {
  const records = await read(file('journal.txt', fixture('work.jrnl.txt')));
  assert.equal(records.length, 3);
  assert.equal(
    records[1].text,
    'Evening walk by the river @nature @family\nLong walk with Lies.\n\nIt was cold but clear.',
  );
  assert.deepEqual(records[1].labels, ['nature', 'family']);
  assert.equal(records[1].starred, true);
  assert.equal(records[2].created.getHours(), 7);
});

test('Markdown: dates from file names, folders and front matter; other files counted', async () => {
  const zip = makeZip({
    'vault/daily/2024-01-15.md': fixture('markdown-vault/daily/2024-01-15.md'),
    'vault/notes/2024/01/16.md': fixture('markdown-vault/notes/2024/01/16.md'),
    'vault/journal/team-retro.md': fixture('markdown-vault/journal/team-retro.md'),
    'vault/attachments/map.png': fixture('markdown-vault/attachments/map.png'),
  });
  const planned = await withIds(await readImport([file('vault.zip', zip)]));
  assert.deepEqual(
    planned.records.map((r) => [r.day, r.labels]),
    [
      ['2024-01-15', ['family']],
      ['2024-01-16', []],
      ['2024-01-17', ['work', 'volunteering']],
    ],
  );
  assert.equal(planned.records[2].created.getHours(), 16);
  assert.equal(planned.records[2].text, 'The retro was honest and kind.');
  assert.equal(summarise(planned).leftOut.files, 1);
});

const BAD_INPUTS = [
  [
    'a file of no known format',
    [file('notes.txt', 'Just some thoughts.\n')],
    'not_recognised',
    { file: 'notes.txt' },
  ],
  [
    'our own export',
    [file('x.json', '{"format":"levensloopbaan-export","entries":[]}')],
    'own_export',
    {},
  ],
  ['JSON that is no journal', [file('x.json', '{"hello":1}')], 'not_recognised', {}],
  ['broken JSON', [file('Journal.json', '{"entries": [')], 'bad_json', { format: 'Day One' }],
  [
    'a Day One date that does not parse',
    [
      file(
        'Journal.json',
        '{"metadata":{},"entries":[{"uuid":"A","creationDate":"2024-03-05T10:00:00Z","text":"a"},{"uuid":"B","creationDate":"yesterday","text":"b"}]}',
      ),
    ],
    'bad_date',
    { format: 'Day One', entry: 2, file: 'Journal.json', value: 'yesterday' },
  ],
  [
    'a CSV with missing columns',
    [file('daylio.csv', 'full_date,date,weekday,time,activities,note\n2024-03-05,x,y,10:00,a,b\n')],
    'missing_columns',
    { format: 'Daylio', line: 1, columns: ['mood'] },
  ],
  [
    'a CSV of something else',
    [file('bank.csv', 'amount,payee\n1,x\n')],
    'missing_columns',
    { format: 'Daylio' },
  ],
  [
    'a Daylio date that does not exist',
    [
      file(
        'daylio.csv',
        'full_date,date,weekday,time,mood,activities,note_title,note\n2024-03-05,,,10:00 pm,good,,,a\n"2024-02-30",,,9:00 am,good,,,"b\nc"\n2024-03-01,,,25:00,good,,,d\n',
      ),
    ],
    'bad_date',
    { format: 'Daylio', line: 3, value: '2024-02-30 9:00 am' },
  ],
  [
    'an older Daylio month that is no month',
    [
      file(
        'daylio.csv',
        'year,date,weekday,time,mood,activities,note\n2019,5 Brumaire,x,8:00 pm,good,,n\n',
      ),
    ],
    'bad_date',
    { format: 'Daylio', line: 2 },
  ],
  [
    'a jrnl header with a month 13',
    [file('j.txt', '[2023-11-20 08:30] fine\nbody\n\n[2023-13-01 10:00] not fine\n')],
    'bad_date',
    { format: 'jrnl', line: 4, value: '[2023-13-01 10:00] not fine' },
  ],
  [
    'a jrnl header with a broken time',
    [file('j.txt', '[2023-11-20 8h30] x\n')],
    'bad_date',
    { line: 1 },
  ],
  [
    'a note without a date',
    [file('2024-01-15.md', 'a'), file('ideas.md', 'b')],
    'no_date',
    { format: 'Markdown', file: 'ideas.md' },
  ],
  [
    'front matter with a date that does not parse',
    [file('x.md', '---\ntitle: t\ndate: next tuesday\n---\ntext\n')],
    'bad_date',
    { format: 'Markdown', file: 'x.md', line: 3 },
  ],
  ['several files of mixed kinds', [file('a.md', 'x'), file('b.csv', 'y')], 'several_files', {}],
];

for (const [name, files, code, values] of BAD_INPUTS) {
  test(`refused: ${name}`, () => refused(files, code, values));
}

test('refused: a damaged ZIP (cut short, or its data spoilt)', async () => {
  const zip = dayOneZip();
  await refused([file('export.zip', zip.slice(0, zip.length - 40))], 'zip_damaged', {
    file: 'export.zip',
  });
  const spoilt = zip.slice();
  for (let i = 40; i < 90; i += 1) spoilt[i] ^= 0x5a;
  await refused([file('export.zip', spoilt)], 'zip_damaged', { file: 'export.zip' });
  await refused([file('export.zip', 'not a zip at all')], 'zip_damaged', {});
});

test('refused before reading: a file over the cap, and a ZIP whose journals are', async () => {
  const huge = { name: 'big.csv', size: MAX_IMPORT_BYTES + 1, text: () => assert.fail('read') };
  await refused([huge], 'too_large', { file: 'big.csv', max: 64 });
  // A ZIP says in its directory how big each file is: a journal of 100 MB is refused unread.
  const zip = makeZip({ 'Journal.json': '{}' });
  const view = new DataView(zip.buffer);
  const directory = view.getUint32(zip.length - 6, true);
  view.setUint32(directory + 24, 100 * 1024 * 1024, true);
  await refused([file('export.zip', zip)], 'too_large', { size: 100 });
  // Photos are never read, so they do not count.
  const photos = makeZip({ 'Journal.json': fixture('dayone/Journal.json'), 'photos/a.jpeg': 'x' });
  const pview = new DataView(photos.buffer);
  const second = pview.getUint32(photos.length - 6, true) + 46 + 'Journal.json'.length;
  pview.setUint32(second + 24, 500 * 1024 * 1024, true);
  assert.equal((await read(file('export.zip', photos))).length, 3);
});

test("Daylio's moods are offered best first, then custom ones; mood as energy is off", async () => {
  const planned = await withIds(await readImport([file('d.csv', fixture('daylio-current.csv'))]));
  const summary = summarise(planned);
  assert.deepEqual(
    summary.moods.map(([mood]) => mood),
    ['rad', 'good', 'meh', 'tired but ok'],
  );
  const mapping = suggestedMapping(summary);
  assert.equal(mapping.useMood, false);
  assert.deepEqual(mapping.moods, { rad: 5, good: 4, meh: 3, 'tired but ok': null });
  assert.deepEqual(mapping.circles, {
    family: 'close',
    friends: 'close',
    gardening: 'place',
    reading: 'self',
    sleep: 'self',
    work: 'organisations',
  });
});

test('circles are suggested from Dutch and English words, and none for unknown ones', () => {
  const cases = {
    werk: 'organisations',
    Werkdag: 'organisations',
    gezin: 'close',
    'time with friends': 'close',
    vrijwilligerswerk: 'society',
    homework: 'organisations',
    buurtvereniging: 'society',
    wandelen: 'place',
    hardlopen: 'self',
    movies: null,
    '🙂': null,
  };
  for (const [label, circle] of Object.entries(cases))
    assert.equal(suggestCircle(label), circle, label);
});
