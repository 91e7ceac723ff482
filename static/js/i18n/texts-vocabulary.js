// The method's words the app shares with the server's pages and the exports: the introduction, the
// circles' descriptions and short names, the ratings' and the kinds' names, the eigen mix's parts.
// They are lpb/vocabulary.json's "words"; the server writes them in here (lpb/vocabulary.py).
export const VOCABULARY_TEXTS = JSON.parse(
  /** @type {any} */ (globalThis).process
    .getBuiltinModule('fs')
    .readFileSync(new URL('../../../lpb/vocabulary.json', import.meta.url)),
).words;
