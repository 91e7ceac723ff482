// The eigen mix's arithmetic: shares of a week that always add up to 100%.

export const MIX_STEP = 5;
// Where a first check-in starts: roughly a working week's waking hours, for the user to move.
export const FIRST_MIX = { paid: 40, care: 15, volunteering: 5, learning: 10, rest: 30 };

/**
 * Set one share to value and spread the rest over the others in proportion to what they had,
 * in steps of MIX_STEP, so the shares still add up to 100.
 * @param {number[]} shares
 * @param {number} index
 * @param {number} value
 */
export function rebalance(shares, index, value) {
  const units = 100 / MIX_STEP;
  const own = Math.min(units, Math.max(0, Math.round(value / MIX_STEP)));
  const others = shares.map((_, i) => i).filter((i) => i !== index);
  const oldSum = others.reduce((sum, i) => sum + shares[i], 0);
  const left = units - own;
  const exact = others.map((i) =>
    oldSum > 0 ? (shares[i] / oldSum) * left : left / others.length,
  );
  const result = shares.map(() => 0);
  result[index] = own;
  others.forEach((i, k) => {
    result[i] = Math.floor(exact[k]);
  });
  let missing = left - others.reduce((sum, i) => sum + result[i], 0);
  // Largest remainders first; ties go to the earlier share, so the result is stable.
  const byRemainder = others
    .map((i, k) => ({ i, remainder: exact[k] - Math.floor(exact[k]) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    result[i] += 1;
    missing -= 1;
  }
  return result.map((unit) => unit * MIX_STEP);
}

/**
 * Return shares that add up to 100 (an even split when they do not).
 * @param {number[] | null | undefined} shares
 * @param {number} count
 */
export function normalShares(shares, count) {
  const valid =
    shares?.length === count &&
    shares.every((v) => Number.isFinite(v) && v >= 0) &&
    shares.reduce((sum, v) => sum + v, 0) === 100;
  if (valid) return [...shares];
  return rebalance(Array(count).fill(0), 0, 100 / count);
}
