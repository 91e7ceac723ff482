// Kantelen on Today: look again at an older reflection from another circle; and the pair in the journal.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { createEntry, CIRCLES, loadDraft, MAX_TEXT_LENGTH } from '../data/entries.js';
import { formatDay } from '../method/dates.js';
import { isoWeek } from '../method/day-math.js';
import { kantelenInvitation } from '../method/kantelen-choice.js';
import { keepDraft } from '../data/draft-keeper.js';
import { circleChips, energyPicker, saveErrorMessage } from '../ui/reflection-fields.js';
import { afterSave } from '../data/storage.js';

const DRAFT_KEY = 'kantelen';
const SKIPPED_KEY = 'lpb.kantelen-skipped';

/** Save the new look at an old reflection, linked to it, and drop the draft. */
function saveKantelen({ text, circles, energy, invitation, questionText }) {
  return createEntry('reflection', {
    text: String(text).slice(0, MAX_TEXT_LENGTH),
    circles: CIRCLES.filter((circle) => circles.includes(circle)),
    energy,
    question_id: null,
    question_text: questionText,
    kantelen_of: invitation.entry.id,
    from_circle: invitation.fromCircle,
    to_circle: invitation.toCircle,
  }, { draftKey: DRAFT_KEY });
}

/** Return the form for the new look; keeper keeps its draft. */
function kantelenForm(invitation, draft, done) {
  const questionText = t('kantelen_question', { circle: t(`circle_${invitation.toCircle}`) });
  const state = {
    circles: new Set(draft?.circles ?? [invitation.toCircle]),
    energy: draft?.energy ?? null,
  };
  const textarea = h('textarea', { id: 'kantelen-text', rows: 5, maxlength: MAX_TEXT_LENGTH });
  textarea.value = draft?.text ?? '';
  const status = h('p', { className: 'form-status', role: 'status' });
  const keeper = keepDraft(DRAFT_KEY, () => ({
    text: textarea.value, circles: [...state.circles], energy: state.energy, kantelen_of: invitation.entry.id,
  }));
  const changed = () => keeper.schedule();
  textarea.addEventListener('input', changed);
  const form = h('form', { className: 'kantelen-form', novalidate: true },
    h('label', { for: textarea.id, className: 'legend' }, h('strong', {}, questionText)),
    textarea,
    circleChips(state.circles, changed),
    energyPicker(state, changed),
    h('div', { className: 'actions' }, h('button', { type: 'submit', className: 'primary' }, t('save'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      status.className = 'form-status error';
      status.textContent = t('write_first');
      return;
    }
    keeper.cancel();
    try {
      await saveKantelen({ text: textarea.value, circles: [...state.circles], energy: state.energy, invitation, questionText });
      afterSave();
      done();
    } catch (error) {
      status.className = 'form-status error';
      status.textContent = saveErrorMessage(error);
    }
  });
  return { form, keeper };
}

/** Return Today's kantelen card ({ element, stop }), or null when there is nothing to look at again. */
export async function kantelenCard({ reflections, today, seed }) {
  const invitation = kantelenInvitation({
    reflections, today, seed, skippedWeek: localStorage.getItem(SKIPPED_KEY),
  });
  if (!invitation) return null;
  const lang = currentLanguage();
  const { entry, toCircle } = invitation;
  const draft = await loadDraft(DRAFT_KEY);
  let keeper = null;
  const actions = h('div', { className: 'actions' });
  const section = h('section', { className: 'card kantelen', 'aria-labelledby': 'kantelen-title' },
    h('h2', { id: 'kantelen-title' }, t('kantelen_title')),
    h('p', {}, t('kantelen_body', { day: formatDay(entry.day, lang), circle: t(`circle_${toCircle}`) })),
    h('blockquote', {},
      entry.question_text ? h('p', { className: 'question' }, entry.question_text) : null,
      h('p', { className: 'text' }, entry.text)),
    actions);
  const open = () => {
    const parts = kantelenForm(invitation, draft?.kantelen_of === entry.id ? draft : null, () => {
      keeper = null;
      actions.replaceChildren(h('p', { className: 'form-status', role: 'status' }, t('kantelen_saved')));
    });
    keeper = parts.keeper;
    actions.replaceChildren(parts.form);
    return parts.form;
  };
  actions.append(
    h('button', { type: 'button', onclick: () => open().querySelector('textarea').focus() }, t('kantelen_start')),
    h('button', {
      type: 'button',
      onclick: () => {
        localStorage.setItem(SKIPPED_KEY, isoWeek(today));
        section.remove();
      },
    }, t('kantelen_skip')));
  if (draft?.kantelen_of === entry.id) open();
  return { element: section, stop: () => keeper?.stop() };
}

/** Return, for the journal, the old reflection inside its new look, or a note on an old one looked at again. */
export function kantelenNote(entry, entries, lang) {
  if (entry.kantelen_of) {
    const old = entries.find((other) => other.id === entry.kantelen_of);
    if (!old) return null;
    return h('blockquote', { className: 'kantelen-pair' },
      h('p', { className: 'question' }, t('kantelen_of', { day: formatDay(old.day, lang) })),
      h('p', { className: 'text' }, old.text));
  }
  const later = entries.find((other) => other.kantelen_of === entry.id);
  if (!later) return null;
  return h('p', { className: 'hint' }, t('kantelen_later', {
    day: formatDay(later.day, lang), circle: t(`circle_${later.to_circle ?? later.circles[0] ?? 'self'}`),
  }));
}
