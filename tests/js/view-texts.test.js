// Each view's texts are loaded with it: every t('key') its modules can show is in texts-app or in
// one of the catalogues i18n.js loads for that view, so no view ever shows a bare key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEW_CATALOGUES } from '../../static/js/i18n/i18n.js';
import { APP_TEXTS } from '../../static/js/i18n/texts-app.js';

const STATIC = resolve(dirname(fileURLToPath(import.meta.url)), '../../static');
// Static imports, and dynamic ones with a fixed path (a view's own parts that load beside it).
const IMPORT = /(?:^\s*(?:import|export)\b[^;]*?from\s+|\bimport\()'([^']+)'/gm;
const TEXT_KEY = /\bt\(\s*'(\w+)'/g;
// A count's text: tn('key', n) shows key_one or key_other, so both must be there.
const COUNT_KEY = /\btn\(\s*'(\w+)'/g;

/** Return the path (under static/) of every module a view's module reaches, itself included. */
function reachable(entry) {
  const found = [entry];
  for (const path of found) {
    const source = readFileSync(resolve(STATIC, path), 'utf8');
    for (const [, target] of source.matchAll(IMPORT)) {
      const next = posix.normalize(posix.join(posix.dirname(path), target));
      if (!found.includes(next) && !next.includes('/i18n/')) found.push(next);
    }
  }
  return found;
}

/** Return the keys a view can show, with the module asking for each. */
function keysOf(view) {
  return reachable(`js/views/${view}.js`).flatMap((path) => {
    const source = readFileSync(resolve(STATIC, path), 'utf8');
    return [
      ...[...source.matchAll(TEXT_KEY)].map(([, key]) => ({ key, path })),
      ...[...source.matchAll(COUNT_KEY)].flatMap(([, key]) =>
        ['one', 'other'].map((form) => ({ key: `${key}_${form}`, path })),
      ),
    ];
  });
}

/** Return the Dutch texts a view has: texts-app's and those of its catalogues. */
async function textsOf(view) {
  const texts = { ...APP_TEXTS.nl };
  for (const name of VIEW_CATALOGUES[view] ?? []) {
    const module = await import(`../../static/js/i18n/texts-${name}.js`);
    for (const catalogue of Object.values(module)) Object.assign(texts, catalogue.nl);
  }
  return texts;
}

for (const view of ['today', 'journal', 'insights', 'settings', 'method', 'not-found']) {
  test(`the ${view} view has every text it asks for`, async () => {
    const texts = await textsOf(view);
    const missing = keysOf(view).filter(({ key }) => !(key in texts));
    assert.deepEqual(missing, []);
  });
}

test('a view without its catalogues would miss texts (the check sees them)', () => {
  const appOnly = keysOf('insights').filter(({ key }) => !(key in APP_TEXTS.nl));
  assert.ok(appOnly.length > 0);
});
