// "Your data" in Settings: export everything from the device (offline too) and import our JSON.
import { formField, h } from '../ui/dom.js';
import { currentLanguage, t, tn } from '../i18n/i18n.js';
import { allEntries, importEntries } from '../data/entries.js';
import { exportDocument, importableEntries } from '../data/export-format.js';
import { exportCsv, exportMarkdown } from '../data/export-readable.js';
import { syncNow } from '../data/sync.js';
import { storedAccount } from '../data/sync-store.js';
import { importPanel } from './import-panel.js';

const FORMATS = {
  json: { type: 'application/json', write: (doc) => JSON.stringify(doc, null, 2) },
  md: { type: 'text/markdown', write: exportMarkdown },
  csv: { type: 'text/csv', write: exportCsv },
};

/** Offer a text as a file download. */
function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Download everything on this device in one format. */
export async function exportFromDevice(format) {
  const account = await storedAccount();
  const document_ = exportDocument(await allEntries(), {
    account: account ? { email: account.email } : null,
    settings: { language: currentLanguage() },
  });
  const { type, write } = FORMATS[format];
  // Markdown and CSV read in the reader's language and in this device's time zone.
  const reader = {
    lang: currentLanguage(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  download(
    write(document_, reader),
    type,
    `levensloopbaan-${document_.exported_at.slice(0, 10)}.${format}`,
  );
}

/** Import a chosen JSON export file and say what happened. */
async function importFile(file, message) {
  try {
    const entries = importableEntries(JSON.parse(await file.text()));
    const { added, skipped } = await importEntries(entries);
    message.textContent = t('import_done', { added, skipped: tn('import_skipped', skipped) });
    syncNow();
  } catch (error) {
    message.textContent =
      error instanceof SyntaxError || error.message === 'not-an-export'
        ? t('import_not_export')
        : error.message === 'unsupported-version'
          ? t('import_unsupported')
          : t('import_failed');
  }
}

/** Return the "Your data" section of Settings. */
export function dataPanel() {
  const message = h('p', { role: 'status', className: 'save-status' });
  const fileInput = h('input', {
    type: 'file',
    id: 'import-file',
    accept: 'application/json,.json',
    onchange: (event) => {
      const [file] = event.target.files;
      event.target.value = ''; // so that choosing the same file again imports (and skips) again
      if (file) importFile(file, message);
    },
  });
  return h(
    'section',
    { 'aria-labelledby': 'data-title' },
    h('h2', { id: 'data-title' }, t('data_title')),
    h('p', {}, t('data_intro')),
    h(
      'p',
      { className: 'actions' },
      h('button', { type: 'button', onclick: () => exportFromDevice('json') }, t('export_json')),
      h('button', { type: 'button', onclick: () => exportFromDevice('md') }, t('export_md')),
      h('button', { type: 'button', onclick: () => exportFromDevice('csv') }, t('export_csv')),
    ),
    formField('import-file', t('import_label'), fileInput),
    message,
    importPanel(),
    h(
      'p',
      {},
      h('a', { className: 'link-row', href: '/privacy', 'data-route': true }, t('privacy_link')),
    ),
  );
}
