// Levensloopbaan's service worker: the app shell from a versioned cache, so the app opens offline.
// The server fills in the build version, a hash of the shell's files, so every change installs anew,
// and the lists below. A module worker: it runs the page's own sync and question code, so the outbox
// goes out and a reminder asks today's question with no page open (imports are absolute URLs).
import { onSyncState, syncNow } from '/static/js/data/sync.js';
import { genericNotice, todaysNotice } from '/static/js/data/reminder-notice.js';
import { openAppAt } from '/static/js/worker/notification-click.js';
import { flushWrittenToday } from '/static/js/data/reminders-api.js';
import { keepSharedFiles } from '/static/js/data/shared-files.js';

const CACHE_PREFIX = 'lpb-static-';
const CACHE_NAME = `${CACHE_PREFIX}__BUILD_VERSION__`;
const SHELL_URL = '/';
const TODAY_URL = '/';
const SYNC_TRIES = 4;
const SYNC_RETRY_MS = 2000;
// The manifest's share_target: a journal export shared to the app goes to Settings' import.
const SHARE_TARGET = '/share-journal';
// Filled in by the server (lpb/shell/routes.py) from its route table and the files under static/.
const APP_ROUTES = __APP_ROUTES__;
const PRECACHE_URLS = __PRECACHE_URLS__;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  // Only when the user chose "reload": never swap code under an open draft by itself.
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'outbox') event.waitUntil(sendOutbox());
});

self.addEventListener('push', (event) => {
  event.waitUntil(Promise.all([showReminder(event.data), syncNow()]));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openAppAt(self.clients, TODAY_URL));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method === 'POST' && url.pathname === SHARE_TARGET) {
    event.respondWith(receiveShared(request));
    return;
  }
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      APP_ROUTES.includes(url.pathname) ? appShell(url.pathname) : networkOrShell(request),
    );
  } else if (PRECACHE_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

let syncState = 'idle';
onSyncState((status) => {
  syncState = status.state;
});

/** Send the outbox and pull; fail when offline, so that the browser tries again later. */
async function sendOutbox() {
  // The browser fires the event as the connection comes back, which can be a moment before
  // requests go through; a few quick tries here save waiting minutes for the browser's retry.
  for (let attempt = 1; ; attempt += 1) {
    await syncNow();
    if (syncState !== 'offline' || attempt === SYNC_TRIES) break;
    await new Promise((resolve) => setTimeout(resolve, SYNC_RETRY_MS));
  }
  await flushWrittenToday().catch(() => {});
  const pages = await self.clients.matchAll({ type: 'window' });
  pages.forEach((page) => page.postMessage({ type: 'synced' }));
  if (syncState === 'offline' || syncState === 'error') throw new Error(`sync: ${syncState}`);
}

/** Return a push's JSON payload, or null when it has none or cannot be read. */
function pushPayload(data) {
  try {
    return data?.json() ?? null;
  } catch {
    return null;
  }
}

/** Show the reminder: today's question when the push is one, a generic nudge otherwise. */
async function showReminder(data) {
  const payload = pushPayload(data);
  const notice = await (payload?.type === 'reminder' ? todaysNotice() : genericNotice()).catch(() =>
    genericNotice(),
  );
  await self.registration.showNotification(notice.title, {
    body: notice.body,
    tag: 'reminder',
    icon: '/static/icons/icon-192.png',
    data: { url: TODAY_URL },
  });
}

/** Keep the files shared to the app and open Settings, whose import shows their preview. */
async function receiveShared(request) {
  const form = await request.formData();
  await keepSharedFiles(form.getAll('journal').filter((file) => file instanceof File));
  return Response.redirect('/settings?shared', 303);
}

/** Fetch every file of the shell past the HTTP cache, and store them in this version's cache. */
async function precache() {
  const cache = await caches.open(CACHE_NAME);
  await cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: 'reload' })));
}

/** Delete the caches of our older versions, and only ours. */
async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)),
  );
}

/** The app's own pages open at once from their cached shell; the views are drawn on the device. */
async function appShell(path = SHELL_URL) {
  const cached = await caches.match(path, { cacheName: CACHE_NAME });
  return cached ?? fetch(path);
}

/** Other pages come from the network (a friendly 404 online), and the shell when offline. */
async function networkOrShell(request) {
  try {
    return await fetch(request);
  } catch {
    return appShell();
  }
}

/** Shell files come from this version's cache, the network only if missing. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE_NAME, ignoreSearch: true });
  return cached ?? fetch(request);
}
