// Journal: every reflection and check-in, newest first, grouped by day; search and filters,
// a month calendar to jump to a day, edit, delete with undo, and conflict copies by their original.
// The newest entries are drawn at once, the rest is read in the background and drawn as needed.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { deleteReflection, restoreReflection } from '../data/entries.js';
import { readAllWritten, readNewestWritten } from '../data/journal-store.js';
import { draftKeys } from '../data/drafts.js';
import { afterSave } from '../data/storage.js';
import { localDay } from '../method/dates.js';
import {
  conflictsAfterOriginals,
  filterEntries,
  haystack,
  searchEntries,
  searchIndex,
} from '../method/journal-order.js';
import { showToast } from '../ui/toast.js';
import { editDraftKey, editForm, entryArticle } from './journal-entry.js';
import { loadGuidance } from './journal-guide.js';
import {
  activeFilters,
  filterPanel,
  filtersActive,
  filterState,
  jumpCalendar,
} from './journal-filters.js';
import { focusEntry, JournalWindow, neighbourId, STEP } from './journal-list.js';

/** Delete a reflection or check-in, with a toast that can undo it; the focus goes to the next. */
async function removeWithUndo(entry, reload) {
  const next = neighbourId(entry.id);
  const removed = await deleteReflection(entry.id);
  await reload();
  if (!removed) return;
  focusEntry(next);
  const checkin = entry.kind === 'checkin';
  showToast(t(checkin ? 'checkin_deleted' : 'deleted'), {
    timeout: 10000,
    action: {
      label: t('undo'),
      run: async () => {
        await restoreReflection(removed);
        afterSave();
        await reload();
        showToast(t(checkin ? 'checkin_restored' : 'restored'));
      },
    },
  });
}

/** Fold the entries for searching a chunk at a time, so the first search is as quick as the next. */
function prepareSearch(entries, from = 0) {
  const to = Math.min(from + 500, entries.length);
  for (let index = from; index < to; index += 1) haystack(entries[index]);
  if (to < entries.length) setTimeout(() => prepareSearch(entries, to));
  else searchIndex(entries);
}

/** Return the message for an empty list: nothing written yet, or nothing that matches. */
function emptyMessage(journal) {
  const query = filterState.query.trim();
  if (query) return t('no_matches', { q: query });
  return journal.entries.length ? t('filters_none') : t('journal_empty');
}

/** Return the search box; typing in it redraws the list. */
function searchBox(onInput) {
  const search = h('input', {
    type: 'search',
    id: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    placeholder: t('search'),
    value: filterState.query,
  });
  search.addEventListener('input', () => {
    filterState.query = search.value;
    onInput();
  });
  return search;
}

/** Return the search, filters, calendar and list of a journal; draw() shows what matches anew. */
function journalParts(journal) {
  const windowed = new JournalWindow({
    lang: journal.lang,
    drawEntry: (entry) =>
      journal.editing?.id === entry.id ? journal.editing.form : entryArticle(entry, journal),
    emptyText: () => emptyMessage(journal),
    needAll: () => journal.loadAll(),
  });
  const calendarBody = h('div', {});
  let shown = [];
  const drawCalendar = () =>
    calendarBody.replaceChildren(
      jumpCalendar({
        shown,
        today: localDay(),
        lang: journal.lang,
        rebuild: drawCalendar,
        reveal: (day) => windowed.reveal((entry) => entry.day === day),
      }),
    );
  const show = (how) => {
    shown = conflictsAfterOriginals(
      filterEntries(searchEntries(journal.entries, filterState.query.trim()), activeFilters()),
    );
    windowed[how](shown, journal.complete);
    drawCalendar();
  };
  let drawing = 0;
  // A search or filter covers every entry: until all are read, it waits rather than miss one.
  const draw = async () => {
    const id = (drawing += 1);
    if (!journal.complete) {
      windowed.markBusy();
      await journal.loadAll();
      if (id !== drawing) return;
    }
    show('replace');
  };
  const panel = h('div', {});
  const rebuild = () => {
    panel.replaceChildren(filterPanel({ onChange: draw, rebuild }));
    draw();
  };
  panel.append(filterPanel({ onChange: draw, rebuild }));
  const calendar = h('details', { className: 'jump' }, h('summary', {}, t('calendar_open')));
  calendar.append(calendarBody);
  const elements = [
    h('label', { for: 'search', className: 'visually-hidden' }, t('search')),
    searchBox(draw),
    panel,
    calendar,
    ...windowed.elements,
  ];
  return { elements, windowed, draw, show };
}

