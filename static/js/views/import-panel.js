// Importing another journal app's history: choose a file, see what was found, map it onto the
// method, then write it as entries. Nothing is written before the user says so.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { readImport } from '../import/read-files.js';
import { summarise, withIds } from '../import/import-plan.js';
import { importPreview } from './import-preview.js';
import { takeSharedFiles } from '../data/shared-files.js';

const ACCEPT =
  '.zip,.json,.csv,.txt,.md,.markdown,application/zip,application/json,text/csv,text/plain,text/markdown';

/** Return where in a file an error is, in the user's words: line, entry, file. */
function whereOf(values) {
  if (values.entry) return t('import_where_entry', values);
  if (values.file && values.line) return t('import_where_file_line', values);
  if (values.line) return t('import_where_line', values);
  return t('import_where_file', values);
}

/** Return the message of an error while reading a file: an ImportError's own, else a general one. */
export function importErrorMessage(error) {
  if (error?.name !== 'ImportError') return t('import_failed');
  const values = { ...error.values, where: whereOf(error.values) };
  if (Array.isArray(values.columns)) values.columns = values.columns.join(', ');
  return t(`import_error_${error.code}`, values);
}

/** Read the chosen files and show their preview in place, or say why they cannot be imported. */
async function readChosen(files, place, message) {
  place.replaceChildren();
  message.classList.remove('error');
  message.textContent = t('journal_import_reading', { file: files.map((f) => f.name).join(', ') });
  try {
    const planned = await withIds(await readImport(files));
    message.textContent = '';
    place.append(importPreview(planned, summarise(planned), { message }));
  } catch (error) {
    message.classList.add('error');
    message.textContent = importErrorMessage(error);
  }
}

/** Return the part of "Your data" that imports another journal app's export. */
export function importPanel() {
  const message = h('p', { role: 'status', className: 'save-status', id: 'journal-import-status' });
  const place = h('div', {});
  const input = h('input', {
    type: 'file',
    id: 'journal-import-file',
    multiple: true,
    accept: ACCEPT,
    'aria-describedby': 'journal-import-hint',
    onchange: (event) => {
      const files = [...event.target.files];
      event.target.value = ''; // so that choosing the same file again reads it again
      if (files.length > 0) readChosen(files, place, message);
    },
  });
  // Files shared to the app arrive as /settings?shared (see service-worker.js).
  if (new URLSearchParams(location.search).has('shared')) {
    history.replaceState(history.state, '', location.pathname);
    takeSharedFiles()
      .then((files) => files.length > 0 && readChosen(files, place, message))
      .catch(() => {});
  }
  return h(
    'div',
    { className: 'journal-import' },
    h(
      'p',
      { className: 'form-field' },
      h('label', { for: 'journal-import-file' }, t('journal_import_label')),
      h('span', { className: 'hint block', id: 'journal-import-hint' }, t('journal_import_hint')),
      input,
    ),
    place,
    message,
  );
}
