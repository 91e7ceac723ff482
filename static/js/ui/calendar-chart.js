// The calendar of days written: weeks as columns, weekdays as rows, with weekday and month labels.
import { s } from './charts.js';

const CELL = 22;
const LEFT = 34;
const TOP = 18;

/** Return the short names of the weekdays, Monday first, in a language. */
function weekdayNames(lang) {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Date(2024, 0, 1 + i).toLocaleDateString(lang, { weekday: 'short' }),
  );
}

/** Return the month label of each week column where a new month starts, else null. */
function monthLabels(weeks, lang) {
  return weeks.map((week, w) => {
    const first = week[0].day;
    const previous = weeks[w - 1]?.[0].day;
    if (previous && previous.slice(0, 7) === first.slice(0, 7)) return null;
    const [year, month] = first.split('-').map(Number);
    return new Date(year, month - 1, 1).toLocaleDateString(lang, { month: 'short' });
  });
}

/** Draw a labelled calendar of weeks; written days filled, today ringed. */
export function calendarChart(weeks, today, lang) {
  const names = weekdayNames(lang);
  return s(
    'svg',
    {
      viewBox: `0 0 ${LEFT + weeks.length * CELL} ${TOP + 7 * CELL}`,
      class: 'chart',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [0, 2, 4, 6].map((d) => s('text', { x: 0, y: TOP + d * CELL + 15, class: 'axis' }, names[d])),
    monthLabels(weeks, lang).map((label, w) =>
      label ? s('text', { x: LEFT + w * CELL + 2, y: 12, class: 'axis' }, label) : null,
    ),
    weeks.map((week, w) =>
      week.map(({ day, count }, d) =>
        count === null
          ? null
          : s('rect', {
              x: LEFT + w * CELL + 2,
              y: TOP + d * CELL + 2,
              width: CELL - 4,
              height: CELL - 4,
              rx: 4,
              class: `${count > 0 ? 'day-written' : 'day-empty'}${day === today ? ' day-today' : ''}`,
            }),
      ),
    ),
  );
}
