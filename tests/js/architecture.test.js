// The layout of static/js: only data/ touches IndexedDB, method/ stays pure, and files stay short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../static/js');
const MAX_FILE_LINES = 250;
const IMPORT = /^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm;

/** Return every .js file under static/js as { path, source }, path relative to static/js. */
function modules() {
  return readdirSync(ROOT, { recursive: true })
    .filter((path) => path.endsWith('.js'))
    .map((path) => ({
      path: path.split('\\').join('/'),
      source: readFileSync(join(ROOT, path), 'utf8'),
    }));
}

/** Return the paths (relative to static/js) that a module imports. */
function importsOf({ path, source }) {
  return [...source.matchAll(IMPORT)].map(([, target]) =>
    relative(ROOT, resolve(ROOT, dirname(path), target)),
  );
}

test('only static/js/data/ touches IndexedDB', () => {
  const outside = modules().filter(({ path }) => !path.startsWith('data/'));
  assert.ok(outside.length > 0);
  for (const { path, source } of outside) {
    assert.ok(!source.includes('indexedDB'), `${path} mentions indexedDB`);
    assert.ok(!source.includes('.transaction('), `${path} opens a transaction`);
  }
});

test('the pure logic in method/ imports only method/', () => {
  for (const module of modules().filter(({ path }) => path.startsWith('method/'))) {
    for (const target of importsOf(module)) {
      assert.ok(target.startsWith('method/'), `${module.path} imports ${target}`);
    }
  }
});

test('no file in static/js is over 250 lines', () => {
  for (const { path, source } of modules()) {
    const lines = source.replace(/\n$/, '').split('\n').length;
    assert.ok(lines <= MAX_FILE_LINES, `${path} has ${lines} lines`);
  }
});

test('file names are kebab-case and every import names its .js file', () => {
  for (const module of modules()) {
    assert.match(
      module.path,
      /^([a-z0-9]+(-[a-z0-9]+)*\/)*[a-z0-9]+(-[a-z0-9]+)*\.js$/,
      module.path,
    );
    for (const target of importsOf(module))
      assert.ok(target.endsWith('.js'), `${module.path} imports ${target}`);
  }
});
