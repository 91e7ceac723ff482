// Insights: what the period says — what stands out, energy × meaning per circle, circles in relation.
import { h } from '../ui/dom.js';
import { t, tn } from '../i18n/i18n.js';
import { INSIGHT_TEXTS } from '../i18n/texts-insights.js';
import { circlePairs, circleRatings, quadrantOf, ratingGaps } from '../method/meaning-math.js';
import { periodFindings } from '../method/insight-findings.js';
import { aboutCircles, findingWords, quietWords } from '../method/insight-words.js';
import { chartFigure, dataTable } from '../ui/charts.js';
import { circleQuadrantChart } from '../ui/charts-meaning.js';
import { emptySection, insightSection } from './insight-section.js';
import { formatNumber } from '../ui/format.js';

const PAIRS_SHOWN = 3;

/** Return a circle's name. */
const circleName = (circle) => t(`circle_${circle}`);

/** Return circles as they read after "about" in a sentence, each with its own "over"/"about". */
const about = (circles, lang) => aboutCircles(t, lang, circles);

/** Return one finding as a list item: what was seen, then the question that follows from it. */
function findingItem(finding, lang) {
  const { observation, question } = findingWords(finding, INSIGHT_TEXTS[lang], lang);
  return h(
    'li',
    { className: 'finding' },
    h('p', {}, observation),
    h('p', { className: 'follow-up-question' }, question),
  );
}

/** Return what stands out in the period: each finding an observation and a question. */
export function takeawaySection(reflections, { lang, periodText }) {
  const found = periodFindings(reflections);
  const quiet = quietWords(found, INSIGHT_TEXTS[lang], lang);
  return insightSection(
    'takeaway',
    found.findings.length
      ? h('p', { className: 'hint' }, t('takeaway_period', { days: periodText }))
      : null,
    quiet ? h('p', { className: 'empty' }, quiet) : null,
    found.findings.length
      ? h(
          'ul',
          { className: 'takeaway-list' },
          found.findings.map((finding) => findingItem(finding, lang)),
        )
      : null,
  );
}

/** Return energy × meaning per circle: which circles give, which cost. */
export function meaningSection(reflections, { lang, periodText }) {
  const rows = circleRatings(reflections).filter(
    (row) => row.energy !== null && row.meaning !== null,
  );
  if (rows.length === 0) return emptySection('quadrant');
  const chart = circleQuadrantChart(rows);
  return insightSection(
    'quadrant',
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
  if (pairs.length === 0 && gaps.length === 0) return emptySection('relations');
  return insightSection(
    'relations',
    h(
      'ul',
      {},
      pairs.map((pair) =>
        h('li', {}, tn('relations_pair', pair.count, { both: about([pair.a, pair.b], lang) })),
      ),
      gaps.map((gap) =>
        h(
          'li',
          {},
          t(`relations_gap_${gap.key}`, {
            high: about(gap.high, lang),
            low: about(gap.low, lang),
            n: formatNumber(gap.gap, lang),
          }),
        ),
      ),
    ),
  );
}
