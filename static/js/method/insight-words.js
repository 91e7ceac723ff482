// A finding in words: an observation and the question that follows from it, in the reader's
// language. Pure: texts come from a catalogue (static/js/i18n/texts-insights.js), tested with node.

/**
 * Return a text of the catalogue with its {name} placeholders filled in.
 * @param {Record<string, string>} texts
 * @param {string} key
 * @param {Record<string, unknown>} [values]
 */
function fill(texts, key, values = {}) {
  return texts[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/**
 * Return key_one or key_other for n, by the language's plural rules, filled in.
 * @param {Record<string, string>} texts
 * @param {string} lang
 * @param {string} key
 * @param {number} n
 * @param {Record<string, unknown>} [values]
 */
export function counted(texts, lang, key, n, values = {}) {
  const form = `${key}_${new Intl.PluralRules(lang).select(n)}`;
  return fill(texts, form in texts ? form : `${key}_other`, { n, ...values });
}

/**
 * Return a number with at most one decimal, the language's way ("4,3" in Dutch).
 * @param {number} value
 * @param {string} lang
 */
function number(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/**
 * Return circles as they stand in a sentence after "about": each with its own "over"/"about", so
 * that every name reads right alone and in a list ("over de samenleving en over plek en planeet").
 * say(key) gives a text of the catalogue.
 * @param {(key: string) => string} say
 * @param {string} lang
 * @param {string[]} circles
 */
export function aboutCircles(say, lang, circles) {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(
    circles.map((circle) => say(`insight_about_${circle}`)),
  );
}

/**
 * Return a finding as { observation, question } in the language of texts.
 * @param {Finding} finding
 * @param {Record<string, string>} texts
 * @param {string} lang
 */
export function findingWords(finding, texts, lang) {
  const key = `insight_${finding.kind}`;
  const values = {
    about: aboutCircles((name) => fill(texts, name), lang, finding.circles),
    n: finding.value === null ? '' : number(finding.value, lang),
    meaning: finding.meaning === undefined ? '' : number(finding.meaning, lang),
    rests: counted(texts, lang, 'insight_rests', finding.count),
  };
  const form = `${key}_${finding.form}`;
  const question = `${key}_question_${finding.form}`;
  return {
    observation: fill(texts, form in texts ? form : key, values),
    question: fill(texts, question in texts ? question : `${key}_question`, values),
  };
}

/**
 * Return what a period says when it has no findings yet: too few reflections, or none rated.
 * @param {{ count: number, rated: boolean }} period
 * @param {Record<string, string>} texts
 * @param {string} lang
 */
export function quietWords({ count, rated }, texts, lang) {
  if (count === 0) return fill(texts, 'insight_none');
  if (count < 3) return counted(texts, lang, 'insight_too_few', count);
  return rated ? null : counted(texts, lang, 'insight_unrated', count);
}
