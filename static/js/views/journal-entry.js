// One entry in the journal: how a reflection or check-in reads, its conflict choice, its edit form.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { removeEntry, restoreReflection, updateReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { afterSave } from '../data/storage.js';
import { formatTime } from '../method/dates.js';
import { entryLinks } from '../method/journal-order.js';
import { reflectionForm } from './kept-reflection-form.js';
import { ratings } from '../ui/reflection-fields.js';
import { ratingTags } from './rating-tags.js';
import { kantelenNote } from './kantelen.js';
import { guidePart } from './journal-guide.js';

/** Return the draft key of an entry's edit. */
export function editDraftKey(entry) {
  return `edit:${entry.id}`;
}

/** Return a conflict copy's label and its "keep this one" and "remove" buttons; null for others. */
function conflictPart(entry, byId, reload) {
  if (!entry.conflict_of) return null;
  const original = byId.get(entry.conflict_of);
  const keep = async () => {
    const fields = { text: entry.text, circles: entry.circles, ...ratings(entry) };
    if (original) await updateReflection(original.id, fields);
    else await restoreReflection({ ...entry, conflict_of: null });
    await removeEntry(entry.id);
    afterSave();
    await reload();
  };
  const drop = async () => {
    await removeEntry(entry.id);
    await reload();
  };
  return h(
    'div',
    {},
    h('p', { className: 'conflict-label' }, original ? t('conflict_label') : t('conflict_orphan')),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', className: 'primary', onclick: keep }, t('keep_this')),
      h('button', { type: 'button', className: 'danger', onclick: drop }, t('remove_copy')),
    ),
  );
}

/** Return a quick check-in as an article: its time and ratings, and a delete button. */
function checkinArticle(entry, journal) {
  const headingId = `entry-${entry.id}`;
  return h(
    'article',
    { className: 'entry checkin', 'aria-labelledby': headingId, 'data-id': entry.id },
    h(
      'p',
      { className: 'question', id: headingId },
      `${formatTime(entry.created_at, journal.lang)} · ${t('checkin_name')}`,
    ),
    h('p', { className: 'meta' }, ratingTags(entry)),
    h(
      'div',
      { className: 'actions' },
      h(
        'button',
        { type: 'button', className: 'danger', onclick: () => journal.remove(entry) },
        t('delete'),
      ),
    ),
  );
}

/** Return an entry as an article; journal holds entries, lang, guidance, reload(), edit(entry), remove(entry). */
export function entryArticle(entry, journal) {
  if (entry.kind === 'checkin') return checkinArticle(entry, journal);
  const { lang } = journal;
  const { byId, laterLook } = entryLinks(journal.entries);
  // Only the entries linked to this one: kantelenNote then needs no search through all of them.
  const linked = [byId.get(entry.kantelen_of), laterLook.get(entry.id)].filter(Boolean);
  const headingId = `entry-${entry.id}`;
  const className = entry.conflict_of ? 'entry conflict' : 'entry';
  // An imported entry answered no question of ours: its heading says where it came from.
  const heading =
    entry.question_text ||
    (entry.imported_from
      ? t('imported_heading', { format: entry.imported_from })
      : t('fallback_question'));
  return h(
    'article',
    { className, 'aria-labelledby': headingId, 'data-id': entry.id },
    conflictPart(entry, byId, journal.reload),
    h(
      'p',
      { className: 'question', id: headingId },
      `${formatTime(entry.created_at, lang)} · ${heading}`,
    ),
    h('p', { className: 'text' }, entry.text),
    kantelenNote(entry, linked, lang),
    h(
      'p',
      { className: 'meta' },
      (entry.circles ?? []).map((circle) => h('span', { className: 'tag' }, t(`circle_${circle}`))),
      ratingTags(entry),
    ),
    guidePart(entry, journal),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', onclick: () => journal.edit(entry) }, t('edit')),
      h(
        'button',
        { type: 'button', className: 'danger', onclick: () => journal.remove(entry) },
        t('delete'),
      ),
    ),
  );
}

/** Return the edit form of an entry, from its unsaved draft if there is one; onSaved/onCancel follow. */
export async function editForm(entry, { onSaved, onCancel }) {
  const draftKey = editDraftKey(entry);
  const draft = await loadDraft(draftKey);
  const start = draft ?? entry;
  const id = `edit-${entry.id}`;
  const cancel = async () => {
    await editor.discard();
    onCancel();
  };
  const editor = reflectionForm({
    id,
    className: 'entry',
    draftKey,
    start: {
      text: start.text,
      circles: start.circles,
      shared_with: start.shared_with ?? entry.shared_with,
      ...ratings(start),
    },
    // The question it answered stays in sight while editing.
    before: [
      entry.question_text
        ? h('p', { className: 'question edit-question' }, entry.question_text)
        : '',
      h('label', { for: id, className: 'question' }, t('edit_label')),
    ],
    actions: [h('button', { type: 'button', onclick: cancel }, t('cancel'))],
    save: (fields, key) => updateReflection(entry.id, fields, key),
    onSaved,
  });
  editor.form.dataset.id = entry.id;
  return editor;
}
