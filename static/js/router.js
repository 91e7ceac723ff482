// Moving between views without reloading: links marked data-route, and the back button.
import { h } from './dom.js';
import { applyLanguage, t } from './i18n.js';
import { renderToday } from './views/today.js';

// Today opens first, so it comes with the app; the other views load when first visited
// (the service worker has them all, so this works offline too) to keep the start small.
const VIEWS = {
  '/': { render: renderToday, title: 'nav_today' },
  '/journal': { load: () => import('./views/journal.js'), name: 'renderJournal', title: 'nav_journal' },
  '/insights': { load: () => import('./views/insights.js'), name: 'renderInsights', title: 'nav_insights' },
  '/settings': { load: () => import('./views/settings.js'), name: 'renderSettings', title: 'nav_settings' },
  '/privacy': { load: () => import('./views/privacy.js'), name: 'renderPrivacy', title: 'privacy_title' },
};
const NOT_FOUND = { load: () => import('./views/not-found.js'), name: 'renderNotFound', title: 'not_found_title' };

/** Return a route's render function, loading its module the first time. */
async function renderer(route) {
  route.render ??= (await route.load())[route.name];
  return route.render;
}

let navigation = 0;
let leaveView = null;
let refreshCurrent = null;

/** Draw the view for the current address; move focus to it after an in-app navigation. */
export async function showCurrentView({ focus = false } = {}) {
  const id = (navigation += 1);
  const route = VIEWS[location.pathname] ?? NOT_FOUND;
  await leaveView?.();
  leaveView = null;
  refreshCurrent = null;
  const view = h('div', { className: 'view' });
  // A view returns nothing, a function to call when leaving, or { leave, refresh }.
  const render = await renderer(route);
  const drawn = await render(view, { onLanguage: redraw });
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
  if (focus) main.focus();
}

/** Let the current view show entries that arrived from the server (views that can, do). */
export function refreshView() {
  return refreshCurrent?.();
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
    if (!link || link.origin !== location.origin || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (link.pathname !== location.pathname) history.pushState(null, '', link.pathname);
    showCurrentView({ focus: true });
  });
  addEventListener('popstate', () => showCurrentView({ focus: true }));
  return showCurrentView();
}
