// Insights: a first count of what was written; the charts follow with the method issue.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { listReflections } from '../entries.js';

/** Draw the insights into view. */
export async function renderInsights(view) {
  const entries = await listReflections();
  const days = new Set(entries.map((entry) => entry.day)).size;
  view.append(
    h('h1', {}, t('insights_title')),
    h('p', {}, t('insights_count', { n: entries.length, d: days })),
    h('p', { className: 'hint' }, t('insights_soon')));
}
