// Insights: the longer life course, the last twelve months at a glance.
import { t } from '../i18n/i18n.js';
import { yearMonths } from '../method/life-course.js';
import { chartFigure, dataTable } from '../ui/charts.js';
import { yearChart } from '../ui/charts-meaning.js';
import { formatMonth, formatNumber } from '../ui/format.js';
import { emptySection, insightSection } from './insight-section.js';

/** Return the year view from per-day totals: days written per month, reflections and ratings. */
export function yearSection(totals, today, lang) {
  const months = yearMonths(totals, today);
  if (months.every((month) => month.days === 0)) return emptySection('year');
  return insightSection(
    'year',
    chartFigure(
      yearChart(months, (month) => formatMonth(month, lang).replace('.', '').slice(0, 3)),
      t('year_caption', {
        from: formatMonth(months[0].month, lang, { long: true }),
        to: formatMonth(months[11].month, lang, { long: true }),
      }),
      dataTable(
        [t('col_month'), t('col_days'), t('col_reflections'), t('energy_name'), t('meaning_name')],
        months.map((month) => [
          formatMonth(month.month, lang, { year: true }),
          month.days,
          month.reflections,
          formatNumber(month.energy, lang),
          formatNumber(month.meaning, lang),
        ]),
      ),
    ),
  );
}
