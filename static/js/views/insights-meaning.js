// Insights: what the period says — its takeaway, energy × meaning per circle, circles in relation.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import {
  circlePairs,
  circleRatings,
  followUpQuestion,
  quadrantOf,
  ratingGaps,
  takeaway,
} from '../method/meaning-math.js';
import { questionText } from '../method/question-choice.js';
import { chartFigure, dataTable } from '../ui/charts.js';
import { quadrantChart } from '../ui/charts-meaning.js';
import { formatList, formatNumber } from '../ui/format.js';

const PAIRS_SHOWN = 3;

/** Return a circle's name. */
const circleName = (circle) => t(`circle_${circle}`);

/** Return a section with a heading; id names it for screen readers. */
function section(id, title, ...content) {
  return h(
    'section',
    { className: id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    ...content,
  );
}

/** Return the sentences of a takeaway, in the reader's language. */
function takeawayLines(found, lang) {
  const said = (key, part) =>
    part && t(key, { circle: circleName(part.circle), n: formatNumber(part.value, lang) });
  return [
    said('takeaway_most_energy', found.mostEnergy),
    said('takeaway_costs', found.costs),
    said('takeaway_most_meaning', found.mostMeaning),
    found.unwritten.length
      ? t('takeaway_unwritten', { circles: formatList(found.unwritten.map(circleName), lang) })
      : null,
  ].filter(Boolean);
}

/** Return the period's takeaway in plain words, with a follow-up question on one circle. */
export function takeawaySection(reflections, { lang, bank, today, periodText }) {
  const found = takeaway(reflections);
  if (!found)
    return section(
      'takeaway',
      t('takeaway_title'),
      h('p', { className: 'empty' }, t('takeaway_empty')),
    );
  const question = followUpQuestion(bank, found.askAbout, today);
  return section(
    'takeaway',
    t('takeaway_title'),
    h('p', { className: 'hint' }, t('takeaway_period', { days: periodText })),
    h(
      'ul',
      { className: 'takeaway-list' },
      takeawayLines(found, lang).map((line) => h('li', {}, line)),
    ),
    question
      ? h(
          'div',
          { className: 'follow-up' },
          h(
            'p',
            {},
            h('strong', {}, t('takeaway_question', { circle: circleName(found.askAbout) })),
          ),
          h('p', { className: 'follow-up-question' }, questionText(question, lang)),
        )
      : null,
  );
}

/** Return energy × meaning per circle: which circles give, which cost. */
export function meaningSection(reflections, { lang, periodText }) {
  const rows = circleRatings(reflections).filter(
    (row) => row.energy !== null && row.meaning !== null,
  );
  if (rows.length === 0)
    return section(
      'quadrant',
      t('quadrant_title'),
      h('p', { className: 'empty' }, t('quadrant_empty')),
    );
  const labels = {
    energy: t('energy_name'),
    meaning: t('meaning_name'),
    gives: t('quadrant_gives'),
    costs: t('quadrant_costs'),
  };
  const chart = quadrantChart(
    rows.map((row) => ({ ...row, short: t(`circle_short_${row.circle}`) })),
    labels,
  );
  return section(
    'quadrant',
    t('quadrant_title'),
    chartFigure(
      chart,
      t('quadrant_caption', { days: periodText }),
      dataTable(
        [t('col_circle'), t('energy_name'), t('meaning_name'), t('col_verdict')],
        rows.map((row) => [
          circleName(row.circle),
          formatNumber(row.energy, lang),
          formatNumber(row.meaning, lang),
          t(`quadrant_${quadrantOf(row.energy, row.meaning)}`),
        ]),
      ),
      { tableShown: true },
    ),
  );
}

/** Return which circles go together in one reflection, and where their ratings differ most. */
export function relationsSection(reflections, { lang }) {
  const pairs = circlePairs(reflections).slice(0, PAIRS_SHOWN);
  const gaps = ratingGaps(reflections);
  if (pairs.length === 0 && gaps.length === 0)
    return section(
      'relations',
      t('relations_title'),
      h('p', { className: 'empty' }, t('relations_empty')),
    );
  return section(
    'relations',
    t('relations_title'),
    h(
      'ul',
      {},
      pairs.map((pair) =>
        h(
          'li',
          {},
          t('relations_pair', { a: circleName(pair.a), b: circleName(pair.b), n: pair.count }),
        ),
      ),
      gaps.map((gap) =>
        h(
          'li',
          {},
          t(`relations_gap_${gap.key}`, {
            high: circleName(gap.high),
            low: circleName(gap.low),
            n: formatNumber(gap.gap, lang),
          }),
        ),
      ),
    ),
  );
}
