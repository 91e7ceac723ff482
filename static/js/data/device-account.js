// Which account this device's entries belong to: read at start (Today's seed), so it stays small.
import { result, transact } from './db.js';

/** Return the account this device's entries belong to, or undefined. */
export function storedAccount() {
  return transact('meta', 'readonly', (tx) => result(tx.objectStore('meta').get('account')));
}

/**
 * The first sign-in on this device: its entries join the account.
 * @param {{ user_id: number, email: string }} session
 */
export function claimDevice({ user_id: userId, email }) {
  return transact('meta', 'readwrite', (tx) => {
    tx.objectStore('meta').put({ key: 'account', user_id: userId, email });
  });
}
