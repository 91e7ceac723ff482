// Insights: the days you wrote (reflections and quick check-ins), as a streak and a labelled calendar.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { calendarWeeks, streakOf } from '../method/insights-math.js';
import { writtenCount } from '../method/day-totals.js';
import { calendarChart } from '../ui/calendar-chart.js';

const CALENDAR_WEEKS = 12;

/** Return "1 day" or "n days". */
export function daysText(n) {
  return n === 1 ? t('one_day') : t('n_days', { n });
}

/** Return the streak (from the summary of all days written) and the calendar of the last weeks. */
export function streakSection({ summary, totals }, today, lang) {
  const counts = new Map(totals.map((total) => [total.day, writtenCount(total)]));
  const weeks = calendarWeeks(counts, today, CALENDAR_WEEKS);
  const shown = weeks.flat().filter((cell) => cell.count !== null);
  const count = shown.filter((cell) => cell.count > 0).length;
  const streak = streakOf(summary, today);
  return h(
    'section',
    { 'aria-labelledby': 'streak-title' },
    h('h2', { id: 'streak-title' }, t('streak_title')),
    h(
      'p',
      { className: 'streak' },
      streak ? t('streak_current', { days: daysText(streak) }) : t('streak_none'),
    ),
    h('p', { className: 'hint' }, t('streak_longest', { days: daysText(summary.longest) })),
    h(
      'figure',
      { className: 'chart-figure calendar' },
      calendarChart(weeks, today, lang),
      h('figcaption', {}, t('calendar_caption', { n: count, total: shown.length })),
    ),
  );
}
