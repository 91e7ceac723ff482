// The journal's list as a window: a first screen of entries by day, older ones added as the user
// scrolls or presses "Show older entries". Redrawing it keeps the scroll position and the focus.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { formatDay } from '../method/dates.js';
import { countKept, countShowing, groupByDay } from '../method/journal-order.js';

// A first screen is drawn at once (a tall screen's worth, quick to draw), the rest of a window
// right after it is shown; more come in steps, before the user scrolls to them.
const FIRST_SCREEN = 8;
export const STEP = 40;

/** Return the element that stands for an entry in the list (its article or its open edit). */
function entryElement(root, id) {
  return root.querySelector(`[data-id="${CSS.escape(id)}"]`);
}

/** Return the entry shown first on screen and how far from the top it is, to keep it there. */
function scrollAnchor(root) {
  const element = [...root.querySelectorAll('[data-id]')].find(
    (candidate) => candidate.getBoundingClientRect().bottom > 0,
  );
  return element && { id: element.dataset.id, top: element.getBoundingClientRect().top };
}

/** Return where the focus is inside the list: its entry and which focusable element it is. */
function focusPlace(root) {
  const active = document.activeElement;
  const holder = root.contains(active) ? active.closest('[data-id]') : null;
  if (!holder) return null;
  const focusable = [...holder.querySelectorAll('button, input, select, textarea, [tabindex]')];
  return { id: holder.dataset.id, element: active, index: focusable.indexOf(active) };
}

/** Put the focus back where it was if its element was replaced. */
function restoreFocus(root, place) {
  if (!place || place.element.isConnected) return;
  const holder = entryElement(root, place.id);
  const focusable = holder?.querySelectorAll('button, input, select, textarea, [tabindex]');
  focusable?.[place.index]?.focus({ preventScroll: true });
}

/** Return the id of the entry drawn after (else before) the one with id, to move the focus to. */
export function neighbourId(id) {
  const ids = [...document.querySelectorAll('article[data-id]')].map((a) => a.dataset.id);
  const at = ids.indexOf(id);
  return ids[at + 1] ?? ids[at - 1] ?? null;
}

/** Put the focus on the entry with id, if it is drawn, so a keyboard user goes on from there. */
export function focusEntry(id) {
  const article = id && document.querySelector(`article[data-id="${CSS.escape(id)}"]`);
  if (!article) return;
  article.tabIndex = -1;
  article.focus();
}

/** Return a day's section: its heading and its entries. */
function daySection(day, elements, lang) {
  return h(
    'section',
    {},
    h('h2', { id: `day-${day}`, tabindex: -1 }, formatDay(day, lang)),
    elements,
  );
}

/**
 * A window over a list of entries. drawEntry(entry) makes an entry's element; emptyText() says why
 * nothing is shown; needAll() asks for the entries that are not on the device's first screen yet.
 */
export class JournalWindow {
  constructor({ lang, drawEntry, emptyText, needAll }) {
    Object.assign(this, { lang, drawEntry, emptyText, needAll });
    this.list = h('div', { className: 'journal-list', 'aria-busy': 'true' });
    this.status = h('p', { className: 'journal-count', role: 'status' });
    this.button = h('button', { type: 'button' }, t('show_older'));
    this.footer = h('div', { className: 'journal-more' }, this.status);
    this.elements = [this.list, this.footer];
    Object.assign(this, { entries: [], complete: false, count: 0, wanted: false });
    this.button.addEventListener('click', () => this.showMore());
    this.observer = new IntersectionObserver((records) => this.footerSeen(records), {
      rootMargin: '0px 0px 1000px 0px',
    });
  }

  /** Add older entries when the footer comes near the screen; watch again while more are left. */
  footerSeen(records) {
    if (!records.some((record) => record.isIntersecting)) return;
    this.showMore();
    // Observing again reports at once whether the footer is still in sight after the addition.
    this.observer.unobserve(this.footer);
    if (!this.wanted && this.count < this.entries.length) this.observer.observe(this.footer);
  }

  /** Return the day sections of the entries from index `from` up to `to`, their elements made. */
  sections(from, to) {
    let index = from;
    return groupByDay(this.entries.slice(from, to)).map(([day, dayEntries]) => [
      day,
      dayEntries.map((entry) => this.positioned(entry, index++)),
    ]);
  }