/** Return the journal's state and actions; parts() gives its drawn parts once they exist. */
function journalState(first, guidance, parts) {
  let reading = Promise.resolve();
  const journal = {
    lang: currentLanguage(),
    entries: first.entries,
    complete: first.done,
    guidance,
    editor: null,
    editing: null,
    loaded: null,
    // Reads run one after another, so an older read never lands after a newer one; a read that
    // failed must not stop the ones after it.
    readAll: () => {
      reading = reading
        .catch(() => {})
        .then(async () => {
          const { entries, replies } = await readAllWritten();
          const fresh = await loadGuidance(replies);
          Object.assign(journal, { entries, guidance: fresh, complete: true });
          parts().show('update');
          prepareSearch(entries);
        });
      return reading;
    },
    loadAll: () => (journal.loaded ??= journal.readAll()),
    reload: () => (journal.loaded = journal.readAll()),
    remove: (entry) => removeWithUndo(entry, journal.reload),
    stopEdit: () => {
      journal.editing = null;
      journal.editor = null;
    },
    edit: async (entry) => {
      await journal.editor?.stop();
      const editor = await editForm(entry, {
        onSaved: async () => {
          journal.stopEdit();
          await journal.reload();
          // The saved entry stays in sight where its (taller) form was, not above the screen.
          parts()
            .windowed.list.querySelector(`article[data-id="${CSS.escape(entry.id)}"]`)
            ?.scrollIntoView({ block: 'nearest' });
          showToast(t('saved'));
        },
        onCancel: () => {
          journal.stopEdit();
          parts().show('update');
        },
      });
      if (journal.editing) {
        journal.stopEdit();
        parts().show('update');
      }
      journal.editor = editor.keeper;
      journal.editing = { id: entry.id, form: editor.form };
      parts()
        .windowed.list.querySelector(`article[data-id="${CSS.escape(entry.id)}"]`)
        ?.replaceWith(editor.form);
      editor.textarea.focus();
    },
  };
  return journal;
}

/** Open again an edit left unsaved (closed tab, killed app), drawing the list down to it. */
async function reopenEdit(journal, parts, draftKey) {
  const find = () => journal.entries.find((entry) => editDraftKey(entry) === draftKey);
  if (!find() && !journal.complete) await journal.loadAll();
  const unsaved = find();
  if (!unsaved) return;
  parts.windowed.reveal((entry) => entry.id === unsaved.id);
  await journal.edit(unsaved);
}

/** Draw the journal into view; an edit left unsaved (closed tab, killed app) opens again. */
export async function renderJournal(view) {
  const [first, guidance, drafts] = await Promise.all([
    readNewestWritten(STEP),
    loadGuidance(),
    draftKeys(),
  ]);
  let parts = null;
  const journal = journalState(first, guidance, () => parts);
  parts = journalParts(journal);
  view.append(h('h1', {}, t('journal_title')), ...parts.elements);
  if (journal.complete || !filtersActive()) parts.show('replace');
  else parts.draw();
  const openEdit = drafts.find((key) => key.startsWith('edit:'));
  if (openEdit && first.entries.some((entry) => editDraftKey(entry) === openEdit))
    await reopenEdit(journal, parts, openEdit);
  else if (openEdit) reopenEdit(journal, parts, openEdit);
  // The older entries are read once the first screen is on its way, so they never hold it up.
  if (!journal.complete) requestAnimationFrame(() => setTimeout(journal.loadAll));
  return {
    leave: () => {
      parts.windowed.stop();
      return journal.editor?.stop();
    },
    refresh: () => journal.reload(),
  };
}
