// "Share with my guide": one checkbox per guide (by name when there are several), filled in once
// the guides this device knows are read; shows nothing for someone without a guide.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { cachedLinks } from '../data/guides.js';

/** Return the label of a guide's checkbox: one guide is "my guide", several go by email. */
function label(link, count) {
  return count > 1
    ? t('share_with_named', { name: link.guide_name || link.guide_email })
    : t('share_with_guide');
}

/**
 * Return { element, read } for the share switches of a form with this id; read() is null until
 * the guides are known (so an edit keeps its shares), else the chosen link ids.
 */
export function shareChoice(id, selected = [], onChange = () => {}) {
  const element = h('div', { className: 'share-choice' });
  let boxes = null;
  cachedLinks().then((links) => {
    if (!links.length) return;
    boxes = links.map((link) => {
      const box = h('input', {
        type: 'checkbox',
        id: `${id}-share-${link.id}`,
        value: String(link.id),
        checked: selected.includes(link.id),
        onchange: onChange,
      });
      const text = ` ${label(link, links.length)}`;
      return { link, box, item: h('label', { className: 'choice' }, box, text) };
    });
    element.replaceChildren(...boxes.map((b) => b.item));
  });
  const read = () => {
    if (!boxes) return null;
    // Links of guides this device no longer knows are dropped; the server ignores them anyway.
    return boxes.filter((b) => b.box.checked).map((b) => b.link.id);
  };
  return { element, read };
}
