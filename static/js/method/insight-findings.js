// What Insights finds in a period, as findings that each rest on enough reflections: pure functions.
// A finding names its circles (more than one when they tie), its value and how many ratings it rests on.
import { CIRCLES } from './circles.js';
import { average, circleCounts } from './insights-math.js';

// Fewer reflections than this say nothing yet: no claim rests on one or two.
export const MIN_REFLECTIONS = 3;
// The middle of the 1–5 scale: above it a circle gives, below it it costs, at it neither.
export const MIDDLE = 3;

/**
 * Return per circle the average of one rating and how many reflections have it.
 * @param {Entry[]} reflections
 * @param {string} key
 */
export function ratedCircles(reflections, key) {
  return CIRCLES.map((circle) => {
    const values = reflections
      .filter((entry) => entry[key] && entry.circles?.includes(circle))
      .map((entry) => entry[key]);
    return { circle, value: average(values), count: values.length };
  });
}

/**
 * Return the circles rated on key often enough to say something about.
 * @param {Entry[]} reflections
 * @param {string} key
 */
function enoughRated(reflections, key) {
  // Rated in enough reflections: each has its average.
  const rated = ratedCircles(reflections, key).filter((row) => row.count >= MIN_REFLECTIONS);
  return /** @type {RatedCircle[]} */ (rated);
}

/**
 * Return how many reflections rated on one of keys touch one of circles (each counted once).
 * @param {Entry[]} reflections
 * @param {string[]} keys
 * @param {string[]} circles
 */
function restsOn(reflections, keys, circles) {
  return reflections.filter(
    (entry) =>
      keys.some((key) => entry[key]) && entry.circles?.some((circle) => circles.includes(circle)),
  ).length;
}

/**
 * Return the rows of the highest (sign 1) or lowest (sign -1) value, ties together, as a finding.
 * @param {string} kind
 * @param {RatedCircle[]} rows
 * @param {1 | -1} sign
 * @param {{ reflections: Entry[], key: string, compared: boolean }} context
 * @returns {Finding}
 */
function extremeFinding(kind, rows, sign, { reflections, key, compared }) {
  const best = sign * Math.max(...rows.map((row) => sign * row.value));
  const circles = rows.filter((row) => row.value === best).map((row) => row.circle);
  return {
    kind,
    circles,
    value: best,
    count: restsOn(reflections, [key], circles),
    form: !compared ? 'one' : circles.length > 1 ? 'tie' : 'most',
  };
}

/**
 * Return what energy says: which circles give most (above 3) and cost most (below 3), or neither.
 * @param {RatedCircle[]} rated
 * @param {Entry[]} reflections
 * @returns {Finding[]}
 */
function energyFindings(rated, reflections) {
  if (rated.length === 0) return [];
  const context = { reflections, key: 'energy', compared: rated.length > 1 };
  const above = rated.filter((row) => row.value > MIDDLE);
  const below = rated.filter((row) => row.value < MIDDLE);
  const found = [];
  if (above.length) found.push(extremeFinding('gives', above, 1, context));
  if (below.length) found.push(extremeFinding('costs', below, -1, context));
  if (found.length) return found;
  // Every circle said sits at 3: the middle, neither given nor cost.
  const circles = rated.map((row) => row.circle);
  const count = restsOn(reflections, ['energy'], circles);
  return [{ kind: 'middle', circles, value: MIDDLE, count, form: 'one' }];
}

/**
 * Return what meaning says: the most meaningful circles (above 3).
 * @param {RatedCircle[]} rated
 * @param {Entry[]} reflections
 * @returns {Finding[]}
 */
function meaningFindings(rated, reflections) {
  const above = rated.filter((row) => row.value > MIDDLE);
  const context = { reflections, key: 'meaning', compared: rated.length > 1 };
  return above.length ? [extremeFinding('meaning', above, 1, context)] : [];
}

/**
 * Return the circles that felt meaningful (above 3) but cost energy (below 3), one by one.
 * @param {RatedCircle[]} energy
 * @param {RatedCircle[]} meaning
 * @param {Entry[]} reflections
 * @returns {Finding[]}
 */
function tiringFindings(energy, meaning, reflections) {
  return energy
    .filter((row) => row.value < MIDDLE)
    .map((row) => ({ row, sense: meaning.find((other) => other.circle === row.circle) }))
    .filter(({ sense }) => sense && sense.value > MIDDLE)
    .map(({ row, sense }) => ({
      kind: 'tiring',
      circles: [row.circle],
      value: row.value,
      meaning: /** @type {RatedCircle} */ (sense).value,
      count: restsOn(reflections, ['energy', 'meaning'], [row.circle]),
      form: 'one',
    }));
}

/**
 * Return what stands out in a period's reflections: { count, findings }. With fewer than three
 * reflections there are no findings; a rating speaks for a circle from three rated reflections on.
 * @param {Entry[]} reflections
 * @returns {{ count: number, findings: Finding[], rated: boolean }}
 */
export function periodFindings(reflections) {
  const count = reflections.length;
  if (count < MIN_REFLECTIONS) return { count, findings: [], rated: false };
  const energy = enoughRated(reflections, 'energy');
  const meaning = enoughRated(reflections, 'meaning');
  const counts = circleCounts(reflections);
  const unwritten = CIRCLES.filter((circle) => counts[circle] === 0);
  const findings = [
    ...energyFindings(energy, reflections),
    ...meaningFindings(meaning, reflections),
    ...tiringFindings(energy, meaning, reflections),
  ];
  if (unwritten.length)
    findings.push({ kind: 'unwritten', circles: unwritten, value: null, count, form: 'one' });
  return { count, findings, rated: energy.length > 0 || meaning.length > 0 };
}
