// Which journal a chosen file is, and its records: a ZIP is read entry by entry (only the text
// files; photos are counted, never read), and nothing is read past the import cap.
import { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_MB } from './import-common.js';
import { isDayOneDocument, parseDayOne, readJournalJson } from './import-dayone.js';
import { parseDaylio } from './import-daylio.js';
import { isJrnlText, parseJrnl } from './import-jrnl.js';
import { isMarkdownName, parseMarkdown } from './import-markdown.js';
import { zipEntries, zipEntryText } from './zip-reader.js';

const OWN_EXPORT = 'levensloopbaan-export';

/** Throw when the text to read is over the cap, before any of it is read. */
function checkSize(bytes, file) {
  if (bytes > MAX_IMPORT_BYTES) {
    const size = Math.ceil(bytes / (1024 * 1024));
    throw new ImportError('too_large', { file, size, max: MAX_IMPORT_MB });
  }
}

/** Return the records of one JSON file: a Day One journal (or say it is our own export). */
function readJson(text, file) {
  const document = readJournalJson(text, file);
  if (document?.format === OWN_EXPORT) throw new ImportError('own_export', { file });
  if (!isDayOneDocument(document)) throw new ImportError('not_recognised', { file });
  return parseDayOne([{ file, document }]);
}

/** Return the records of one text file: Daylio CSV, jrnl, or a Markdown note. */
function readText(text, file) {
  if (/\.json$/i.test(file)) return readJson(text, file);
  if (isMarkdownName(file)) return parseMarkdown([{ name: file, text }]);
  if (/\.csv$/i.test(file)) return parseDaylio(text);
  if (isJrnlText(text)) return parseJrnl(text);
  throw new ImportError('not_recognised', { file });
}

/** Return the records of a ZIP: Day One journals (*.json) or Markdown notes (*.md). */
async function readZip(blob, file) {
  const entries = await zipEntries(blob, file);
  const journals = entries.filter((entry) => /\.json$/i.test(entry.name));
  const notes = entries.filter((entry) => isMarkdownName(entry.name));
  const wanted = journals.length > 0 ? journals : notes;
  if (wanted.length === 0) throw new ImportError('not_recognised', { file });
  checkSize(
    wanted.reduce((sum, entry) => sum + entry.size, 0),
    file,
  );
  if (journals.length > 0) {
    const documents = [];
    for (const entry of journals) {
      const text = await zipEntryText(blob, entry, file);
      documents.push({ file: entry.name, document: readJournalJson(text, entry.name) });
    }
    const dayOne = documents.filter(({ document }) => isDayOneDocument(document));
    if (dayOne.length === 0) throw new ImportError('not_recognised', { file });
    return parseDayOne(dayOne);
  }
  const texts = [];
  for (const entry of notes)
    texts.push({ name: entry.name, text: await zipEntryText(blob, entry, file) });
  const parsed = parseMarkdown(texts);
  const others = entries.length - notes.length;
  return { ...parsed, leftOut: others > 0 ? { files: others } : {} };
}

/** Return the records of the chosen files (File or Blob with a name), or throw an ImportError. */
export async function readImport(files) {
  if (files.length === 0) throw new ImportError('not_recognised', { file: '' });
  if (files.length > 1) {
    if (!files.every((file) => isMarkdownName(file.name)))
      throw new ImportError('several_files', { file: files.map((file) => file.name).join(', ') });
    checkSize(
      files.reduce((sum, file) => sum + file.size, 0),
      files[0].name,
    );
    const notes = [];
    for (const file of files) notes.push({ name: file.name, text: await file.text() });
    return parseMarkdown(notes);
  }
  const [file] = files;
  if (/\.zip$/i.test(file.name)) return readZip(file, file.name);
  checkSize(file.size, file.name);
  return readText(await file.text(), file.name);
}
