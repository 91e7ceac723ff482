// Levensloopbaan's service worker: the app shell from a versioned cache, so the app opens offline.
// The server fills in the build version, a hash of the shell's files, so every change installs anew.

const CACHE_PREFIX = 'lpb-static-';
const CACHE_NAME = `${CACHE_PREFIX}__BUILD_VERSION__`;
const SHELL_URL = '/';
const APP_ROUTES = ['/', '/journal', '/insights', '/settings', '/privacy'];

const PRECACHE_URLS = [
  '/',
  '/manifest.json',
  '/api/questions',
  '/static/css/app.css',
  '/static/css/method.css',
  '/static/icons/icon.svg',
  '/static/icons/icon-192.png',
  '/static/icons/icon-512.png',
  '/static/icons/icon-maskable-512.png',
  '/static/js/account-panel.js',
  '/static/js/app.js',
  '/static/js/data-panel.js',
  '/static/js/export-format.js',
  '/static/js/dates.js',
  '/static/js/db.js',
  '/static/js/dom.js',
  '/static/js/draft-keeper.js',
  '/static/js/entries.js',
  '/static/js/i18n.js',
  '/static/js/question-choice.js',
  '/static/js/questions.js',
  '/static/js/reflection-fields.js',
  '/static/js/router.js',
  '/static/js/storage.js',
  '/static/js/sync.js',
  '/static/js/texts-privacy.js',
  '/static/js/sync-status.js',
  '/static/js/texts-method.js',
  '/static/js/sw-register.js',
  '/static/js/toast.js',
  '/static/js/charts.js',
  '/static/js/day-math.js',
  '/static/js/eigen-mix.js',
  '/static/js/insights-math.js',
  '/static/js/kantelen-choice.js',
  '/static/js/kantelen.js',
  '/static/js/mix-math.js',
  '/static/js/own-questions.js',
  '/static/js/question-pool.js',
  '/static/js/summary-share.js',
  '/static/js/summary.js',
  '/static/js/today-method.js',
  '/static/js/user-seed.js',
  '/static/js/views/insights.js',
  '/static/js/views/journal.js',
  '/static/js/views/not-found.js',
  '/static/js/views/privacy.js',
  '/static/js/views/settings.js',
  '/static/js/views/today.js',
];

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
  // Background Sync: the sync code lives in the page, so ask the open pages to send the outbox.
  if (event.tag === 'outbox') event.waitUntil(askPagesToSync());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(APP_ROUTES.includes(url.pathname) ? appShell() : networkOrShell(request));
  } else if (PRECACHE_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** Ask every open page of the app to sync now. */
async function askPagesToSync() {
  const pages = await self.clients.matchAll({ type: 'window' });
  pages.forEach((page) => page.postMessage({ type: 'sync' }));
}

/** Fetch every file of the shell past the HTTP cache, and store them in this version's cache. */
async function precache() {
  const cache = await caches.open(CACHE_NAME);
  await cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: 'reload' })));
}

/** Delete the caches of our older versions, and only ours. */
async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(names
    .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
    .map((name) => caches.delete(name)));
}

/** The app's own pages open at once from the cached shell; the views are drawn on the device. */
async function appShell() {
  const cached = await caches.match(SHELL_URL, { cacheName: CACHE_NAME });
  return cached ?? fetch(SHELL_URL);
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
