// Moving between views without reloading: links marked data-route, and the back button.
import { h } from './ui/dom.js';
import { applyLanguage, loadTexts, t } from './i18n/i18n.js';
import { renderToday } from './views/today.js';
import { clearPassingToast } from './ui/toast.js';
import { pageUnloading, viewFailed } from './ui/view-failed.js';

// The route table comes from the server (lpb/shell/routes.py), the same one the worker is made from:
// address → { view, title }. A view lives in views/<view>.js and exports render<View>.
const ROUTES = JSON.parse(document.body.dataset.routes);
const NOT_FOUND = { view: 'not-found', title: 'not_found_title' };
// Today opens first, so it comes with the app; the other views load when first visited
// (the service worker has them all, so this works offline too) to keep the start small.
const renderers = new Map([['today', renderToday]]);

/** Return the name of a view's render function: 'not-found' → 'renderNotFound'. */
function renderName(view) {
  return `render${view.replace(/(^|-)(\w)/g, (_, dash, letter) => letter.toUpperCase())}`;
}

/** Return a view's render function, loading its module the first time, and its texts. */
async function renderer(view) {
  const texts = loadTexts(view);
  if (!renderers.has(view))
    renderers.set(view, (await import(`./views/${view}.js`))[renderName(view)]);
  await texts;
  return renderers.get(view);
}

let navigation = 0;
let leaveView = null;
let refreshCurrent = null;

/** Draw the view for the current address; move focus to it after an in-app navigation. */
export async function showCurrentView({ focus = false } = {}) {
  const id = (navigation += 1);
  const route = ROUTES[location.pathname] ?? NOT_FOUND;
  await leaveView?.();
  leaveView = null;
  refreshCurrent = null;
  const view = h('div', { className: 'view' });
  let drawn;
  try {
    // A view returns nothing, a function to call when leaving, or { leave, refresh }.
    const render = await renderer(route.view);
    drawn = await render(view, { onLanguage: redraw });
  } catch (error) {
    // A reload during the start interrupts its imports: that is no failure to show or log.
    if (id === navigation && !pageUnloading()) showFailure(route, error);
    return;
  }
  const { leave, refresh } = typeof drawn === 'function' ? { leave: drawn } : (drawn ?? {});
  if (id !== navigation) {
    await leave?.();
    return;
  }
  leaveView = leave;
  refreshCurrent = refresh;
  const main = document.getElementById('main');
  main.replaceChildren(view);
  document.title = `${t(route.title)} · Levensloopbaan`;
  document.querySelectorAll('.tabs a').forEach((link) => {
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (focus) {
    // Every view opens at its top, and its messages stay behind.
    clearPassingToast();
    main.focus({ preventScroll: true });
    scrollTo(0, 0);
  }
}

/** Show that a view could not open, with what failed and a way to try again (a fresh start). */
function showFailure(route, error) {
  console.warn(`The ${route.view} view could not open:`, error);
  const failed = viewFailed(t(route.title), error, () => location.reload());
  document.getElementById('main').replaceChildren(failed);
  document.title = `${t(route.title)} · Levensloopbaan`;
  failed.querySelector('h1').focus();
}

/** Let the current view show entries that arrived from the server (views that can, do). */
export function refreshView() {
  return refreshCurrent?.();
}

/**
 * The tab of the open view tapped again: back to its top. A view that can bring itself up to date
 * in place (refresh) does so, keeping what is being done there (a search being typed, an open
 * edit, filters); the others are drawn anew, as on any visit.
 */
function showSameView() {
  if (!refreshCurrent) return showCurrentView({ focus: true });
  clearPassingToast();
  document.getElementById('main').focus({ preventScroll: true });
  scrollTo(0, 0);
  return refreshCurrent();
}

/** Redraw everything in the newly chosen language. */
function redraw() {
  applyLanguage();
  return showCurrentView();
}

/** Handle clicks on in-app links and the back button. */
export function startRouter() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (
      !link ||
      link.origin !== location.origin ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey
    )
      return;
    event.preventDefault();
    if (link.pathname === location.pathname && link.search === location.search) showSameView();
    else {
      history.pushState(null, '', link.pathname + link.search);
      showCurrentView({ focus: true });
    }
  });
  addEventListener('popstate', () => showCurrentView({ focus: true }));
  return showCurrentView();
}
