// Files shared to the app (the manifest's share_target): the worker keeps them in a cache of their
// own, on disk, until Settings takes them for the journal import; then they are gone.
const CACHE_NAME = 'lpb-shared-files';
const PREFIX = '/shared-file/';

/**
 * Keep shared files (replacing any kept before) for the next page to take.
 * @param {File[]} files
 */
export async function keepSharedFiles(files) {
  await caches.delete(CACHE_NAME);
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(
    files.map((file, i) =>
      cache.put(
        `${PREFIX}${i}`,
        new Response(file, { headers: { 'X-File-Name': encodeURIComponent(file.name) } }),
      ),
    ),
  );
}

/** Take the kept shared files as File objects (none: an empty list), and forget them. */
export async function takeSharedFiles() {
  if (!(await caches.has(CACHE_NAME))) return [];
  const cache = await caches.open(CACHE_NAME);
  const requests = [...(await cache.keys())].sort((a, b) => a.url.localeCompare(b.url));
  const files = [];
  for (const request of requests) {
    // Each request was just listed, so its response is there.
    const response = /** @type {Response} */ (await cache.match(request));
    const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared');
    files.push(new File([await response.blob()], name));
  }
  await caches.delete(CACHE_NAME);
  return files;
}
