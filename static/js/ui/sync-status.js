// The line at the top that says whether everything is on the server.
import { t, tn } from '../i18n/i18n.js';

/** Return the text for a sync state. */
function describe({ state, waiting, setAside, local }) {
  switch (state) {
    case 'synced':
      if (setAside) return tn('sync_set_aside', setAside);
      return waiting ? tn('sync_waiting', waiting) : t('sync_done');
    case 'busy':
      return tn('sync_server_busy', waiting);
    case 'unreadable':
      return tn('sync_unreadable', waiting);
    case 'syncing':
    case 'resync':
      return t('sync_busy', { n: waiting });
    case 'offline':
      if (local) return t('sync_offline_local');
      return waiting ? tn('sync_offline_waiting', waiting) : t('sync_offline');
    case 'signin':
      return t('sync_signin');
    case 'other-account':
      return t('sync_other_account');
    case 'error':
      return tn('sync_error', waiting);
    case 'local':
      return t('sync_local');
    default:
      return '';
  }
}

/** Show a sync state in the status element; "sign in again" links to the sign-in page. */
export function showSyncState(status) {
  const element = document.getElementById('sync-state');
  const text = describe(status);
  if (status.state === 'signin') {
    const link = document.createElement('a');
    link.href = '/login?next=/';
    link.textContent = text;
    element.replaceChildren(link);
  } else {
    element.textContent = text;
  }
  element.dataset.state = status.state;
}
