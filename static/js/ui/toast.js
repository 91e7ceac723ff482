// Short messages above the tab bar, one at a time, read out by screen readers. A message that waits
// for the user (an update to install) comes back when a passing one is gone; navigating clears those.
import { h } from './dom.js';

let passing = null;
let waiting = null;

/** Put a toast in the region, above the tab bar (the bars grow with large text). */
function place(toast) {
  const region = document.getElementById('toasts');
  const tabs = document.querySelector('.tabs');
  region.style.bottom = `${tabs?.offsetHeight ?? 0}px`;
  region.replaceChildren(toast);
}

/** Show a message, optionally with one action button; resolve when it is gone. */
export function showToast(message, { action = null, timeout = 6000 } = {}) {
  const toast = h('div', { className: 'toast' }, h('span', {}, message));
  let timer = null;
  const dismiss = () => {
    clearTimeout(timer);
    toast.remove();
    if (passing?.toast === toast) passing = null;
    if (waiting?.toast === toast) waiting = null;
    if (!passing && waiting && !waiting.toast.isConnected) place(waiting.toast);
  };
  if (action) {
    toast.append(
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            dismiss();
            action.run();
          },
        },
        action.label,
      ),
    );
  }
  passing?.dismiss();
  if (timeout) {
    passing = { toast, dismiss };
    timer = setTimeout(dismiss, timeout);
  } else {
    waiting?.toast.remove();
    waiting = { toast, dismiss };
  }
  place(toast);
  return dismiss;
}

/** Clear the passing message when the user moves to another view. */
export function clearPassingToast() {
  passing?.dismiss();
}
