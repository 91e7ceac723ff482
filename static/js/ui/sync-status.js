// The line at the top that says whether everything is on the server.
import { t } from '../i18n/i18n.js';

/** Return the text for a sync state. */
function describe({ state, waiting, setAside }) {
  switch (state) {
    case 'synced':
      if (setAside) return t('sync_set_aside', { n: setAside });
      return waiting ? t('sync_waiting', { n: waiting }) : t('sync_done');
    case 'busy':
      return t('sync_server_busy', { n: waiting });
    case 'unreadable':
      return t('sync_unreadable', { n: waiting });
    case 'syncing':
    case 'resync':
      return t('sync_busy', { n: waiting });
    case 'offline':
      return waiting ? t('sync_offline_waiting', { n: waiting }) : t('sync_offline');
    case 'signin':
      return t('sync_signin');
    case 'other-account':
      return t('sync_other_account');
    case 'error':
      return t('sync_error', { n: waiting });
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
