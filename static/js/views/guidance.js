// The Guidance tab: the guide's practice, every client at a glance, ordered by what is new, with a
// search by name. Drawn on the device from the practice API and readable offline.
import { formField, h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { loadPractice, saveDisplayName } from '../data/practice.js';
import { newCount, practiceList } from '../method/practice-order.js';
import { countOf, formatGuideDay, formatMoment } from './guidance-format.js';

/** Return one client's line: the name as a link, what is new, and when they were last active. */
function clientItem(client, lang) {
  const fresh = newCount(client) > 0;
  const meta = [
    fresh
      ? [
          h('span', { className: 'tag' }, t('practice_new_tag', { n: newCount(client) })),
          h(
            'span',
            {},
            t('practice_new', {
              reflections: countOf('reflection', client.new_reflections),
              answers: countOf('answer', client.new_answers),
            }),
          ),
        ]
      : h('span', {}, t('practice_nothing_new')),
    h(
      'span',
      {},
      client.last_activity
        ? t('practice_last_activity', { when: formatMoment(client.last_activity, lang) })
        : t('practice_no_activity'),
    ),
    client.guide_last_seen_at
      ? h(
          'span',
          {},
          t('practice_last_visit', { when: formatMoment(client.guide_last_seen_at, lang) }),
        )
      : null,
    client.session_held_on
      ? h(
          'span',
          {},
          t('practice_session_on', { when: formatGuideDay(client.session_held_on, lang) }),
        )
      : null,
  ];
  return h(
    'li',
    { className: `entry practice-client${fresh ? ' has-new' : ''}` },
    h(
      'h2',
      {},
      h('a', { href: `/guidance/client?id=${client.link_id}`, 'data-route': '' }, client.name),
    ),
    h('p', { className: 'meta' }, ...meta),
  );
}

/** Return the search and the list of clients it filters. */
function clientList(clients, lang) {
  const list = h('ul', { className: 'practice-list', 'aria-live': 'polite' });
  const draw = (query) => {
    const shown = practiceList(clients, query, lang);
    list.replaceChildren(
      ...(shown.length
        ? shown.map((client) => clientItem(client, lang))
        : [h('li', { className: 'empty' }, t('practice_no_match'))]),
    );
  };
  const search = h('input', {
    type: 'search',
    id: 'practice-search',
    autocomplete: 'off',
    oninput: (event) => draw(event.target.value),
  });
  draw('');
  return [formField('practice-search', t('practice_search'), search), list];
}

/** Return the ended links whose notes the guide kept. */
function endedList(ended) {
  if (!ended.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'practice-ended' },
    h('h2', { id: 'practice-ended' }, t('practice_ended_title')),
    h(
      'ul',
      { className: 'practice-list' },
      ended.map((row) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `/guidance/client?id=${row.link_id}`, 'data-route': '' },
            t('practice_ended_item', { name: row.name }),
          ),
        ),
      ),
    ),
  );
}

/** Return the form to choose the name clients see. */
function nameForm(displayName) {
  const input = h('input', {
    id: 'practice-name',
    maxlength: '100',
    autocomplete: 'name',
    required: true,
    value: displayName ?? '',
  });
  const status = h('p', { className: 'hint', role: 'status' });
  const form = h(
    'form',
    { className: 'practice-name' },
    formField('practice-name', t('practice_name_label'), input),
    h('p', { className: 'hint' }, t('practice_name_hint')),
    h('button', { type: 'submit' }, t('practice_name_save')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await saveDisplayName(input.value.trim());
      status.textContent = t('practice_name_saved');
    } catch (error) {
      status.textContent = error.message;
    }
  });
  return h(
    'section',
    { className: 'no-print', 'aria-labelledby': 'practice-name-title' },
    h('h2', { id: 'practice-name-title' }, t('practice_name_title')),
    form,
  );
}

/** Draw the practice view into view. */
export async function renderGuidance(view) {
  const lang = currentLanguage();
  view.append(h('h1', {}, t('practice_title')));
  let loaded;
  try {
    loaded = await loadPractice();
  } catch (error) {
    const key = error.reason === 'signin' ? 'practice_sign_in' : 'practice_failed';
    view.append(h('p', { className: 'form-error', role: 'alert' }, t(key)));
    return;
  }
  const { practice, offline } = loaded;
  if (offline)
    view.append(
      h(
        'p',
        { className: 'warning', role: 'status' },
        t('practice_offline', { when: formatMoment(practice.fetched_at, lang) }),
      ),
    );
  if (practice.clients.length === 0)
    view.append(h('p', { className: 'empty' }, t('practice_none')));
  else view.append(h('p', {}, t('practice_intro')), ...clientList(practice.clients, lang));
  view.append(endedList(practice.ended) ?? '', nameForm(practice.display_name));
}
