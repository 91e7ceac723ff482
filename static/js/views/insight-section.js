// One part of Insights: a titled section, which says so in words when the period has nothing to show.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';

/** Return the section named id (its class, and its heading from the text `${id}_title`). */
export function insightSection(id, ...content) {
  return h(
    'section',
    { className: id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, t(`${id}_title`)),
    ...content,
  );
}

/** Return the section named id holding only its `${id}_empty` text. */
export function emptySection(id) {
  return insightSection(id, h('p', { className: 'empty' }, t(`${id}_empty`)));
}
