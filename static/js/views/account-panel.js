// The account part of Settings: sign in or create an account, or sign out safely.
import { formField, h } from '../ui/dom.js';
import { t, tn } from '../i18n/i18n.js';
import { signOut, SyncStop, syncNow } from '../data/sync.js';
import { clearAccountData, countWaiting, storedAccount } from '../data/sync-store.js';
import { exportFromDevice } from './data-panel.js';

/** Return who is signed in: the server's answer when online, else what this device remembers. */
async function whoIsSignedIn() {
  try {
    const response = await fetch('/api/session', { cache: 'no-store' });
    const session = await response.json();
    return session.signed_in ? session.email : null;
  } catch {
    return (await storedAccount())?.email ?? null;
  }
}

/** Sign out and clear this device; a session that already ended only needs the clearing. */
async function signOutAndLeave(message) {
  try {
    await signOut();
  } catch (error) {
    if (!(error instanceof SyncStop) || error.state !== 'signin') {
      message.textContent =
        error?.state === 'offline' ? t('sign_out_offline') : t('sign_out_failed');
      return;
    }
    await clearAccountData();
  }
  location.assign('/');
}

/** Erase the account on the server (password confirmed), then this device's copy. */
async function deleteAccount(password, message) {
  try {
    const session = await (await fetch('/api/session', { cache: 'no-store' })).json();
    const response = await fetch('/api/account/delete', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': session.csrf_token },
      body: JSON.stringify({ password }),
    });
    if (response.status === 403 || response.status === 400) {
      message.textContent = t('delete_wrong_password');
      return;
    }
    if (response.status === 429) {
      const wait = (await response.json().catch(() => ({}))).retry_after;
      message.textContent = tn('delete_too_many', wait ?? 60);
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    message.textContent = navigator.onLine ? t('delete_failed') : t('delete_offline');
    return;
  }
  await clearAccountData();
  location.assign('/');
}

/** Return the form that erases the account, with a way to export first (folded away). */
export function deletePanel() {
  const message = h('p', { role: 'alert', className: 'save-status error' });
  const password = h('input', {
    type: 'password',
    id: 'delete-password',
    autocomplete: 'current-password',
  });
  const form = h(
    'form',
    { novalidate: true },
    h('p', {}, t('delete_intro')),
    h(
      'p',
      { className: 'actions' },
      h('button', { type: 'button', onclick: () => exportFromDevice('json') }, t('export_first')),
    ),
    formField('delete-password', t('delete_password'), password),
    h('button', { type: 'submit', className: 'danger' }, t('delete_button')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    deleteAccount(password.value, message);
  });
  return h('details', { className: 'danger-zone' }, h('summary', {}, t('delete_title')), form);
}

/** Return the account section of Settings, and whether someone is signed in. */
export async function accountPanel() {
  const email = await whoIsSignedIn();
  const section = h(
    'section',
    { 'aria-labelledby': 'account-title' },
    h('h2', { id: 'account-title' }, t('account_title')),
  );
  if (!email) {
    section.append(
      h('p', {}, t('account_none')),
      h(
        'p',
        { className: 'actions' },
        h('a', { className: 'button primary', href: '/register' }, t('create_account')),
        h('a', { className: 'button', href: '/login?next=/settings' }, t('sign_in')),
      ),
    );
    return { section, signedIn: false };
  }
  const message = h('p', { role: 'status', className: 'save-status' });
  const confirmArea = h('div', {});
  const askToSignOut = async () => {
    const waiting = await countWaiting();
    if (waiting === 0) {
      await signOutAndLeave(message);
      return;
    }
    confirmArea.replaceChildren(...signOutConfirmation(waiting, confirmArea, message));
  };
  section.append(
    h('p', {}, t('account_signed_in', { email })),
    h(
      'p',
      { className: 'actions' },
      h('a', { className: 'button', href: '/account' }, t('manage_account')),
      h('button', { type: 'button', onclick: askToSignOut }, t('sign_out')),
    ),
    confirmArea,
    message,
  );
  return { section, signedIn: true };
}

/** Return the warning and choices shown before signing out with changes not yet synced. */
function signOutConfirmation(waiting, confirmArea, message) {
  const syncFirst = () => syncNow().then(() => confirmArea.replaceChildren());
  return [
    h('p', { className: 'warning', role: 'alert' }, tn('sign_out_warning', waiting)),
    h(
      'p',
      { className: 'actions' },
      h('button', { type: 'button', className: 'primary', onclick: syncFirst }, t('sync_first')),
      h(
        'button',
        { type: 'button', className: 'danger', onclick: () => signOutAndLeave(message) },
        t('sign_out_anyway'),
      ),
    ),
  ];
}
