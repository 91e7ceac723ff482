// Keeping the device's copy safe: ask the browser not to evict it.

let persistenceAsked = false;

/** Ask once per page load for persistent storage; browsers grant it to installed apps. */
export async function requestPersistence() {
  if (persistenceAsked || !navigator.storage?.persist) return false;
  persistenceAsked = true;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

/** Return whether the browser has promised to keep this app's storage. */
export async function isPersisted() {
  return Boolean(await navigator.storage?.persisted?.());
}

/** Run what follows a successful save. */
export function afterSave() {
  requestPersistence();
}
