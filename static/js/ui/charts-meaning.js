// Charts of meaning: energy × meaning per circle, months of a year, and written against wished.
import { drawing, s } from './charts.js';
import { t } from '../i18n/i18n.js';
import { quadrantChart } from './charts-quadrant.js';

/** Return energy × meaning per circle as a chart in the reader's words, a dot per row. */
export function circleQuadrantChart(rows) {
  const labels = {
    energy: t('energy_name'),
    meaning: t('meaning_name'),
    gives: t('quadrant_gives'),
    costs: t('quadrant_costs'),
  };
  return quadrantChart(
    rows.map((row) => ({ ...row, short: t(`circle_short_${row.circle}`) })),
    labels,
  );
}

/** Draw a bar per month of the days written (0–31), each with its month's short name below. */
export function yearChart(months, monthLabel) {
  const width = 320;
  const height = 150;
  const step = width / months.length;
  const barTop = 18;
  const barHeight = height - barTop - 22;
  return drawing(
    width,
    height,
    s('line', { x1: 0, x2: width, y1: barTop + barHeight, y2: barTop + barHeight, class: 'grid' }),
    months.map((month, i) => {
      const h = (barHeight * month.days) / 31;
      const cx = i * step + step / 2;
      return s(
        'g',
        {},
        month.days
          ? s('rect', {
              x: i * step + 4,
              y: barTop + barHeight - h,
              width: step - 8,
              height: h,
              rx: 3,
              class: 'bar',
            })
          : null,
        month.days
          ? s(
              'text',
              { x: cx, y: barTop + barHeight - h - 4, class: 'axis', 'text-anchor': 'middle' },
              String(month.days),
            )
          : null,
        s(
          'text',
          { x: cx, y: height - 6, class: 'axis', 'text-anchor': 'middle' },
          monthLabel(month.month),
        ),
      );
    }),
  );
}

/** Draw per circle two bars, as written (filled) and as wished (outlined), 0–100%. */
export function writtenWishedChart(rows) {
  const width = 320;
  const rowHeight = 50;
  const bar = (value) => Math.max(0, (width * value) / 100);
  return drawing(
    width,
    rows.length * rowHeight,
    rows.map((row, i) =>
      s(
        'g',
        {},
        s('text', { x: 0, y: i * rowHeight + 13, class: 'label' }, row.label),
        s('rect', { x: 0, y: i * rowHeight + 18, width: width, height: 10, rx: 5, class: 'track' }),
        row.written
          ? s('rect', {
              x: 0,
              y: i * rowHeight + 18,
              width: bar(row.written),
              height: 10,
              rx: 5,
              class: `fill-${row.circle}`,
            })
          : null,
        s('rect', {
          x: 1,
          y: i * rowHeight + 32,
          width: Math.max(2, bar(row.wished) - 2),
          height: 8,
          rx: 4,
          class: `wish stroke-${row.circle}`,
        }),
      ),
    ),
  );
}
