// Guidance in the journal: with whom a reflection is shared (and a switch per guide that changes
// it offline), and the guides' replies beside it.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { cachedLinks, shareEntry } from '../data/guides.js';
import { readReplies } from '../data/journal-store.js';

/**
 * Resolve with what the journal needs for guidance: the guides, and the replies given (read with
 * the entries, or on their own when the journal opens: a short journal never reads them again).
 */
export async function loadGuidance(replies = null) {
  const [links, given] = await Promise.all([cachedLinks(), replies ?? readReplies()]);
  return { links, replies: given };
}

/** Return the names of the guides an entry is shared with. */
function sharedNames(entry, links) {
  const ids = new Set(entry.shared_with ?? []);
  return links
    .filter((link) => ids.has(link.id))
    .map((link) => link.guide_name || link.guide_email);
}

/** Return the "shared with" line and one switch per guide; each switch saves at once. */
function shareSwitches(entry, links, reload) {
  const shared = new Set(entry.shared_with ?? []);
  const names = sharedNames(entry, links);
  const toggle = async (link, on) => {
    const next = new Set(shared);
    if (on) next.add(link.id);
    else next.delete(link.id);
    await shareEntry(entry.id, [...next]);
    await reload();
    // The list is drawn anew: keep the focus on this switch.
    document.getElementById(`share-${entry.id}-${link.id}`)?.focus();
  };
  return [
    h(
      'p',
      { className: names.length ? 'shared-mark' : 'hint' },
      names.length ? t('shared_with', { names: names.join(', ') }) : t('not_shared'),
    ),
    h(
      'div',
      { className: 'share-choice' },
      links.map((link) => {
        const box = h('input', {
          type: 'checkbox',
          role: 'switch',
          id: `share-${entry.id}-${link.id}`,
          checked: shared.has(link.id),
          onchange: (event) => toggle(link, event.target.checked),
        });
        const text =
          links.length > 1
            ? t('share_with_named', { name: link.guide_name || link.guide_email })
            : t('share_with_guide');
        return h('label', { className: 'choice' }, box, ` ${text}`);
      }),
    ),
  ];
}

/** Return an entry's guidance part: shares (when there are guides) and replies; [] for neither. */
export function guidePart(entry, journal) {
  const guidance = journal.guidance ?? { links: [], replies: new Map() };
  const replies = (guidance.replies.get(entry.id) ?? []).map((reply) =>
    h(
      'p',
      { className: 'guide-reply' },
      t('guide_replied', { name: reply.guide_name || t('guide_former'), text: reply.text }),
    ),
  );
  const shares =
    guidance.links.length || entry.shared_with?.length
      ? shareSwitches(entry, guidance.links, journal.reload)
      : [];
  return [...shares, ...replies];
}
