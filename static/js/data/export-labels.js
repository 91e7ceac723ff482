// The words of the Markdown and CSV exports in the reader's language: kinds, circles, ratings, the
// eigen mix, dates. lpb/portability/export_words.py holds the same words for the server's exports.
import { CIRCLES, MIX_CATEGORIES } from '../method/circles.js';

const LABELS = {
  nl: {
    exported: 'Geëxporteerd op {when}. Tijden staan in je eigen tijdzone ({zone}).',
    guide_question: 'Vraag van je begeleider',
    guide_reply: 'Antwoord van je begeleider',
    guide_suggestion: 'Voorstel van je begeleider',
    shared_summary: 'Gedeelde samenvatting',
    other: 'Iets anders ({kind})',
    from_guide: 'Van {name}',
    kantelen: 'Kantelen: opnieuw bekeken vanuit de cirkel {circle}',
    week_of: 'week van {day}',
    weekdays: 'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
    months:
      'januari februari maart april mei juni juli augustus september oktober november december',
    col_date: 'Datum',
    col_time: 'Tijd',
    col_kind: 'Soort',
    col_question: 'Vraag',
    col_text: 'Tekst',
    col_circles: 'Cirkels',
    col_energy: 'Energie',
    col_meaning: 'Zingeving',
    col_engagement: 'Betrokkenheid',
    col_details: 'Details',
    col_id: 'ID',
    reflection: 'Reflectie',
    conflict: 'Conflictkopie',
    checkin: 'Snelle check-in',
    question: 'Eigen vraag',
    mix: 'Eigen mix, {week}',
    mix_hours: 'Een week van {n} uur.',
    balance: 'Gewenste balans',
    part: 'Deel',
    circle: 'Cirkel',
    actual: 'Zo was het',
    wished: 'Zo zou je het willen',
    hours: '{n} u',
    energy: 'energie {n} van 5',
    meaning: 'zingeving {n} van 5',
    engagement: 'betrokkenheid {n} van 5',
    self: 'Zelf',
    close: 'Naasten',
    organisations: 'Organisaties',
    society: 'Samenleving',
    place: 'Plek en planeet',
    paid: 'Betaald werk',
    care: 'Zorg voor anderen',
    volunteering: 'Vrijwillig en onbetaald',
    learning: 'Leren',
    rest: 'Rust en vrije tijd',
  },
  en: {
    exported: 'Exported on {when}. Times are in your own time zone ({zone}).',
    guide_question: 'Question from your guide',
    guide_reply: 'Reply from your guide',
    guide_suggestion: 'Suggestion from your guide',
    shared_summary: 'Shared summary',
    other: 'Something else ({kind})',
    from_guide: 'From {name}',
    kantelen: 'Kantelen: looked at again from the circle {circle}',
    week_of: 'week of {day}',
    weekdays: 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    months: 'January February March April May June July August September October November December',
    col_date: 'Date',
    col_time: 'Time',
    col_kind: 'Kind',
    col_question: 'Question',
    col_text: 'Text',
    col_circles: 'Circles',
    col_energy: 'Energy',
    col_meaning: 'Meaning',
    col_engagement: 'Engagement',
    col_details: 'Details',
    col_id: 'ID',
    reflection: 'Reflection',
    conflict: 'Conflict copy',
    checkin: 'Quick check-in',
    question: 'Own question',
    mix: 'Own mix, {week}',
    mix_hours: 'A week of {n} hours.',
    balance: 'Wished balance',
    part: 'Part',
    circle: 'Circle',
    actual: 'As it was',
    wished: "As you'd like it",
    hours: '{n} h',
    energy: 'energy {n} of 5',
    meaning: 'meaning {n} of 5',
    engagement: 'engagement {n} of 5',
    self: 'Yourself',
    close: 'Close ones',
    organisations: 'Organisations',
    society: 'Society',
    place: 'Place and planet',
    paid: 'Paid work',
    care: 'Caring for others',
    volunteering: 'Volunteering and unpaid work',
    learning: 'Learning',
    rest: 'Rest and leisure',
  },
};

/** Return the language the export is written in: lang when it has the words, else English. */
export function exportLanguage(lang) {
  return Object.hasOwn(LABELS, lang) ? lang : 'en';
}

/** Return a function that gives the export's words in lang (English for other languages). */
export function exportWords(lang) {
  const labels = LABELS[exportLanguage(lang)];
  return (key, values = {}) =>
    labels[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Return a number with at most one decimal, the language's way ("1,8" in Dutch). */
function number(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/** Return a reflection's or check-in's circles and ratings as one italic line, or null. */
export function factsLine(entry, word) {
  const facts = [
    (entry.circles ?? [])
      .filter((circle) => CIRCLES.includes(circle))
      .map((c) => word(c))
      .join(', '),
    ...['energy', 'meaning', 'engagement'].map((key) => entry[key] && word(key, { n: entry[key] })),
  ].filter(Boolean);
  return facts.length ? `*${facts.join(' · ')}*` : null;
}

/** Return a mix as a small Markdown table: its parts in percent (and hours, with a week total). */
export function mixTable(entry, word, lang) {
  const hours = entry.hours_per_week;
  const cell = (shares, key) => {
    const share = shares?.[key] || 0;
    const percent = `${number(share, lang)}%`;
    if (!hours) return percent;
    return `${percent} · ${word('hours', { n: number((share * hours) / 100, lang) })}`;
  };
  const lines = hours ? [word('mix_hours', { n: number(hours, lang) }), ''] : [];
  return [
    ...lines,
    `| ${word('part')} | ${word('actual')} | ${word('wished')} |`,
    '|---|---:|---:|',
    ...MIX_CATEGORIES.map(
      (key) => `| ${word(key)} | ${cell(entry.actual, key)} | ${cell(entry.wished, key)} |`,
    ),
  ];
}

/** Return a wished balance as a Markdown table of the circles in percent. */
export function balanceTable(entry, word, lang) {
  return [
    `| ${word('circle')} | % |`,
    '|---|---:|',
    ...CIRCLES.map(
      (circle) => `| ${word(circle)} | ${number(entry.weights?.[circle] || 0, lang)}% |`,
    ),
  ];
}
