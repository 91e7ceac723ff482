// Short messages at the bottom of the screen, read out by screen readers.
import { h } from './dom.js';

/** Show a message, optionally with one action button; resolve when it is gone. */
export function showToast(message, { action = null, timeout = 6000 } = {}) {
  const region = document.getElementById('toasts');
  const toast = h('div', { className: 'toast' }, h('span', {}, message));
  let timer = null;
  const dismiss = () => {
    clearTimeout(timer);
    toast.remove();
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
  region.append(toast);
  if (timeout) timer = setTimeout(dismiss, timeout);
  return dismiss;
}
