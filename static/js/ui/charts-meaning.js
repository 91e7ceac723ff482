// Charts of meaning: energy × meaning per circle, months of a year, and written against wished.
import { drawing, s } from './charts.js';

/**
 * Draw energy (across) against meaning (up), 1–5, with a dot per circle; the middle lines split
 * what gives from what costs. labels: { energy, meaning, gives, costs } axis and corner words.
 */
export function quadrantChart(rows, labels) {
  const width = 300;
  const height = 318;
  const left = 28;
  const top = 24;
  const bottom = 40;
  const x = (value) => left + ((value - 1) * (width - left - 12)) / 4;
  const y = (value) => top + ((5 - value) * (height - bottom - top)) / 4;
  const line = (v, attributes) => s('line', { ...attributes, class: v === 3 ? 'mid' : 'grid' });
  return drawing(
    width,
    height,
    [1, 2, 3, 4, 5].map((v) =>
      s(
        'g',
        {},
        line(v, { x1: x(v), x2: x(v), y1: y(1), y2: y(5) }),
        line(v, { x1: x(1), x2: x(5), y1: y(v), y2: y(v) }),
        s('text', { x: x(v), y: y(1) + 16, class: 'axis', 'text-anchor': 'middle' }, String(v)),
        s('text', { x: 4, y: y(v) + 4, class: 'axis' }, String(v)),
      ),
    ),
    s(
      'text',
      { x: x(5), y: height - 4, class: 'axis', 'text-anchor': 'end' },
      `${labels.energy} →`,
    ),
    s('text', { x: left, y: 12, class: 'axis' }, `↑ ${labels.meaning}`),
    s('text', { x: x(5) - 4, y: y(5) + 16, class: 'corner', 'text-anchor': 'end' }, labels.gives),
    s('text', { x: x(1) + 4, y: y(1) - 6, class: 'corner' }, labels.costs),
    rows.map((row) => dot(row, x(row.energy), y(row.meaning))),
  );
}

/** Draw one circle's dot with its name beside it, kept inside the chart near the edges. */
function dot(row, cx, cy) {
  const anchor = row.energy <= 1.6 ? 'start' : row.energy >= 4.4 ? 'end' : 'middle';
  const shift = { start: -8, middle: 0, end: 8 }[anchor];
  const labelY = row.meaning >= 4.4 ? cy + 26 : cy - 14;
  return s(
    'g',
    {},
    s('circle', { cx, cy, r: 9, class: `fill-${row.circle}` }),
    s('text', { x: cx + shift, y: labelY, class: 'label', 'text-anchor': anchor }, row.short),
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
