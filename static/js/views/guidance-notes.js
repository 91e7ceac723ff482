// A guide's own things on a client's page: private notes (saved as they type) and the day of the
// last session. Neither ever reaches the client.
import { formField, h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { saveNotes, recordSession } from '../data/practice.js';
import { formatTime, localDay } from '../method/dates.js';
import { formatGuideDay } from './guidance-format.js';
import { section } from './guidance-sections.js';

const SAVE_AFTER_MS = 600;

/** Return the notes section and a function that saves what is still waiting (on leaving). */
export function notesSection(client, lang) {
  const status = h('p', { className: 'hint', role: 'status' });
  const area = h('textarea', { id: 'client-notes', rows: '6', maxlength: '20000' });
  area.value = client.notes ?? '';
  let timer = null;
  let saved = area.value;
  const save = async () => {
    clearTimeout(timer);
    timer = null;
    const text = area.value;
    if (text === saved) return;
    status.textContent = t('client_notes_saving');
    try {
      const record = await saveNotes(client.link_id, text);
      saved = text;
      status.textContent = t('client_notes_saved', {
        when: formatTime(record.notes_updated_at, lang),
      });
    } catch (error) {
      const reason = error.reason === 'offline' ? t('client_needs_connection') : error.message;
      status.textContent = t('client_notes_failed', { reason });
    }
  };
  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  area.addEventListener('blur', save);
  const part = section(
    'notes',
    t('client_notes_title'),
    formField('client-notes', t('client_notes_label'), area),
    h('p', { className: 'hint' }, t('client_notes_hint')),
    status,
  );
  part.classList.add('no-print');
  return { part, flush: save };
}

/** Return the form to record a session; after recording, redraw (the page opens on it). */
export function sessionForm(client, lang, redraw) {
  const today = localDay();
  const input = h('input', {
    type: 'date',
    id: 'session-day',
    max: today,
    required: true,
    value: client.session_held_on ?? today,
  });
  const status = h('p', { className: 'hint', role: 'status' });
  const form = h(
    'form',
    { className: 'practice-session no-print' },
    formField('session-day', t('client_session_label'), input),
    h('button', { type: 'submit' }, t('client_session_save')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const record = await recordSession(client.link_id, input.value);
      await redraw(
        t('client_session_saved', { when: formatGuideDay(record.session_held_on, lang) }),
      );
    } catch (error) {
      status.textContent =
        error.reason === 'offline' ? t('client_needs_connection') : error.message;
    }
  });
  return form;
}
