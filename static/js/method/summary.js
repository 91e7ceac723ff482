// The "since last time" summary of a period in Markdown, to copy or share with a guide.
import { CIRCLES, MIX_PARTS } from './circles.js';
import { circleCounts, mixByWeek } from './insights-math.js';
import { aboutCircles } from './insight-words.js';
import { formatDay, formatTime } from './dates.js';
import { weekMonday } from './day-math.js';

/**
 * Return one reflection as a Markdown list item; its text is indented to stay inside the item.
 * @param {Reflection} entry
 * @param {string} lang
 * @param {Translate} t
 */
function reflectionItem(entry, lang, t) {
  const meta = [
    ...entry.circles.map((circle) => t(`circle_${circle}`)),
    ...['energy', 'meaning', 'engagement'].map((key) =>
      entry[key] ? t(`${key}_value`, { n: entry[key] }) : null,
    ),
  ].filter(Boolean);
  const lines = [
    `- **${formatTime(entry.created_at, lang)} · ${entry.question_text || t('fallback_question')}**`,
    ...entry.text
      .trim()
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  if (meta.length) lines.push(`  _${meta.join(' · ')}_`);
  return lines.join('\n');
}

/**
 * Return the wheel in words: the count per circle, most and least (ties together).
 * @param {Entry[]} reflections
 * @param {string} lang
 * @param {Translate} t
 */
function wheelInWords(reflections, lang, t) {
  const counts = circleCounts(reflections);
  const values = Object.values(counts);
  const [most, least] = [Math.max(...values), Math.min(...values)];
  const about = (/** @type {number} */ count) =>
    aboutCircles(
      t,
      lang,
      CIRCLES.filter((circle) => counts[circle] === count),
    );
  const lines = CIRCLES.map((circle) => `- ${t(`circle_${circle}`)}: ${counts[circle]}`);
  if (most > least) {
    lines.push('', t('summary_most_least', { most: about(most), least: about(least) }));
  }
  return lines;
}

/**
 * Return a mix as a small Markdown table, in percent and, with a week total, in hours.
 * @param {MixEntry} mix
 * @param {string} lang
 * @param {Translate} t
 */
function mixTable(mix, lang, t) {
  const hours = mix.hours_per_week;
  const number = (/** @type {number} */ value) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  const cell = (
    /** @type {Record<string, number> | undefined} */ shares,
    /** @type {string} */ key,
  ) => {
    const share = shares?.[key] ?? 0;
    return hours
      ? `${share}% · ${t('hours_value', { n: number((share * hours) / 100) })}`
      : `${share}%`;
  };
  return [
    ...(hours ? [t('hours_title', { n: number(hours) }), ''] : []),
    `| ${t('col_share')} | ${t('mix_actual')} | ${t('mix_wished')} |`,
    '|---|---:|---:|',
    ...MIX_PARTS.map(
      (key) => `| ${t(`mix_${key}`)} | ${cell(mix.actual, key)} | ${cell(mix.wished, key)} |`,
    ),
  ];
}

/**
 * Return the Markdown summary of the reflections and eigen mix check-ins from one day to another.
 * @param {{ reflections: Reflection[], mixes: MixEntry[], from: string, to: string, lang: string, t: Translate }} period
 */
export function summaryMarkdown({ reflections, mixes, from, to, lang, t }) {
  const inPeriod = (/** @type {Entry} */ entry) => entry.day >= from && entry.day <= to;
  const chosen = reflections
    .filter(inPeriod)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  const lines = [
    `# ${t('summary_heading', { from: formatDay(from, lang), to: formatDay(to, lang) })}`,
    '',
  ];

  lines.push(`## ${t('summary_reflections', { n: chosen.length })}`, '');
  /** @type {string | null} */
  let day = null;
  chosen.forEach((entry) => {
    if (entry.day !== day) {
      day = entry.day;
      lines.push(`### ${formatDay(day, lang)}`, '');
    }
    lines.push(reflectionItem(entry, lang, t), '');
  });

  lines.push(`## ${t('wheel_title')}`, '', ...wheelInWords(chosen, lang, t), '');

  const weeks = mixByWeek(mixes.filter(inPeriod));
  lines.push(`## ${t('mix_title')}`, '');
  if (weeks.length === 0) lines.push(t('summary_no_mix'));
  weeks.forEach((mix) => {
    lines.push(
      `### ${t('week_of', { day: formatDay(weekMonday(mix.week), lang) })}`,
      '',
      ...mixTable(mix, lang, t),
      '',
    );
  });
  return `${lines.join('\n').trim()}\n`;
}
