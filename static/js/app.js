// Start the app: language, views, the service worker, and a guard for database upgrades.
import { applyLanguage, t } from './i18n.js';
import { startRouter } from './router.js';
import { registerServiceWorker } from './sw-register.js';
import { flushDrafts } from './draft-keeper.js';
import { onVersionChange } from './db.js';
import { showToast } from './toast.js';

applyLanguage();
document.documentElement.classList.remove('booting');

onVersionChange(() => showToast(t('newer_tab'), {
  timeout: 0,
  action: { label: t('reload'), run: () => location.reload() },
}));

startRouter();
registerServiceWorker({ beforeReload: flushDrafts });
