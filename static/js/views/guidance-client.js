// A client's page for their guide: since the last session first (when one was recorded), the
// guide's notes, questions with answers, shared reflections, and insights. Offline, what this
// device kept; for a client who stopped sharing, a page written for the guide.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { deleteNotes, loadClient } from '../data/practice.js';
import { formatMoment } from './guidance-format.js';
import { notesSection, sessionForm } from './guidance-notes.js';
import {
  context,
  insightsSection,
  questionsSection,
  reflectionsSection,
  section,
  sinceSection,
} from './guidance-sections.js';

const BACK = () =>
  h(
    'p',
    { className: 'no-print' },
    h('a', { href: '/guidance', 'data-route': '' }, t('practice_back')),
  );

/** Draw the page of a client who stopped sharing: what happened, and the guide's kept notes. */
function drawEnded(view, ended, known) {
  view.append(BACK(), h('h1', {}, ended.name || t('ended_title')));
  if (!known && !ended.notes) {
    view.append(h('p', {}, t('ended_unknown')));
    return;
  }
  if (ended.name) view.append(h('p', { className: 'ended-title' }, t('ended_title')));
  view.append(h('p', {}, t('ended_body')));
  if (!ended.notes) return;
  const status = h('p', { className: 'hint', role: 'status' });
  const notes = h('p', { className: 'text notes-kept' }, ended.notes);
  const remove = h('button', { type: 'button', className: 'danger' }, t('ended_delete'));
  remove.addEventListener('click', async () => {
    try {
      await deleteNotes(ended.link_id);
      notes.remove();
      remove.remove();
      status.textContent = t('ended_deleted');
    } catch (error) {
      status.textContent = error.message;
    }
  });
  view.append(
    section('notes', t('client_notes_title'), h('p', {}, t('ended_notes')), notes, remove, status),
  );
}

/** Draw a client's page from what the API (or this device) gave. */
function drawClient(view, client, { offline, lang, redraw }) {
  const ctx = context(client, lang);
  const notes = notesSection(client, lang);
  const print = h(
    'button',
    { type: 'button', className: 'no-print', onclick: () => print_() },
    t('client_print'),
  );
  const parts = [
    BACK(),
    h('h1', {}, client.name),
    offline ? h('p', { className: 'warning', role: 'status' }, t('client_offline')) : null,
    client.guide_last_seen_at
      ? h(
          'p',
          { className: 'meta' },
          t('practice_last_visit', { when: formatMoment(client.guide_last_seen_at, lang) }),
        )
      : null,
    client.session_held_on ? sinceSection(client, ctx) : null,
    sessionForm(client, lang, redraw),
    print,
    notes.part,
    questionsSection(client, ctx),
    h(
      'p',
      { className: 'no-print' },
      h('a', { href: `/guide/clients/${client.link_id}` }, t('client_ask_link')),
    ),
    insightsSection(client, ctx),
  ];
  view.append(...parts.filter(Boolean));
  const [reflections, summaries] = reflectionsSection(client, ctx);
  // With a session recorded, the printout is "since the last session": one or two pages.
  if (client.session_held_on) reflections.classList.add('no-print');
  view.append(reflections, summaries ?? '');
  return notes.flush;
}

/** Print the page (the print stylesheet keeps what prepares a session). */
function print_() {
  globalThis.print();
}

/** Draw a client's page into view; its id is in the address (?id=). */
export async function renderGuidanceClient(view) {
  const lang = currentLanguage();
  const id = Number(new URLSearchParams(location.search).get('id'));
  if (!Number.isInteger(id) || id <= 0) {
    drawEnded(view, { link_id: id, name: '', notes: '' }, false);
    return undefined;
  }
  let flush = null;
  const draw = async (said) => {
    await flush?.(); // notes still waiting are saved before the page is drawn anew
    const loaded = await loadClient(id).catch((error) => ({ error }));
    view.replaceChildren();
    if (loaded.error) {
      view.append(BACK(), h('p', { className: 'form-error', role: 'alert' }, t('practice_failed')));
    } else if (loaded.ended) drawEnded(view, loaded.ended, loaded.known);
    else flush = drawClient(view, loaded.client, { offline: loaded.offline, lang, redraw: draw });
    if (said) view.append(h('p', { className: 'hint', role: 'status' }, said));
  };
  await draw();
  return { leave: () => flush?.() };
}
