// A view that could not open (a module that did not arrive, an interrupted start): say which, and
// offer to try again, instead of an empty screen and an error nobody can read.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

let unloading = false;
addEventListener('pagehide', () => {
  unloading = true;
});

/** Return whether the page is going away (a reload or a new address): then nothing failed. */
export function pageUnloading() {
  return unloading;
}

/** Return what went wrong, in one line, whatever was thrown (even undefined). */
export function failureReason(error) {
  const text = error?.message ?? (error === undefined || error === null ? '' : String(error));
  return text.trim() || t('view_failed_unknown');
}

/** Return the message for a view (title: its name) that failed; retry() tries again. */
export function viewFailed(title, error, retry) {
  const heading = h('h1', { tabindex: '-1' }, t('view_failed_title', { view: title }));
  return h(
    'div',
    { className: 'view view-failed', role: 'alert' },
    heading,
    h('p', {}, t('view_failed_body')),
    h(
      'details',
      {},
      h('summary', {}, t('view_failed_detail')),
      h('p', { className: 'hint' }, failureReason(error)),
    ),
    h(
      'p',
      { className: 'actions' },
      h('button', { type: 'button', className: 'primary', onclick: retry }, t('view_failed_retry')),
    ),
  );
}