  /** Return an entry's element, an article telling its place in the list. */
  positioned(entry, index) {
    const element = this.drawEntry(entry);
    if (element.tagName === 'ARTICLE') {
      element.setAttribute('aria-posinset', index + 1);
      // -1: not known yet, while the older entries are still being read.
      element.setAttribute('aria-setsize', this.complete ? this.entries.length : -1);
    }
    return element;
  }

  /** Show how many entries are drawn, and the button while older ones are left. */
  updateFooter() {
    const shown = Math.min(this.count, this.entries.length);
    const left = shown < this.entries.length || !this.complete;
    // Taken out rather than hidden (the buttons' display rule would override `hidden`), and only
    // when that changes, so a focused button keeps the focus.
    const wanted = left && this.entries.length > 0;
    if (wanted && !this.button.isConnected) this.footer.append(this.button);
    if (!wanted) this.button.remove();
    this.status.textContent = this.entries.length
      ? t(this.complete ? 'journal_showing_of' : 'journal_showing', {
          n: shown,
          total: this.entries.length,
        })
      : '';
    this.list.setAttribute('aria-busy', String(this.wanted));
  }

  /** Draw the window anew, the focus kept; keepPlace: the entry at the top of the screen stays there. */
  draw({ keepPlace = true } = {}) {
    const anchor = keepPlace && scrollAnchor(this.list);
    const place = focusPlace(this.list);
    if (this.entries.length === 0 && this.complete) {
      this.list.replaceChildren(h('p', { className: 'empty' }, this.emptyText()));
    } else {
      this.list.replaceChildren(
        ...this.sections(0, this.count).map(([day, elements]) =>
          daySection(day, elements, this.lang),
        ),
      );
    }
    const moved = anchor && entryElement(this.list, anchor.id);
    if (moved) scrollBy(0, moved.getBoundingClientRect().top - anchor.top);
    restoreFocus(this.list, place);
    this.updateFooter();
  }

  /** Add the next entries below; a day begun in the window goes on under its one heading. */
  showMore() {
    if (this.count >= this.entries.length) {
      this.wanted = !this.complete;
      if (this.wanted) this.needAll();
      this.updateFooter();
      return;
    }
    const from = this.count;
    this.count = Math.min(from + STEP, this.entries.length);
    for (const [day, elements] of this.sections(from, this.count)) {
      const last = this.list.lastElementChild;
      if (last?.querySelector('h2')?.id === `day-${day}`) last.append(...elements);
      else this.list.append(daySection(day, elements, this.lang));
    }
    this.updateFooter();
  }

  /** Show other entries (a new search or filters) from the top: a screenful now, a window soon. */
  replace(entries, complete) {
    Object.assign(this, { entries, complete, count: FIRST_SCREEN });
    // Not keeping the place: a match further down would scroll the search box out of sight.
    this.draw({ keepPlace: false });
    this.observer.observe(this.footer);
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.entries === entries && this.count === FIRST_SCREEN) this.showMore();
      }),
    );
  }

  /** Show the same list changed (a sync, an edit): what was in sight stays in sight. */
  update(entries, complete) {
    const lastShown = this.entries[Math.min(this.count, this.entries.length) - 1]?.id;
    const count = countKept(entries, lastShown, this.count, FIRST_SCREEN);
    Object.assign(this, { entries, complete, count });
    this.draw();
    if (this.wanted && complete) {
      this.wanted = false;
      this.showMore();
    }
    this.observer.observe(this.footer);
  }

  /** Draw the entries down to the first one that passes test; return whether there is one. */
  reveal(test) {
    const index = this.entries.findIndex(test);
    if (index < 0) return false;
    if (index >= this.count) {
      this.count = Math.min(countShowing(index, STEP), this.entries.length);
      this.draw();
    }
    return true;
  }

  /** Say that the list is being read (a search waits for the older entries). */
  markBusy() {
    this.list.setAttribute('aria-busy', 'true');
  }

  /** Stop watching the screen (the view is left). */
  stop() {
    this.observer.disconnect();
  }
}
