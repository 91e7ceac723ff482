// "Share with my guide": one checkbox per guide (by name when there are several), filled in once
// the guides this device knows are read; shows nothing for someone without a guide.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

/** Return the label of a guide's checkbox: one guide is "my guide", several go by email. */
function label(link, count) {
  return count > 1
    ? t('share_with_named', { name: link.guide_name || link.guide_email })
    : t('share_with_guide');
}

let knownLinks = null;

/** Return the links as one string (ids and emails), to tell whether they changed. */
const ids = (links) => links.map((link) => `${link.id}:${link.guide_email}`).join(',');

/**
 * Return { element, read } for the share switches of a form with this id, over the guides that
 * guideLinks() gives (the device's links to its guides); read() is null until the guides are known
 * (so an edit keeps its shares), else the chosen link ids.
 */
export function shareChoice(id, guideLinks, selected = [], onChange = () => {}) {
  const element = h('div', { className: 'share-choice' });
  let boxes = null;
  const draw = (links) => {
    if (!links.length) {
      boxes = null;
      element.replaceChildren();
      return;
    }
    boxes = links.map((link) => {
      const before = boxes?.find((b) => b.link.id === link.id);
      const box = h('input', {
        type: 'checkbox',
        id: `${id}-share-${link.id}`,
        value: String(link.id),
        checked: before ? before.box.checked : selected.includes(link.id),
        onchange: onChange,
      });
      const text = ` ${label(link, links.length)}`;
      return { link, box, item: h('label', { className: 'choice' }, box, text) };
    });
    element.replaceChildren(...boxes.map((b) => b.item));
  };
  // The guides seen by an earlier form are drawn at once: a form opened later (another
  // reflection, an edit) does not grow under the finger when they are read again.
  if (knownLinks) draw(knownLinks);
  guideLinks().then((links) => {
    const same = knownLinks && ids(knownLinks) === ids(links);
    knownLinks = links;
    if (!same || !boxes) draw(links);
  });
  const read = () => {
    if (!boxes) return null;
    // Links of guides this device no longer knows are dropped; the server ignores them anyway.
    return boxes.filter((b) => b.box.checked).map((b) => b.link.id);
  };
  return { element, read };
}
