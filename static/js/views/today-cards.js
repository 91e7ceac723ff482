// Today's compact cards: each says what it offers and opens its own form when asked, so the day's
// question keeps the screen and only one form, with one Save, is in view at a time.
import { h } from '../ui/dom.js';

/** Return a button (label) that puts open()'s elements in its place and focuses the first field. */
export function opener(label, open) {
  const holder = h('div', { className: 'card-opener' });
  const show = () => {
    holder.replaceChildren(...open());
    holder.querySelector('textarea, input, button')?.focus();
  };
  holder.append(
    h('p', { className: 'actions' }, h('button', { type: 'button', onclick: show }, label)),
  );
  return holder;
}

/** Return whether a card shows a Save button now. */
function showsSave(card) {
  return [...card.querySelectorAll('button[type="submit"]')].some((button) => button.offsetParent);
}

/**
 * Bring a card whose form just opened to the top of the screen (below the bars), so the form
 * above it, and its Save, move out of view: one Save on screen at a time.
 */
export function oneFormInView(view) {
  let card = null;
  let before = false;
  view.addEventListener(
    'click',
    (event) => {
      card = event.target.closest?.('.card') ?? null;
      before = Boolean(card && showsSave(card));
    },
    { capture: true },
  );
  view.addEventListener('click', () => {
    if (card?.isConnected && !before && showsSave(card)) card.scrollIntoView({ block: 'start' });
    card = null;
  });
}
