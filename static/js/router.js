// Moving between views without reloading: links marked data-route, and the back button.
import { h } from './dom.js';
import { applyLanguage, t } from './i18n.js';
import { renderToday } from './views/today.js';
import { renderJournal } from './views/journal.js';
import { renderInsights } from './views/insights.js';
import { renderSettings } from './views/settings.js';
import { renderNotFound } from './views/not-found.js';

const VIEWS = {
  '/': { render: renderToday, title: 'nav_today' },
  '/journal': { render: renderJournal, title: 'nav_journal' },
  '/insights': { render: renderInsights, title: 'nav_insights' },
  '/settings': { render: renderSettings, title: 'nav_settings' },
};
const NOT_FOUND = { render: renderNotFound, title: 'not_found_title' };

let navigation = 0;
let leaveView = null;

/** Draw the view for the current address; move focus to it after an in-app navigation. */
export async function showCurrentView({ focus = false } = {}) {
  const id = (navigation += 1);
  const route = VIEWS[location.pathname] ?? NOT_FOUND;
  await leaveView?.();
  leaveView = null;
  const view = h('div', { className: 'view' });
  const leave = await route.render(view, { onLanguage: redraw });
  if (id !== navigation) {
    await leave?.();
    return;
  }
  leaveView = leave;
  const main = document.getElementById('main');
  main.replaceChildren(view);
  document.title = `${t(route.title)} · Levensloopbaan`;
  document.querySelectorAll('.tabs a').forEach((link) => {
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (focus) main.focus();
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
