// Journal: every reflection and check-in, newest first, grouped by day; search and filters,
// a month calendar to jump to a day, edit, delete with undo, and conflict copies by their original.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { deleteReflection, restoreReflection } from '../data/entries.js';
import { listWritten } from '../data/meaning-entries.js';
import { draftKeys } from '../data/drafts.js';
import { afterSave } from '../data/storage.js';
import { formatDay, localDay } from '../method/dates.js';
import {
  conflictsAfterOriginals,
  filterEntries,
  groupByDay,
  searchEntries,
} from '../method/journal-order.js';
import { showToast } from '../ui/toast.js';
import { editDraftKey, editForm, entryArticle } from './journal-entry.js';
import { loadGuidance } from './journal-guide.js';
import { activeFilters, filterPanel, filterState, jumpCalendar } from './journal-filters.js';

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

/** Return the message for an empty list: nothing written yet, or nothing that matches. */
function emptyMessage(journal, query) {
  if (query) return t('no_matches', { q: query });
  return journal.entries.length ? t('filters_none') : t('journal_empty');
}

/** Draw the entries that match the filters and the search into list, by day. */
function drawList(list, shown, query, journal) {
  if (shown.length === 0) {
    list.replaceChildren(h('p', { className: 'empty' }, emptyMessage(journal, query)));
    return;
  }
  list.replaceChildren(
    ...groupByDay(conflictsAfterOriginals(shown)).map(([day, dayEntries]) =>
      h(
        'section',
        {},
        h('h2', { id: `day-${day}`, tabindex: -1 }, formatDay(day, journal.lang)),
        dayEntries.map((entry) => entryArticle(entry, journal)),
      ),
    ),
  );
}

/** Return the search, filters, calendar and list of a journal; draw() shows what matches. */
function journalParts(journal) {
  const search = h('input', {
    type: 'search',
    id: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    placeholder: t('search'),
    value: filterState.query,
  });
  const panel = h('div', {});
  const calendar = h('details', { className: 'jump' }, h('summary', {}, t('calendar_open')));
  const calendarBody = h('div', {});
  calendar.append(calendarBody);
  const list = h('div', { className: 'journal-list' });
  const draw = () => {
    const query = filterState.query.trim();
    const shown = searchEntries(filterEntries(journal.entries, activeFilters()), query);
    const today = localDay();
    calendarBody.replaceChildren(jumpCalendar({ shown, today, lang: journal.lang, rebuild: draw }));
    drawList(list, shown, query, journal);
  };
  const rebuild = () => {
    panel.replaceChildren(filterPanel({ onChange: draw, rebuild }));
    draw();
  };
  search.addEventListener('input', () => {
    filterState.query = search.value;
    draw();
  });
  panel.append(filterPanel({ onChange: draw, rebuild }));
  const elements = [
    h('label', { for: 'search', className: 'visually-hidden' }, t('search')),
    search,
    panel,
    calendar,
    list,
  ];
  return { elements, list, draw };
}

/** Draw the journal into view; an edit left unsaved (closed tab, killed app) opens again. */
export async function renderJournal(view) {
  const journal = {
    lang: currentLanguage(),
    entries: await listWritten(),
    guidance: await loadGuidance(),
    editor: null,
    reload: async () => {
      journal.entries = await listWritten();
      journal.guidance = await loadGuidance();
      parts.draw();
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
          parts.draw();
        },
      });
      journal.editor = editor.keeper;
      parts.list.querySelector(`article[data-id="${entry.id}"]`)?.replaceWith(editor.form);
      editor.textarea.focus();
    },
  };
  const parts = journalParts(journal);
  view.append(h('h1', {}, t('journal_title')), ...parts.elements);
  parts.draw();
  const openEdit = (await draftKeys()).find((key) => key.startsWith('edit:'));
  const unsaved = journal.entries.find((entry) => editDraftKey(entry) === openEdit);
  if (unsaved) await journal.edit(unsaved);
  return {
    leave: () => journal.editor?.stop(),
    refresh: () => (journal.editor ? null : journal.reload()),
  };
}
