// An entry's ratings as short tags: "Energie 3 van 5", "Zingeving 4 van 5", "Betrokkenheid 2 van 5".
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { RATINGS } from '../ui/reflection-fields.js';

/** Return a tag per rating the entry has. */
export function ratingTags(entry) {
  return RATINGS.filter((key) => entry[key]).map((key) =>
    h('span', { className: `rating-tag ${key}` }, t(`${key}_value`, { n: entry[key] })),
  );
}
