// Kantelen on Today: look again at an older reflection from another circle; and the pair in the journal.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { saveReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { formatDay } from '../method/dates.js';
import { isoWeek } from '../method/day-math.js';
import { kantelenInvitation } from '../method/kantelen-choice.js';
import { reflectionForm } from './kept-reflection-form.js';

const DRAFT_KEY = 'kantelen';
const SKIPPED_KEY = 'lpb.kantelen-skipped';

/** Return the form for the new look at an old reflection, saved linked to it; done() follows a save. */
function kantelenForm(invitation, draft, done) {
  const questionText = t('kantelen_question', { circle: t(`circle_${invitation.toCircle}`) });
  const links = {
    kantelen_of: invitation.entry.id,
    from_circle: invitation.fromCircle,
    to_circle: invitation.toCircle,
  };
  return reflectionForm({
    id: 'kantelen-text',
    rows: 5,
    className: 'kantelen-form',
    statusClass: 'form-status',
    draftKey: DRAFT_KEY,
    start: draft ?? { circles: [invitation.toCircle] },
    draftExtra: () => ({ kantelen_of: invitation.entry.id }),
    before: [
      h('label', { for: 'kantelen-text', className: 'legend' }, h('strong', {}, questionText)),
    ],
    save: (fields, draftKey) => saveReflection({ ...fields, questionText }, draftKey, links),
    onSaved: done,
  });
}

/** Return the card's frame: the invitation and the old reflection, with room for the actions. */
function kantelenSection(entry, toCircle, lang, actions) {
  return h(
    'section',
    { className: 'card kantelen', 'aria-labelledby': 'kantelen-title' },
    h('h2', { id: 'kantelen-title' }, t('kantelen_title')),
    h(
      'p',
      {},
      t('kantelen_body', { day: formatDay(entry.day, lang), circle: t(`circle_${toCircle}`) }),
    ),
    h(
      'blockquote',
      {},
      entry.question_text ? h('p', { className: 'question' }, entry.question_text) : null,
      h('p', { className: 'text' }, entry.text),
    ),
    actions,
  );
}

/** Return Today's kantelen card ({ element, stop }), or null when there is nothing to look at again. */
export async function kantelenCard({ reflections, today, seed }) {
  const invitation = kantelenInvitation({
    reflections,
    today,
    seed,
    skippedWeek: localStorage.getItem(SKIPPED_KEY),
  });
  if (!invitation) return null;
  const { entry, toCircle } = invitation;
  const lang = currentLanguage();
  const draft = await loadDraft(DRAFT_KEY);
  let keeper = null;
  const actions = h('div', { className: 'actions' });
  const section = kantelenSection(entry, toCircle, lang, actions);
  const open = () => {
    const parts = kantelenForm(invitation, draft?.kantelen_of === entry.id ? draft : null, () => {
      keeper = null;
      actions.replaceChildren(
        h('p', { className: 'form-status', role: 'status' }, t('kantelen_saved')),
      );
    });
    keeper = parts.keeper;
    actions.replaceChildren(parts.form);
    return parts.form;
  };
  actions.append(
    h(
      'button',
      { type: 'button', onclick: () => open().querySelector('textarea').focus() },
      t('kantelen_start'),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          localStorage.setItem(SKIPPED_KEY, isoWeek(today));
          section.remove();
        },
      },
      t('kantelen_skip'),
    ),
  );
  if (draft?.kantelen_of === entry.id) open();
  return { element: section, stop: () => keeper?.stop() };
}

/** Return, for the journal, the old reflection inside its new look, or a note on an old one looked at again. */
export function kantelenNote(entry, entries, lang) {
  if (entry.kantelen_of) {
    const old = entries.find((other) => other.id === entry.kantelen_of);
    if (!old) return null;
    return h(
      'blockquote',
      { className: 'kantelen-pair' },
      h('p', { className: 'question' }, t('kantelen_of', { day: formatDay(old.day, lang) })),
      h('p', { className: 'text' }, old.text),
    );
  }
  const later = entries.find((other) => other.kantelen_of === entry.id);
  if (!later) return null;
  return h(
    'p',
    { className: 'hint' },
    t('kantelen_later', {
      day: formatDay(later.day, lang),
      circle: t(`circle_${later.to_circle ?? later.circles[0] ?? 'self'}`),
    }),
  );
}
