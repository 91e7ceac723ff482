// Energy and meaning per circle, circles in relation, and the period's takeaway: pure functions.
import { CIRCLES } from './circles.js';
import { average, circleCounts } from './insights-math.js';
import { dailyQuestion } from './question-choice.js';

// The middle of the 1–5 scale: at or above it a circle gives, below it it costs.
const MIDDLE = 3;

/** Return the average of one rating over the entries that have it. */
function ratingAverage(entries, key) {
  return average(entries.filter((entry) => entry[key]).map((entry) => entry[key]));
}

/** Return per circle how often it was written about and its average energy, meaning, engagement. */
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

/** Return the quadrant of an energy and a meaning: gives, costs, or one of the two; null if unrated. */
export function quadrantOf(energy, meaning) {
  if (energy === null || meaning === null) return null;
  if (energy >= MIDDLE) return meaning >= MIDDLE ? 'gives' : 'energy_only';
  return meaning >= MIDDLE ? 'meaning_only' : 'costs';
}

/** Return how often each two circles appear in one reflection, most often first (ties: wheel order). */
export function circlePairs(reflections) {
  const pairs = CIRCLES.flatMap((a, i) => CIRCLES.slice(i + 1).map((b) => ({ a, b, count: 0 })));
  reflections.forEach((entry) =>
    pairs.forEach((pair) => {
      if (entry.circles?.includes(pair.a) && entry.circles.includes(pair.b)) pair.count += 1;
    }),
  );
  return pairs.filter((pair) => pair.count > 0).sort((x, y) => y.count - x.count);
}

/** Return the rated circle highest (or lowest) on key; ties go to the more rated, then wheel order. */
function extreme(rows, key, sign) {
  const rated = rows.filter((row) => row[key] !== null);
  if (rated.length === 0) return null;
  return [...rated].sort((x, y) => sign * (y[key] - x[key]) || y.count - x.count)[0];
}

/** Return, per rating, the circles rated highest and lowest and the gap, when two differ. */
export function ratingGaps(reflections) {
  const rows = circleRatings(reflections);
  return ['energy', 'meaning']
    .map((key) => {
      const high = extreme(rows, key, 1);
      const low = extreme(rows, key, -1);
      if (!high || high.circle === low.circle) return null;
      const gap = Math.round((high[key] - low[key]) * 10) / 10;
      return { key, high: high.circle, low: low.circle, gap };
    })
    .filter((row) => row && row.gap > 0);
}

/**
 * Return what stands out in a period: the circle that gave most energy, the one that cost most,
 * the most meaningful one, the circles not written about, and the circle to ask about next
 * (the first one not written about, else the one that cost most energy, else the least written).
 */
export function takeaway(reflections) {
  if (reflections.length === 0) return null;
  const rows = circleRatings(reflections);
  const counts = circleCounts(reflections);
  const mostEnergy = extreme(rows, 'energy', 1);
  const leastEnergy = extreme(rows, 'energy', -1);
  const mostMeaning = extreme(rows, 'meaning', 1);
  const unwritten = CIRCLES.filter((circle) => counts[circle] === 0);
  const costs = leastEnergy && leastEnergy.energy < MIDDLE ? leastEnergy : null;
  const leastWritten = [...CIRCLES].sort((a, b) => counts[a] - counts[b])[0];
  return {
    mostEnergy: mostEnergy && { circle: mostEnergy.circle, value: mostEnergy.energy },
    costs:
      costs && costs.circle !== mostEnergy.circle
        ? { circle: costs.circle, value: costs.energy }
        : null,
    mostMeaning: mostMeaning && { circle: mostMeaning.circle, value: mostMeaning.meaning },
    unwritten,
    askAbout: unwritten[0] ?? costs?.circle ?? leastWritten,
  };
}

/** Return a question from the bank on a circle, the same all day (null when the bank has none). */
export function followUpQuestion(bank, circle, day) {
  const onCircle = bank.filter((question) => question.circles?.includes(circle));
  return dailyQuestion(onCircle, day, `follow-up|${circle}`);
}
