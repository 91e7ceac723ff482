// The page shown offline for an address the app does not know.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** Draw the not-found message into view. */
export async function renderNotFound(view) {
  view.append(
    h('div', { className: 'page-message' },
      h('h1', {}, t('not_found_title')),
      h('p', {}, t('not_found_body')),
      h('p', {}, h('a', { className: 'button', href: '/', 'data-route': true }, t('back_home')))));
}
