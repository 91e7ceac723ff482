// Energy and meaning per circle, and circles in relation: pure functions.
import { CIRCLES } from './circles.js';
import { average } from './insights-math.js';
import { MIDDLE, MIN_REFLECTIONS, ratedCircles } from './insight-findings.js';

/**
 * Return the average of one rating over the entries that have it.
 * @param {Entry[]} entries
 * @param {string} key
 */
function ratingAverage(entries, key) {
  return average(entries.filter((entry) => entry[key]).map((entry) => entry[key]));
}

/**
 * Return per circle how often it was written about and its average energy, meaning, engagement.
 * @param {Entry[]} reflections
 */
export function circleRatings(reflections) {
  return CIRCLES.map((circle) => {
    const inCircle = reflections.filter((entry) => entry.circles?.includes(circle));
    return {
      circle,
      count: inCircle.length,
      energy: ratingAverage(inCircle, 'energy'),
      meaning: ratingAverage(inCircle, 'meaning'),
      engagement: ratingAverage(inCircle, 'engagement'),
    };
  });
}

/**
 * Return the quadrant of an energy and a meaning: gives, costs, or one of the two; "middle" when
 * either sits at 3, which is neither; null if unrated.
 * @param {number | null} energy
 * @param {number | null} meaning
 */
export function quadrantOf(energy, meaning) {
  if (energy === null || meaning === null) return null;
  if (energy === MIDDLE || meaning === MIDDLE) return 'middle';
  if (energy > MIDDLE) return meaning > MIDDLE ? 'gives' : 'energy_only';
  return meaning > MIDDLE ? 'meaning_only' : 'costs';
}

/**
 * Return how often each two circles appear in one reflection, most often first (ties: wheel order).
 * @param {Entry[]} reflections
 */
export function circlePairs(reflections) {
  const pairs = CIRCLES.flatMap((a, i) => CIRCLES.slice(i + 1).map((b) => ({ a, b, count: 0 })));
  reflections.forEach((entry) =>
    pairs.forEach((pair) => {
      if (entry.circles?.includes(pair.a) && entry.circles.includes(pair.b)) pair.count += 1;
    }),
  );
  return pairs.filter((pair) => pair.count > 0).sort((x, y) => y.count - x.count);
}

/**
 * Return, per rating, the circles rated highest and lowest (ties together) and the gap.
 * @param {Entry[]} reflections
 */
export function ratingGaps(reflections) {
  return ['energy', 'meaning']
    .map((key) => {
      const rated = ratedCircles(reflections, key).filter((row) => row.count >= MIN_REFLECTIONS);
      if (rated.length < 2) return null;
      // Rated often enough: each has its average.
      const values = /** @type {number[]} */ (rated.map((row) => row.value));
      const [top, bottom] = [Math.max(...values), Math.min(...values)];
      const circlesAt = (/** @type {number} */ value) =>
        rated.filter((row) => row.value === value).map((row) => row.circle);
      const gap = Math.round((top - bottom) * 10) / 10;
      return { key, high: circlesAt(top), low: circlesAt(bottom), gap };
    })
    .filter((row) => row && row.gap > 0);
}
