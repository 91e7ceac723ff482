// Levensloopbaan's service worker: the app shell from a versioned cache, so the app opens offline.
// The server fills in the build version, a hash of the shell's files, so every change installs anew,
// and the lists below.

const CACHE_PREFIX = 'lpb-static-';
const CACHE_NAME = `${CACHE_PREFIX}__BUILD_VERSION__`;
const SHELL_URL = '/';
// Filled in by the server (lpb/pages.py) from its route table and the files under static/.
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
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)),
  );
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
