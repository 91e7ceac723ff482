// Start the app: language, views, the service worker, sync, and a guard for database upgrades.
import { applyLanguage, currentLanguage, loadCatalogues, t } from './i18n/i18n.js';
import { refreshView, startRouter } from './router.js';
import { flushDrafts } from './data/draft-keeper.js';
import { onVersionChange } from './data/db.js';
import { rememberLanguage } from './data/device-meta.js';
import { onLocalChange } from './data/entries.js';
import { showGuideTab } from './ui/guide-tab.js';
import { showToast } from './ui/toast.js';
import { pageUnloading } from './ui/view-failed.js';
import { nextTask } from './ui/after-frame.js';

// Often enough that another device's words show up within seconds while the app is open.
const SYNC_EVERY_MS = 10 * 1000;
const SYNC_AFTER_SAVE_MS = 500;

applyLanguage();
rememberLanguage(currentLanguage()).catch(() => {});
document.documentElement.classList.remove('booting');

onVersionChange(() =>
  showToast(t('newer_tab'), {
    timeout: 0,
    action: { label: t('reload'), run: () => location.reload() },
  }),
);

// The modules ran in this task: the first view starts in the next.
await nextTask();
// The worker and sync load once the first view is drawn: nothing on screen waits for them. Each
// step after it is a task of its own (a tap in between waits for one step, not for all of them).
// A reload during the start interrupts these imports: the page is going, so nothing failed.
await startRouter().catch((error) => console.error('The first view could not open:', error));
await nextTask();
const [
  { registerServiceWorker },
  { onSyncState, syncNow },
  { showSyncState },
  { isGuiding, refreshGuideCache },
] = await Promise.all([
  import('./sw-register.js'),
  import('./data/sync.js'),
  import('./ui/sync-status.js'),
  import('./data/guides.js'),
]).catch((error) => {
  if (pageUnloading()) return new Promise(() => {});
  throw new Error('Sync and the offline worker could not start', { cause: error });
});
await nextTask();
registerServiceWorker({ beforeReload: flushDrafts });
await nextTask();

onSyncState((status) => {
  showSyncState(status);
  if (status.changed) refreshView();
});
syncNow();
await nextTask();
// Another device may have added a guide: the share switches follow without opening Settings.
// The tabs are looked at after the wait: two updates may overlap, and only one tab may come of them.
const updateGuideTab = async () => showGuideTab(await isGuiding());
const guideTexts = loadCatalogues(['guide']);
guideTexts.then(updateGuideTab);
Promise.all([refreshGuideCache(), guideTexts]).then(updateGuideTab);
addEventListener('online', syncNow);
addEventListener('online', () => refreshGuideCache().then(updateGuideTab));
addEventListener('offline', syncNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') syncNow();
});
setInterval(() => {
  if (document.visibilityState === 'visible') syncNow();
}, SYNC_EVERY_MS);
// Opening another view is when news from other devices is looked for: fetch it then, not later.
document.addEventListener('click', (event) => {
  if (event.target.closest?.('a[data-route]')) syncNow();
});

let saveTimer = null;
onLocalChange(() => {
  // At once, not after the delay: the page may be closed right after saving. Where the browser
  // has Background Sync, the worker then sends the outbox itself once there is a connection.
  navigator.serviceWorker?.ready
    .then((registration) => registration.sync?.register('outbox'))
    .catch(() => {});
  clearTimeout(saveTimer);
  saveTimer = setTimeout(syncNow, SYNC_AFTER_SAVE_MS);
});
navigator.serviceWorker?.addEventListener('message', (event) => {
  // The worker synced by itself: show what it brought, and the new count of what waits.
  if (event.data?.type === 'synced') syncNow().then(refreshView);
});
