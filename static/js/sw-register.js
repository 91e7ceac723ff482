// Installing the service worker, and offering its updates without losing a draft.
import { t } from './i18n/i18n.js';
import { showToast } from './ui/toast.js';
import { sayInIntro } from './views/intro.js';

/**
 * Register the worker. The first install says the app now works offline; a later version
 * waits until the user chooses to reload, after beforeReload() has saved what is open.
 */
export async function registerServiceWorker({ beforeReload }) {
  if (!('serviceWorker' in navigator)) return;
  const firstInstall = !navigator.serviceWorker.controller;
  let updateChosen = false;

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updateChosen) location.reload();
    // On the first visit the introduction says it, where a toast would cover it.
    else if (firstInstall && !sayInIntro(t('offline_ready'))) showToast(t('offline_ready'));
  });

  const offerUpdate = (worker) =>
    showToast(t('update_available'), {
      timeout: 0,
      action: {
        label: t('reload'),
        run: async () => {
          await beforeReload();
          updateChosen = true;
          worker.postMessage({ type: 'skip-waiting' });
        },
      },
    });

  const registration = await navigator.serviceWorker.register('/service-worker.js', {
    scope: '/',
    type: 'module',
    updateViaCache: 'none',
  });
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}
