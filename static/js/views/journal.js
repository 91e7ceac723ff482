// Journal: every reflection, newest first, grouped by day; search, edit, delete with undo,
// and conflict copies from sync shown next to their original.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import {
  clearDraft, deleteReflection, draftKeys, listReflections, loadDraft, removeEntry,
  restoreReflection, updateReflection,
} from '../data/entries.js';
import { formatDay, formatTime } from '../method/dates.js';
import { keepDraft } from '../data/draft-keeper.js';
import { circleChips, energyPicker, saveErrorMessage } from '../ui/reflection-fields.js';
import { showToast } from '../ui/toast.js';
import { afterSave } from '../data/storage.js';
import { kantelenNote } from './kantelen.js';

/** Return text folded for searching: lower case, without accents. */
function fold(text) {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Return whether an entry matches every word of a search. */
function matches(entry, words) {
  const haystack = fold(`${entry.text} ${entry.question_text ?? ''}`);
  return words.every((word) => haystack.includes(word));
}

/** Put each conflict copy right after its original, so the two are seen together. */
function conflictsAfterOriginals(entries) {
  const present = new Set(entries.map((entry) => entry.id));
  const copies = new Map();
  for (const entry of entries) {
    if (entry.conflict_of && present.has(entry.conflict_of)) {
      copies.set(entry.conflict_of, [...(copies.get(entry.conflict_of) ?? []), entry]);
    }
  }
  return entries
    .filter((entry) => !(entry.conflict_of && present.has(entry.conflict_of)))
    .flatMap((entry) => [entry, ...(copies.get(entry.id) ?? [])]);
}

/** Group entries (newest first) into [day, entries] pairs. */
function groupByDay(entries) {
  const groups = new Map();
  for (const entry of entries) {
    if (!groups.has(entry.day)) groups.set(entry.day, []);
    groups.get(entry.day).push(entry);
  }
  return [...groups];
}

/** Draw the journal into view. */
export async function renderJournal(view) {
  const lang = currentLanguage();
  let entries = await listReflections();
  let editor = null;

  const search = h('input', {
    type: 'search', id: 'search', autocomplete: 'off', enterkeyhint: 'search', placeholder: t('search'),
  });
  const list = h('div', { className: 'journal-list' });

  const reload = async () => {
    entries = await listReflections();
    draw();
  };

  const conflictPart = (entry) => {
    if (!entry.conflict_of) return null;
    const original = entries.find((other) => other.id === entry.conflict_of);
    const keep = async () => {
      const fields = { text: entry.text, circles: entry.circles, energy: entry.energy };
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
    return h('div', {},
      h('p', { className: 'conflict-label' }, original ? t('conflict_label') : t('conflict_orphan')),
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'primary', onclick: keep }, t('keep_this')),
        h('button', { type: 'button', className: 'danger', onclick: drop }, t('remove_copy'))));
  };

  const entryArticle = (entry) => {
    const headingId = `entry-${entry.id}`;
    const className = entry.conflict_of ? 'entry conflict' : 'entry';
    return h('article', { className, 'aria-labelledby': headingId, 'data-id': entry.id },
      conflictPart(entry),
      h('p', { className: 'question', id: headingId },
        `${formatTime(entry.created_at, lang)} · ${entry.question_text || t('fallback_question')}`),
      h('p', { className: 'text' }, entry.text),
      kantelenNote(entry, entries, lang),
      h('p', { className: 'meta' },
        (entry.circles ?? []).map((circle) => h('span', { className: 'tag' }, t(`circle_${circle}`))),
        entry.energy ? h('span', {}, t('energy_value', { n: entry.energy })) : null),
      h('div', { className: 'actions' },
        h('button', { type: 'button', onclick: () => startEdit(entry) }, t('edit')),
        h('button', { type: 'button', className: 'danger', onclick: () => remove(entry) }, t('delete'))));
  };

  const startEdit = async (entry) => {
    await editor?.stop();
    const draftKey = `edit:${entry.id}`;
    const draft = await loadDraft(draftKey);
    const state = {
      circles: new Set(draft?.circles ?? entry.circles),
      energy: draft ? draft.energy : entry.energy,
    };
    const textarea = h('textarea', { id: `edit-${entry.id}`, rows: 6, maxlength: 20000 });
    textarea.value = draft?.text ?? entry.text;
    const status = h('p', { className: 'save-status error', role: 'status' });
    const keeper = keepDraft(draftKey, () => ({
      text: textarea.value, circles: [...state.circles], energy: state.energy,
    }));
    textarea.addEventListener('input', () => keeper.schedule());
    const form = h('form', { className: 'entry', 'data-id': entry.id },
      h('label', { for: textarea.id, className: 'question' }, t('edit_label')),
      textarea,
      circleChips(state.circles, () => keeper.schedule()),
      energyPicker(state, () => keeper.schedule()),
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'primary' }, t('save')),
        h('button', {
          type: 'button',
          onclick: async () => {
            keeper.cancel();
            editor = null;
            await clearDraft(draftKey);
            draw();
          },
        }, t('cancel'))),
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!textarea.value.trim()) {
        status.textContent = t('write_first');
        return;
      }
      keeper.cancel();
      try {
        await updateReflection(entry.id, {
          text: textarea.value, circles: [...state.circles], energy: state.energy,
        }, draftKey);
        editor = null;
        afterSave();
        await reload();
        showToast(t('saved'));
      } catch (error) {
        status.textContent = error?.name === 'NotFoundError' ? t('gone') : saveErrorMessage(error);
      }
    });
    editor = keeper;
    list.querySelector(`article[data-id="${entry.id}"]`)?.replaceWith(form);
    textarea.focus();
  };

  const remove = async (entry) => {
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
  };

  const draw = () => {
    const query = search.value.trim();
    const words = fold(query).split(/\s+/).filter(Boolean);
    const shown = words.length ? entries.filter((entry) => matches(entry, words)) : entries;
    if (shown.length === 0) {
      list.replaceChildren(h('p', { className: 'empty' },
        query ? t('no_matches', { q: query }) : t('journal_empty')));
      return;
    }
    list.replaceChildren(...groupByDay(conflictsAfterOriginals(shown)).map(([day, dayEntries]) => h('section', {},
      h('h2', {}, formatDay(day, lang)),
      dayEntries.map(entryArticle))));
  };

  search.addEventListener('input', draw);
  view.append(
    h('h1', {}, t('journal_title')),
    h('label', { for: 'search', className: 'visually-hidden' }, t('search')),
    search,
    list);
  draw();
  // An edit left unsaved (closed tab, killed app) opens again where it was.
  const openEdit = (await draftKeys()).find((key) => key.startsWith('edit:'));
  const unsaved = entries.find((entry) => `edit:${entry.id}` === openEdit);
  if (unsaved) await startEdit(unsaved);
  return {
    leave: () => editor?.stop(),
    refresh: () => (editor ? null : reload()),
  };
}
