// The user's own questions: added on Today, they join the rotation and sync like entries.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { createEntry, listEntries, removeEntry } from '../data/entries.js';
import { circleChips, saveErrorMessage } from '../ui/reflection-fields.js';

const MAX_QUESTION_LENGTH = 300;

/** Return a folded-away section to add and remove your own questions. */
export function ownQuestionsSection() {
  const list = h('ul', { className: 'own-list' });
  const input = h('input', {
    type: 'text',
    id: 'own-question',
    maxlength: MAX_QUESTION_LENGTH,
    autocomplete: 'off',
  });
  const circles = new Set();
  const chips = h('div', {});
  const status = h('p', { className: 'form-status', role: 'status' });

  const drawList = async () => {
    const own = await listEntries('question');
    list.replaceChildren(
      ...(own.length
        ? own.map((question) => ownQuestionItem(question, drawList))
        : [h('li', { className: 'empty' }, t('own_empty'))]),
    );
  };
  const drawChips = () => chips.replaceChildren(circleChips(circles, () => {}));

  const form = h(
    'form',
    { novalidate: true },
    h('label', { for: input.id, className: 'legend' }, h('strong', {}, t('own_label'))),
    input,
    chips,
    h('div', { className: 'actions' }, h('button', { type: 'submit' }, t('own_add'))),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    try {
      await createEntry('question', { text, circles: [...circles] });
      input.value = '';
      circles.clear();
      drawChips();
      status.textContent = t('own_added');
      drawList();
    } catch (error) {
      status.textContent = saveErrorMessage(error);
    }
  });
  drawChips();
  drawList();
  return h(
    'details',
    { className: 'card own-questions' },
    h('summary', {}, t('own_title')),
    h('p', { className: 'hint' }, t('own_hint')),
    list,
    form,
  );
}

/** Return one of your own questions as a list item with its delete button. */
function ownQuestionItem(question, redraw) {
  const remove = async () => {
    await removeEntry(question.id);
    redraw();
  };
  return h(
    'li',
    {},
    h('span', {}, question.text),
    h(
      'button',
      {
        type: 'button',
        className: 'danger',
        'aria-label': `${t('delete')}: ${question.text}`,
        onclick: remove,
      },
      t('delete'),
    ),
  );
}
