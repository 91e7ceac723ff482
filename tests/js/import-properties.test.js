// Properties of importing, on random journals in every format: the text and day come through as
// written, ids are the same on every read, and importing a file twice (or an overlapping newer
// export after an older one) leaves the same entries as importing everything once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImport } from '../../static/js/import/read-files.js';
import { plannedEntries, summarise, withIds } from '../../static/js/import/import-plan.js';
import { CIRCLES } from '../../static/js/method/circles.js';
import { makeZip } from './support/zip.js';

process.env.TZ = 'America/Sao_Paulo';
const RUNS = 40;
const WORDS = ['werk', 'family', 'rust', 'a "quote"', 'komma, hier', 'zon', 'ü', '🙂', 'walk'];
const ZONES = ['Europe/Amsterdam', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati', 'UTC'];

/** Return a seeded random number generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const words = (n) => Array.from({ length: 1 + int(n) }, () => pick(WORDS)).join(' ');
  return { int, pick, words };
}

const pad = (n) => String(n).padStart(2, '0');

/** Return n random local moments: [year, month, day, hour, minute], all different days. */
function moments(r, n) {
  const days = new Set();
  const out = [];
  while (out.length < n) {
    const moment = [2000 + r.int(30), 1 + r.int(12), 1 + r.int(28), r.int(24), r.int(60)];
    const key = moment.slice(0, 3).join('-');
    if (!days.has(key)) out.push(moment) && days.add(key);
  }
  return out;
}

const day = ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`;

/** Random journals in each format: files to read, and each entry's expected day and text. */
const FORMATS = {
  jrnl(r, n) {
    const entries = moments(r, n).map((at) => {
      const tags = Array.from({ length: r.int(3) }, () => `@${r.pick(['work', 'gezin', 'zee'])}`);
      const title = `${r.words(4)} ${tags.join(' ')}`.trim();
      const body = Array.from({ length: r.int(4) }, () => (r.int(3) ? r.words(6) : '')).join('\n');
      const header = `[${day(at)} ${pad(at[3])}:${pad(at[4])}] ${title}${r.int(2) ? ' *' : ''}`;
      return {
        source: `${header}\n${body}\n`,
        day: day(at),
        text: [title, body.trim()].filter(Boolean).join('\n'),
      };
    });
    const text = entries.map((e) => e.source).join('\n');
    return {
      files: (copies) => [new File([Array(copies).fill(text).join('\n')], 'j.txt')],
      entries,
    };
  },
  daylio(r, n) {
    const quote = (value) => `"${value.replaceAll('"', '""')}"`;
    const entries = moments(r, n).map((at) => {
      const note = Array.from({ length: 1 + r.int(3) }, () => r.words(5)).join('\n');
      const hour12 = `${at[3] % 12 || 12}:${pad(at[4])} ${at[3] < 12 ? 'am' : 'pm'}`;
      const activities = Array.from({ length: r.int(3) }, () =>
        r.pick(['work', 'sport', 'friends']),
      );
      const row = [
        day(at),
        'x',
        'y',
        hour12,
        r.pick(['rad', 'good', 'meh']),
        activities.join(' | '),
        '',
        quote(note),
      ];
      return { source: row.join(','), day: day(at), text: note };
    });
    const header = 'full_date,date,weekday,time,mood,activities,note_title,note';
    const rows = entries.map((e) => e.source).join('\n');
    return {
      files: (copies) => [new File([[header, ...Array(copies).fill(rows)].join('\n')], 'd.csv')],
      entries,
    };
  },
  dayone(r, n) {
    const entries = moments(r, n).map((at, i) => {
      const text = `${r.words(6)}\n\n${r.words(6)}`;
      const zone = r.pick(ZONES);
      const created = new Date(Date.UTC(at[0], at[1] - 1, at[2], at[3], at[4]));
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' });
      const entry = {
        uuid: `U${i}X${r.int(1e9)}`,
        creationDate: created.toISOString(),
        timeZone: zone,
        text,
        tags: [r.pick(['werk', 'home'])],
      };
      return { source: entry, day: local.format(created), text };
    });
    const document = JSON.stringify({ metadata: {}, entries: entries.map((e) => e.source) });
    const zip = (copies) =>
      makeZip(
        Object.fromEntries(Array.from({ length: copies }, (_, i) => [`J${i}.json`, document])),
      );
    return { files: (copies) => [new File([zip(copies)], 'export.zip')], entries };
  },
  markdown(r, n) {
    const entries = moments(r, n).map((at) => {
      const text = `${r.words(5)} #${r.pick(['werk', 'rust'])}\n\n${r.words(8)}`;
      const byName = r.int(2) === 0;
      const source = byName
        ? text
        : `---\ndate: ${day(at)} ${pad(at[3])}:${pad(at[4])}\n---\n${text}\n`;
      return {
        name: byName ? `${day(at)}.md` : `note-${at.join('')}.md`,
        source,
        day: day(at),
        text,
      };
    });
    const files = (copies) =>
      Array.from({ length: copies }, () => entries.map((e) => new File([e.source], e.name))).flat();
    return { files, entries };
  },
};

