// Drafts written as you type (debounced) and flushed when the page is hidden or closed.
import { saveDraft } from './drafts.js';

const DRAFT_DELAY_MS = 400;
const activeKeepers = new Set();

/**
 * Keep the draft returned by read() under key; call schedule() on every change.
 * @param {string} key
 * @param {() => object} read
 */
export function keepDraft(key, read) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const keeper = {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(keeper.flush, DRAFT_DELAY_MS);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
    async flush() {
      if (timer === undefined) return;
      keeper.cancel();
      await saveDraft(key, read());
    },
    async stop() {
      activeKeepers.delete(keeper);
      await keeper.flush();
    },
  };
  activeKeepers.add(keeper);
  return keeper;
}

/** Write every pending draft now. */
export function flushDrafts() {
  return Promise.all([...activeKeepers].map((keeper) => keeper.flush()));
}

addEventListener('pagehide', flushDrafts);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushDrafts();
});
