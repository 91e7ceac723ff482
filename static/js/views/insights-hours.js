// Insights: the eigen mix week by week, in hours of your own week, and what one day less would do.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { MIX_PARTS } from '../method/circles.js';
import { weekMonday } from '../method/day-math.js';
import { mixByWeek } from '../method/insights-math.js';
import { latestMixWithHours, mixHours, oneDayLess } from '../method/hours-mix.js';
import { chartFigure, dataTable, stackedPairsChart } from '../ui/charts.js';
import { formatNumber, formatShortDay } from '../ui/format.js';
import { mixButton } from './eigen-mix.js';

const MIX_WEEKS_SHOWN = 8;

/** Return a coloured square for a legend. */
export function swatch(className) {
  return h('span', { className: `swatch ${className}`, 'aria-hidden': 'true' });
}

/** Return the chart and table of the mix week by week, as it was and as wished. */
function weeksChart(weeks, lang) {
  const weekLabel = (mix) => t('week_of', { day: formatShortDay(weekMonday(mix.week), lang) });
  return chartFigure(
    stackedPairsChart(
      weeks.map((mix) => ({ label: weekLabel(mix), top: mix.actual, bottom: mix.wished })),
      MIX_PARTS,
    ),
    t('mix_caption'),
    dataTable(
      [t('col_week'), t('col_share'), t('mix_actual'), t('mix_wished')],
      weeks.flatMap((mix) =>
        MIX_PARTS.map((key) => [
          weekLabel(mix),
          t(`mix_${key}`),
          `${mix.actual?.[key] ?? 0}%`,
          `${mix.wished?.[key] ?? 0}%`,
        ]),
      ),
    ),
  );
}

/** Return the newest week in hours, and the "what if" of one day less of paid work. */
function hoursPart(mixes, lang) {
  const mix = latestMixWithHours(mixes);
  if (!mix) return h('p', { className: 'empty' }, t('hours_empty'));
  const hours = (value) => t('hours_value', { n: formatNumber(value, lang) });
  const wished = mixHours(mix.wished, mix.hours_per_week);
  const whatIf = oneDayLess(mix);
  const headers = [t('col_share'), t('mix_actual'), t('mix_wished')];
  if (whatIf) headers.push(t('col_day_less'));
  return h(
    'div',
    { className: 'hours' },
    h('h3', {}, t('hours_title', { n: formatNumber(mix.hours_per_week, lang) })),
    whatIf
      ? h('p', { className: 'what-if' }, t('what_if', { n: formatNumber(whatIf.freed, lang) }))
      : null,
    dataTable(
      headers,
      MIX_PARTS.map((key) => [
        t(`mix_${key}`),
        hours(mixHours(mix.actual, mix.hours_per_week)[key]),
        hours(wished[key]),
        ...(whatIf ? [hours(whatIf.after[key])] : []),
      ]),
    ),
  );
}

/** Return the eigen mix section: weeks, hours, the "what if", and a way to fill it in. */
export function mixSection(mixes, today, lang, redraw) {
  const weeks = mixByWeek(mixes).slice(-MIX_WEEKS_SHOWN);
  const legend = h(
    'ul',
    { className: 'legend-list' },
    MIX_PARTS.map((key) => h('li', {}, swatch(`fill-mix-${key}`), t(`mix_${key}`))),
  );
  return h(
    'section',
    { 'aria-labelledby': 'mix-title' },
    h('h2', { id: 'mix-title' }, t('mix_title')),
    weeks.length
      ? [legend, weeksChart(weeks, lang), hoursPart(mixes, lang)]
      : h('p', { className: 'empty' }, t('mix_empty')),
    mixButton(t('mix_fill_in'), { mixes, today, onSaved: redraw }),
  );
}
