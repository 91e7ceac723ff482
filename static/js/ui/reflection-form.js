// The one reflection form, of Today, the journal's edit and kantelen: text, circles, ratings, a draft
// kept as you type, and saving with its empty, saved and error messages. Where drafts are kept and
// who the guides are comes in as `store` (views/kept-reflection-form.js): ui/ never reads data/.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { MAX_TEXT_LENGTH } from '../method/circles.js';
import { shareChoice } from './share-choice.js';
import { circleChips, ratingPickers, ratings, saveErrorMessage } from './reflection-fields.js';

/** Return the message for an error from saving: the entry is gone, the disk is full, or else. */
function errorMessage(error) {
  return error?.name === 'NotFoundError' ? t('gone') : saveErrorMessage(error);
}

/** Save the form's reflection, unless it is empty; say what happened. */
async function submit(parts, { draftKey, save, onSaved, afterSave }) {
  const { textarea, saveButton, keeper, say, read } = parts;
  if (!textarea.value.trim()) {
    say(t('write_first'), { error: true });
    textarea.focus();
    return;
  }
  keeper.cancel();
  saveButton.disabled = true;
  try {
    const fields = read();
    await save(fields, draftKey);
    afterSave();
    await onSaved?.(fields);
  } catch (error) {
    say(errorMessage(error), { error: true });
  } finally {
    saveButton.disabled = false;
  }
}

/** Return the form's text, share switches and read(): its fields, with shared_with once known. */
function formReader({ id, rows, start, state, shareable, guideLinks }, onChange) {
  const textarea = h('textarea', { id, name: id, rows, maxlength: MAX_TEXT_LENGTH });
  textarea.value = start.text ?? '';
  const sharing = shareable
    ? shareChoice(id, guideLinks, start.shared_with ?? [], onChange)
    : { element: null, read: () => null };
  const read = () => {
    const shared = sharing.read();
    const base = { text: textarea.value, circles: [...state.circles], ...ratings(state) };
    return shared ? { ...base, shared_with: shared } : base;
  };
  return { textarea, sharing, read };
}

/** Empty a form: no text, no circles, no ratings. */
function emptyForm(textarea, state, drawFields) {
  textarea.value = '';
  state.circles.clear();
  Object.assign(state, ratings({}));
  drawFields();
}

/**
 * Return a reflection form from start (a draft or an entry), kept under draftKey and saved by save().
 * store holds keepDraft(key, read), clearDraft(key), afterSave() and guideLinks().
 */
export function reflectionForm({
  id,
  rows = 6,
  className,
  statusClass = 'save-status',
  draftKey,
  start = {},
  draftExtra = () => ({}),
  before = [],
  after = [],
  actions = [],
  save,
  onSaved,
  shareable = true,
  store,
}) {
  // save() stores the text and drops its draft in one transaction: a saved text never returns as a draft.
  const state = { circles: new Set(start.circles ?? []), ...ratings(start) };
  const status = h('p', { className: statusClass, role: 'status' });
  const fields = h('div', {});
  const saveButton = h('button', { type: 'submit', className: 'primary' }, t('save'));
  const { guideLinks, keepDraft, clearDraft, afterSave } = store;
  const reader = { id, rows, start, state, shareable, guideLinks };
  const { textarea, sharing, read } = formReader(reader, () => changed());
  const keeper = keepDraft(draftKey, () => ({ ...read(), ...draftExtra() }));
  const say = (text, { error = false } = {}) => {
    status.className = error ? `${statusClass} error` : statusClass;
    status.textContent = text;
  };
  const changed = () => {
    status.textContent = '';
    keeper.schedule();
  };
  const drawFields = () =>
    fields.replaceChildren(circleChips(state.circles, changed), ...ratingPickers(state, changed));
  const form = h(
    'form',
    { className, novalidate: true },
    ...before,
    textarea,
    fields,
    sharing.element,
    h('div', { className: 'actions' }, saveButton, ...actions),
    status,
    ...after,
  );
  textarea.addEventListener('input', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit({ textarea, saveButton, keeper, say, read }, { draftKey, save, onSaved, afterSave });
  });
  drawFields();
  const reset = () => emptyForm(textarea, state, drawFields);
  const discard = () => {
    keeper.cancel();
    return clearDraft(draftKey);
  };
  return { form, textarea, keeper, changed, say, reset, discard };
}
