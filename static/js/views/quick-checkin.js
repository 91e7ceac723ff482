// Today's quick check-in for busy days: energy and meaning in two taps, no text.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { saveCheckin } from '../data/meaning-entries.js';
import { afterSave } from '../data/storage.js';
import { ratingPicker, saveErrorMessage } from '../ui/reflection-fields.js';
import { ratingTags } from './rating-tags.js';
import { opener } from './today-cards.js';

/** Return the line that says today's check-in is done, with its ratings. */
function doneLine(checkin) {
  return h('p', { className: 'checkin-done' }, t('checkin_done'), ' ', ratingTags(checkin));
}

/** Return the check-in card; checkins are today's (newest first). Saves once both are tapped. */
export function quickCheckin(checkins) {
  const state = { energy: null, meaning: null };
  const status = h('p', { className: 'form-status', role: 'status' });
  const body = h('div', {});
  const card = h(
    'section',
    { className: 'card quick-checkin', 'aria-labelledby': 'checkin-title' },
    h('h2', { id: 'checkin-title' }, t('checkin_title')),
    body,
    status,
  );
  const save = async () => {
    if (!state.energy || !state.meaning) return;
    try {
      const saved = await saveCheckin(state);
      afterSave();
      body.replaceChildren(doneLine(saved));
      status.className = 'form-status';
      status.textContent = t('checkin_saved');
    } catch (error) {
      status.className = 'form-status error';
      status.textContent = saveErrorMessage(error);
    }
  };
  if (checkins.length) body.append(doneLine(checkins[0]));
  else {
    // Compact until asked: the day's question keeps the screen.
    body.append(
      h('p', { className: 'hint' }, t('checkin_hint')),
      opener(t('checkin_open'), () => [
        ratingPicker(state, 'energy', save, { legend: t('energy_name') }),
        ratingPicker(state, 'meaning', save, { legend: t('meaning_name') }),
      ]),
    );
  }
  return card;
}
