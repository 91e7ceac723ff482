// The page shown offline for an address the app does not know, or a server page out of reach.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

// Pages the server draws (signing in, the account); offline the worker can only give the shell.
const SERVER_PAGES = ['/login', '/register', '/account'];

/** Draw the not-found (or needs-a-connection) message into view. */
export async function renderNotFound(view) {
  const offlineServerPage = SERVER_PAGES.includes(location.pathname);
  view.append(
    h(
      'div',
      { className: 'page-message' },
      h('h1', {}, offlineServerPage ? t('needs_connection_title') : t('not_found_title')),
      h('p', {}, offlineServerPage ? t('needs_connection_body') : t('not_found_body')),
      h('p', {}, h('a', { className: 'button', href: '/', 'data-route': true }, t('back_home'))),
    ),
  );
}