/** Return the entries an import writes, under a random mapping of the labels found. */
async function importOf(files, r) {
  const planned = await withIds(await readImport(files));
  const summary = summarise(planned);
  const circles = Object.fromEntries(
    summary.labels.map(([label]) => [label, r.pick([null, ...CIRCLES])]),
  );
  return { planned, entries: plannedEntries(planned, { circles, useMood: false, moods: {} }) };
}

/** Add entries to a store (a Map by id) as the writer does: an id already there is kept. */
function store(into, entries) {
  for (const entry of entries) if (!into.has(entry.id)) into.set(entry.id, entry);
  return into;
}

for (const [format, make] of Object.entries(FORMATS)) {
  test(`${format}: text and day as written, and twice adds nothing`, async () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const journal = make(random(seed), 1 + random(seed).int(12));
      const sort = (list) => list.map((e) => `${e.day}|${e.text}`).sort();
      const once = await importOf(journal.files(1), random(seed));
      assert.deepEqual(sort(once.entries), sort(journal.entries), `seed ${seed}`);
      // Read again (another device, another day): the very same entries, ids and all.
      assert.deepEqual((await importOf(journal.files(1), random(seed))).entries, once.entries);
      // The file twice over (or twice in one go): nothing more than once.
      // (A Day One journal copied under another name has one label more: compare the rest.)
      const twice = await importOf(journal.files(2), random(seed));
      const core = (list) => list.map((e) => [e.id, e.day, e.created_at, e.text]);
      assert.deepEqual(core(twice.entries), core(once.entries), `seed ${seed}`);
      const single = store(new Map(), once.entries);
      assert.deepEqual(store(store(new Map(), once.entries), once.entries), single);
    }
  });
}

test('an older export, then a newer overlapping one, leaves each entry once', async () => {
  for (let seed = 1; seed <= RUNS; seed += 1) {
    const r = random(seed);
    const all = FORMATS.jrnl(r, 6 + r.int(10));
    const text = (list) => new File([list.map((e) => e.source).join('\n')], 'j.txt');
    const cut = 2 + r.int(4);
    const older = await importOf([text(all.entries.slice(0, cut + 2))], random(seed));
    const newer = await importOf([text(all.entries.slice(cut))], random(seed));
    const whole = await importOf([text(all.entries)], random(seed));
    const both = store(store(new Map(), older.entries), newer.entries);
    assert.deepEqual([...both.keys()].sort(), whole.entries.map((e) => e.id).sort());
  }
});

test('an entry gets only circles mapped from its own labels, and none without a mapping', async () => {
  const journal = FORMATS.daylio(random(7), 30);
  const planned = await withIds(await readImport(journal.files(1)));
  const none = plannedEntries(planned, { circles: {}, useMood: false, moods: {} });
  assert.ok(none.every((entry) => entry.circles.length === 0 && entry.energy === null));
  const mapped = plannedEntries(planned, {
    circles: { work: 'organisations' },
    useMood: false,
    moods: {},
  });
  planned.records.forEach((record, i) =>
    assert.deepEqual(mapped[i].circles, record.labels.includes('work') ? ['organisations'] : []),
  );
});
