// Energy × meaning per circle: a numbered dot per place, its circles named in a legend below the
// drawing, so names never collide on a phone; circles at one place share one dot with their count.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { drawing, s } from './charts.js';

const WIDTH = 300;
const HEIGHT = 318;
// Base sizes at 100% text; the drawing's words grow with the reader's text size, up to twice.
const AXIS = 11;
const RADIUS = 10;

/** Return how much larger than 16 px the page's text is, between 1 and 2. */
export function textScale() {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.min(2, Math.max(1, rem / 16));
}

/**
 * Group rows whose dots would cover each other (closer than a dot's width) into one place each,
 * in the order given; return [{ x, y, rows }].
 */
export function places(rows, position, minDistance) {
  const found = [];
  for (const row of rows) {
    const [x, y] = position(row);
    const near = found.find((place) => Math.hypot(place.x - x, place.y - y) < minDistance);
    if (near) near.rows.push(row);
    else found.push({ x, y, rows: [row] });
  }
  return found;
}

/** Return the grid, its numbers and its words (the axes and the two corners). */
function grid(x, y, labels, { size, radius }) {
  const line = (v, attributes) => s('line', { ...attributes, class: v === 3 ? 'mid' : 'grid' });
  return [
    [1, 2, 3, 4, 5].map((v) =>
      s(
        'g',
        {},
        line(v, { x1: x(v), x2: x(v), y1: y(1), y2: y(5) }),
        line(v, { x1: x(1), x2: x(5), y1: y(v), y2: y(v) }),
        s('text', { x: x(v), y: y(1) + radius + size, class: 'axis', 'text-anchor': 'middle' }, v),
        s('text', { x: 2, y: y(v) + size * 0.35, class: 'axis' }, String(v)),
      ),
    ),
    s(
      'text',
      { x: x(5), y: HEIGHT - 4, class: 'axis', 'text-anchor': 'end' },
      `${labels.energy} →`,
    ),
    s('text', { x: x(1), y: size, class: 'axis' }, `↑ ${labels.meaning}`),
    // The corners' words sit outside the grid, on the axes' lines, where no dot can cover them.
    s('text', { x: x(5), y: size, class: 'corner', 'text-anchor': 'end' }, `${labels.gives} ↗`),
    s('text', { x: x(1), y: HEIGHT - 4, class: 'corner' }, `↙ ${labels.costs}`),
  ];
}

/** Draw one place: its dot in its circle's colour (neutral when shared) with its number inside. */
function dot(place, key, { radius, size }) {
  const shared = place.rows.length > 1;
  return s(
    'g',
    { class: shared ? 'place shared' : 'place' },
    s('circle', {
      cx: place.x,
      cy: place.y,
      r: radius,
      class: shared ? 'dot-shared' : `fill-${place.rows[0].circle}`,
    }),
    s(
      'text',
      { x: place.x, y: place.y + size * 0.36, class: 'dot-key', 'text-anchor': 'middle' },
      String(key),
    ),
  );
}

/** Return the legend: per numbered place its circles' names, with a count where they share it. */
function legend(found) {
  return h(
    'ol',
    { className: 'quadrant-legend', 'aria-hidden': 'true' },
    found.map((place, i) =>
      h(
        'li',
        {},
        h('span', { className: 'quadrant-key' }, String(i + 1)),
        ...place.rows.map((row) =>
          h(
            'span',
            { className: 'quadrant-name' },
            h('span', { className: `swatch fill-${row.circle}` }),
            t(`circle_${row.circle}`),
          ),
        ),
        place.rows.length > 1
          ? h('span', { className: 'hint' }, t('quadrant_same_place', { n: place.rows.length }))
          : null,
      ),
    ),
  );
}

/**
 * Draw energy (across) against meaning (up), 1–5, with a numbered dot per place and a legend; the
 * middle lines split what gives from what costs. labels: { energy, meaning, gives, costs }.
 */
export function quadrantChart(rows, labels) {
  const scale = textScale();
  const size = AXIS * scale;
  const radius = RADIUS * scale;
  // Room for a dot at the edges, and beyond it the axes' numbers and words.
  const left = 6 + size;
  const top = 4 + size * 1.4 + radius;
  const bottom = 6 + size * 2.6 + radius;
  const x = (value) => left + radius + ((value - 1) * (WIDTH - left - 2 * radius - 4)) / 4;
  const y = (value) => top + ((5 - value) * (HEIGHT - bottom - top)) / 4;
  const found = places(rows, (row) => [x(row.energy), y(row.meaning)], radius * 1.6);
  const svg = drawing(
    WIDTH,
    HEIGHT,
    grid(x, y, labels, { size, radius }),
    found.map((place, i) => dot(place, i + 1, { radius, size })),
  );
  svg.style.setProperty('--chart-text', `${size}px`);
  return h('div', { className: 'quadrant-drawing' }, svg, legend(found));
}
