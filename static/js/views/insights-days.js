// Insights: the days you wrote (reflections and quick check-ins): this month's count and a calendar.
import { h } from '../ui/dom.js';
import { t, tn } from '../i18n/i18n.js';
import { calendarWeeks } from '../method/insights-math.js';
import { writtenCount } from '../method/day-totals.js';
import { calendarChart } from '../ui/calendar-chart.js';

const CALENDAR_WEEKS = 12;

/** Return "1 day" or "n days", by the language's plural rules. */
export function daysText(n) {
  return tn('days_n', n);
}

/** Return the days written this month and the calendar of the last weeks; never a streak. */
export function daysSection({ totals }, today, lang) {
  const counts = new Map(totals.map((total) => [total.day, writtenCount(total)]));
  const weeks = calendarWeeks(counts, today, CALENDAR_WEEKS);
  const shown = weeks.flat().filter((cell) => cell.count !== null);
  const count = shown.filter((cell) => cell.count > 0).length;
  const month = today.slice(0, 7);
  const thisMonth = totals.filter(
    (total) => total.day.startsWith(month) && writtenCount(total) > 0,
  );
  return h(
    'section',
    { 'aria-labelledby': 'days-title' },
    h('h2', { id: 'days-title' }, t('streak_title')),
    h('p', { className: 'days-month' }, tn('days_this_month', thisMonth.length)),
    h(
      'figure',
      { className: 'chart-figure calendar' },
      calendarChart(weeks, today, lang),
      h('figcaption', {}, t('calendar_caption', { n: count, total: shown.length })),
    ),
  );
}
