// The "Guidance" tab: shown beside the four tabs everybody has, to someone who guides others.
import { t } from '../i18n/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
// Two people, side by side.
const ICON =
  'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M3 20c0-3.3 2.7-5 6-5s6 1.7 6 5M17 11a2.5 2.5 0 1 0 0-5M18 15c2 .4 3 1.9 3 4';

/** Return the tab's link: an icon and a label, like the others. */
function guideLink() {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('viewBox', '0 0 24 24');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICON);
  icon.append(path);
  const label = document.createElement('span');
  label.dataset.i18n = 'nav_guidance';
  label.textContent = t('nav_guidance');
  const link = document.createElement('a');
  link.href = '/guidance';
  link.dataset.route = '';
  link.append(icon, label);
  return link;
}

/** Show the Guidance tab when this account guides someone (guiding, as last seen), else hide it. */
export function showGuideTab(guiding) {
  const nav = document.querySelector('nav.tabs');
  if (!nav) return;
  const existing = nav.querySelector('a[href="/guidance"]');
  if (guiding && !existing) nav.append(guideLink());
  if (!guiding) existing?.remove();
}
