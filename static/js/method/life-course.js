// The longer life course: twelve months at a glance, and what you wrote a month and a year ago.

/**
 * Return the month n months before a YYYY-MM month.
 * @param {string} month
 * @param {number} n
 */
export function addMonths(month, n) {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Return the day a number of months before day, on the month's last day when it is shorter.
 * @param {string} day
 * @param {number} n
 */
export function monthsBefore(day, n) {
  const month = addMonths(day.slice(0, 7), -n);
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const date = Math.min(Number(day.slice(8, 10)), last);
  return `${month}-${String(date).padStart(2, '0')}`;
}

/**
 * Return the average of a rating from its sum and count, rounded like average(), or null.
 * @param {number} sum
 * @param {number} n
 */
function averageOf(sum, n) {
  return n ? Math.round((sum / n) * 10) / 10 : null;
}

/**
 * Return the twelve months up to today's, oldest first, from per-day totals: days written,
 * reflections, and the average energy and meaning of what was rated (check-ins count as days
 * written and ratings).
 * @param {DayTotal[]} totals
 * @param {string} today
 */
export function yearMonths(totals, today) {
  const current = today.slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => {
    const month = addMonths(current, i - 11);
    const inMonth = totals.filter((total) => total.day.startsWith(month));
    const sum = (/** @type {DayCount} */ key) =>
      inMonth.reduce((all, total) => all + total[key], 0);
    return {
      month,
      days: inMonth.length,
      reflections: sum('reflections'),
      energy: averageOf(sum('energy_sum'), sum('energy_n')),
      meaning: averageOf(sum('meaning_sum'), sum('meaning_n')),
    };
  });
}

/**
 * Return what was written a month and a year before today: [{ key, day, entries }], if any.
 * @param {Entry[]} entries
 * @param {string} today
 */
export function onThisDay(entries, today) {
  return [
    { key: 'month', day: monthsBefore(today, 1) },
    { key: 'year', day: monthsBefore(today, 12) },
  ]
    .map((when) => ({ ...when, entries: entries.filter((entry) => entry.day === when.day) }))
    .filter((when) => when.entries.length > 0);
}
