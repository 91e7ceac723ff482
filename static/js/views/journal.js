// Journal: every reflection, newest first, grouped by day; search, edit, delete with undo,
// and conflict copies from sync shown next to their original.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { deleteReflection, listReflections, restoreReflection } from '../data/entries.js';
import { draftKeys } from '../data/drafts.js';
import { afterSave } from '../data/storage.js';
import { formatDay } from '../method/dates.js';
import { conflictsAfterOriginals, groupByDay, searchEntries } from '../method/journal-order.js';
import { showToast } from '../ui/toast.js';
import { editDraftKey, editForm, entryArticle } from './journal-entry.js';

/** Delete a reflection, with a toast that can undo it. */
async function removeWithUndo(entry, reload) {
  const removed = await deleteReflection(entry.id);
  await reload();
  if (!removed) return;
  showToast(t('deleted'), {
    timeout: 10000,
    action: {
      label: t('undo'),
      run: async () => {
        await restoreReflection(removed);
        afterSave();
        await reload();
        showToast(t('restored'));
      },
    },
  });
}

/** Draw the entries that match the search into list, by day. */
function drawList(list, query, journal) {
  const shown = searchEntries(journal.entries, query);
  if (shown.length === 0) {
    list.replaceChildren(
      h('p', { className: 'empty' }, query ? t('no_matches', { q: query }) : t('journal_empty')),
    );
    return;
  }
  list.replaceChildren(
    ...groupByDay(conflictsAfterOriginals(shown)).map(([day, dayEntries]) =>
      h(
        'section',
        {},
        h('h2', {}, formatDay(day, journal.lang)),
        dayEntries.map((entry) => entryArticle(entry, journal)),
      ),
    ),
  );
}

/** Draw the journal into view; an edit left unsaved (closed tab, killed app) opens again. */
export async function renderJournal(view) {
  const search = h('input', {
    type: 'search',
    id: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    placeholder: t('search'),
  });
  const list = h('div', { className: 'journal-list' });
  const draw = () => drawList(list, search.value.trim(), journal);
  const journal = {
    lang: currentLanguage(),
    entries: await listReflections(),
    editor: null,
    reload: async () => {
      journal.entries = await listReflections();
      draw();
    },
    remove: (entry) => removeWithUndo(entry, journal.reload),
    edit: async (entry) => {
      await journal.editor?.stop();
      const editor = await editForm(entry, {
        onSaved: async () => {
          journal.editor = null;
          await journal.reload();
          showToast(t('saved'));
        },
        onCancel: () => {
          journal.editor = null;
          draw();
        },
      });
      journal.editor = editor.keeper;
      list.querySelector(`article[data-id="${entry.id}"]`)?.replaceWith(editor.form);
      editor.textarea.focus();
    },
  };
  search.addEventListener('input', draw);
  view.append(
    h('h1', {}, t('journal_title')),
    h('label', { for: 'search', className: 'visually-hidden' }, t('search')),
    search,
    list,
  );
  draw();
  const openEdit = (await draftKeys()).find((key) => key.startsWith('edit:'));
  const unsaved = journal.entries.find((entry) => editDraftKey(entry) === openEdit);
  if (unsaved) await journal.edit(unsaved);
  return {
    leave: () => journal.editor?.stop(),
    refresh: () => (journal.editor ? null : journal.reload()),
  };
}
