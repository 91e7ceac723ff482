// The daily ritual's pure parts: the week's count, and what tapping a reminder opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysWrittenThisWeek } from '../../static/js/method/days-written.js';
import { openAppAt } from '../../static/js/worker/notification-click.js';

test('the week counts days written, not reflections, Monday to Sunday', () => {
  const reflections = ['2026-11-23', '2026-11-23', '2026-11-25', '2026-11-22', '2026-11-29'].map(
    (day) => ({ day }),
  );
  assert.equal(daysWrittenThisWeek(reflections, '2026-11-28'), 3);
  assert.equal(daysWrittenThisWeek(reflections, '2026-11-22'), 1);
  assert.equal(daysWrittenThisWeek([], '2026-11-28'), 0);
});

/** Return fake worker clients with windows at the given paths, recording what happens. */
function fakeClients(paths) {
  const log = [];
  const windows = paths.map((path) => ({
    url: `https://lpb.example${path}`,
    focus: async function focus() {
      log.push(`focus ${path}`);
      return this;
    },
    navigate: async function navigate(url) {
      log.push(`navigate ${path} → ${url}`);
      return this;
    },
  }));
  return {
    log,
    matchAll: async () => windows,
    openWindow: async (url) => log.push(`open ${url}`),
  };
}

test('tapping a reminder with the app closed opens Today', async () => {
  const clients = fakeClients([]);
  await openAppAt(clients, '/');
  assert.deepEqual(clients.log, ['open /']);
});

test('tapping a reminder focuses the window on Today, else takes an open one there', async () => {
  const onToday = fakeClients(['/journal', '/']);
  await openAppAt(onToday, '/');
  assert.deepEqual(onToday.log, ['focus /']);
  const elsewhere = fakeClients(['/settings']);
  await openAppAt(elsewhere, '/');
  assert.deepEqual(elsewhere.log, ['focus /settings', 'navigate /settings → /']);
});
