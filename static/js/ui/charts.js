// Small SVG charts; each comes with a caption and a table, so a screen reader gets the numbers.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element; attributes are set one by one (never as markup, for the CSP). */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children.flat(Infinity).filter(Boolean));
  return element;
}

/** Return an SVG drawing that screen readers skip (the table beside it says the same). */
export function drawing(width, height, ...children) {
  return s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      class: 'chart',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ...children,
  );
}

// A dot per day up to a month; beyond that they would overlap into a smear (under 9 px apart).
const MAX_DOTS = 31;

/** Return a table with a header row, in a box that scrolls sideways when its words do not fit. */
export function dataTable(headers, rows) {
  const table = h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((header) => h('th', { scope: 'col' }, header)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map(([first, ...rest]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, first),
          rest.map((cell) => h('td', {}, String(cell))),
        ),
      ),
    ),
  );
  // Focusable, so a keyboard can scroll it too.
  return h('div', { className: 'table-scroll', tabindex: '0' }, table);
}

/**
 * Return a figure: the drawing, its caption and its numbers as a table (folded away, or shown).
 * table may be a function: a folded table is then made when first opened (a year has 365 rows).
 */
export function chartFigure(svg, caption, table, { tableShown = false } = {}) {
  const lazy = typeof table === 'function';
  let shown = tableShown ? (lazy ? table() : table) : null;
  if (!tableShown) {
    shown = h('details', {}, h('summary', {}, t('show_table')), lazy ? null : table);
    shown.addEventListener('toggle', () => {
      if (lazy && shown.open && shown.childElementCount === 1) shown.append(table());
    });
  }
  return h('figure', { className: 'chart-figure' }, svg, h('figcaption', {}, caption), shown);
}

/** Return a point at an angle (degrees, 0 = up) and radius around a centre. */
function polar(cx, cy, radius, degrees) {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return [cx + radius * Math.cos(radians), cy + radius * Math.sin(radians)];
}

/** Return the path of a pie slice. */
function slice(cx, cy, radius, from, to) {
  const [x1, y1] = polar(cx, cy, radius, from);
  const [x2, y2] = polar(cx, cy, radius, to);
  return `M${cx} ${cy}L${x1.toFixed(1)} ${y1.toFixed(1)}A${radius} ${radius} 0 0 1 ${x2.toFixed(1)} ${y2.toFixed(1)}Z`;
}

/** Draw a balance wheel: one slice per key, its length in proportion to the largest value. */
export function wheelChart(values) {
  const keys = Object.keys(values);
  const max = Math.max(1, ...Object.values(values));
  const size = 240;
  const c = size / 2;
  const full = c - 6;
  const step = 360 / keys.length;
  return drawing(
    size,
    size,
    [0.25, 0.5, 0.75, 1].map((part) =>
      s('circle', { cx: c, cy: c, r: full * part, class: 'grid' }),
    ),
    keys.map((key, i) => {
      const radius = values[key] ? 14 + (full - 14) * (values[key] / max) : 0;
      const [x, y] = polar(c, c, Math.max(radius - 16, full * 0.3), i * step + step / 2);
      return s(
        'g',
        {},
        radius
          ? s('path', {
              d: slice(c, c, radius, i * step + 1, (i + 1) * step - 1),
              class: `fill-${key}`,
            })
          : null,
        s(
          'text',
          { x: x.toFixed(1), y: (y + 5).toFixed(1), class: 'value', 'text-anchor': 'middle' },
          String(values[key]),
        ),
      );
    }),
  );
}

/** Draw values 1–5 over the days of a period, as a line with dots; dated below by dayLabel(day). */
export function energyLineChart(points, days, dayLabel) {
  const width = 320;
  const height = 176;
  const left = 24;
  const position = new Map(days.map((day, index) => [day, index]));
  const x = (day) =>
    left + ((width - left - 8) * (position.get(day) ?? 0)) / Math.max(1, days.length - 1);
  const y = (value) => 12 + ((5 - value) * (height - 48)) / 4;
  const coordinates = points.map(
    (point) => `${x(point.day).toFixed(1)},${y(point.average).toFixed(1)}`,
  );
  return drawing(
    width,
    height,
    [1, 2, 3, 4, 5].map((value) =>
      s(
        'g',
        {},
        s('line', { x1: left, x2: width - 4, y1: y(value), y2: y(value), class: 'grid' }),
        s('text', { x: 4, y: y(value) + 4, class: 'axis' }, String(value)),
      ),
    ),
    [days[0], days.at(-1)].map((day, i) =>
      s(
        'text',
        {
          x: i ? width - 4 : left,
          y: height - 4,
          class: 'axis',
          'text-anchor': i ? 'end' : 'start',
        },
        dayLabel(day),
      ),
    ),
    points.length > 1 ? s('polyline', { points: coordinates.join(' '), class: 'line' }) : null,
    (points.length <= MAX_DOTS ? points : []).map((point) =>
      s('circle', {
        cx: x(point.day).toFixed(1),
        cy: y(point.average).toFixed(1),
        r: 4,
        class: 'dot',
      }),
    ),
  );
}

/** Draw labelled horizontal bars of values from 0 to max; format writes a value (a dash for none). */
export function barChart(rows, max, format = (value) => String(value ?? '–')) {
  const width = 320;
  const rowHeight = 40;
  return drawing(
    width,
    rows.length * rowHeight,
    rows.map(({ key, label, value }, i) =>
      s(
        'g',
        {},
        s('text', { x: 0, y: i * rowHeight + 14, class: 'label' }, `${label}: ${format(value)}`),
        s('rect', { x: 0, y: i * rowHeight + 20, width: width, height: 12, rx: 6, class: 'track' }),
        value
          ? s('rect', {
              x: 0,
              y: i * rowHeight + 20,
              width: (width * value) / max,
              height: 12,
              rx: 6,
              class: `fill-${key}`,
            })
          : null,
      ),
    ),
  );
}

/** Draw pairs of 100% bars (as it was, as wished) per row, split in coloured shares. */
export function stackedPairsChart(rows, keys) {
  const width = 320;
  const rowHeight = 62;
  const bar = (shares, y) => {
    let x = 0;
    return keys.map((key) => {
      const w = (width * (shares?.[key] ?? 0)) / 100;
      const rect =
        w > 0
          ? s('rect', {
              x: x.toFixed(1),
              y,
              width: w.toFixed(1),
              height: 16,
              class: `fill-mix-${key}`,
            })
          : null;
      x += w;
      return rect;
    });
  };
  return drawing(
    width,
    rows.length * rowHeight,
    rows.map(({ label, top, bottom }, i) =>
      s(
        'g',
        {},
        s('text', { x: 0, y: i * rowHeight + 12, class: 'label' }, label),
        bar(top, i * rowHeight + 18),
        bar(bottom, i * rowHeight + 38),
      ),
    ),
  );
}
