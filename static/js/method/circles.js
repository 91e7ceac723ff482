// The method's lists, from lpb/vocabulary.json (lpb/vocabulary.py writes them in).
export const { CIRCLES, MIX_PARTS, ENERGY_LEVELS, MAX_TEXT_LENGTH } =
  /** @type {{CIRCLES: string[], MIX_PARTS: string[], ENERGY_LEVELS: string[], MAX_TEXT_LENGTH: number}} */ (
    JSON.parse(
      /** @type {any} */ (globalThis).process
        .getBuiltinModule('fs')
        .readFileSync(new URL('../../../lpb/vocabulary.json', import.meta.url)),
    ).lists
  );
