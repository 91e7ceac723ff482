// Insights, computed on the device: the wheel, days written, energy, the eigen mix and a summary.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { listEntries, listReflections } from '../data/entries.js';
import { CIRCLES, MIX_CATEGORIES } from '../method/circles.js';
import { formatDay, localDay } from '../method/dates.js';
import { lastDays, weekMonday } from '../method/day-math.js';
import {
  calendarWeeks,
  circleCounts,
  currentStreak,
  energyByCircle,
  energyByDay,
  inLastDays,
  longestStreak,
  mixByWeek,
} from '../method/insights-math.js';
import {
  barChart,
  calendarChart,
  chartFigure,
  dataTable,
  energyLineChart,
  stackedPairsChart,
  wheelChart,
} from '../ui/charts.js';
import { mixButton } from './eigen-mix.js';
import { summarySection } from './summary-share.js';
import { showToast } from '../ui/toast.js';

const PERIODS = [7, 30, 90];
const CALENDAR_WEEKS = 12;
const MIX_WEEKS_SHOWN = 8;
let period = 30; // kept while the app is open

/** Return "1 day" or "n days". */
function daysText(n) {
  return n === 1 ? t('one_day') : t('n_days', { n });
}

/** Return a coloured square for a legend. */
function swatch(className) {
  return h('span', { className: `swatch ${className}`, 'aria-hidden': 'true' });
}

/** Return the radio buttons that choose the period of the wheel and the energy. */
function periodPicker(onChange) {
  return h(
    'fieldset',
    { className: 'period' },
    h('legend', {}, t('period_legend')),
    h(
      'div',
      { className: 'chips' },
      PERIODS.map((days) =>
        h(
          'label',
          { className: 'chip' },
          h('input', {
            type: 'radio',
            name: 'period',
            value: days,
            checked: days === period,
            onchange: () => {
              period = days;
              onChange();
            },
          }),
          daysText(days),
        ),
      ),
    ),
  );
}

/** Return the balance wheel of the period, with its numbers as the legend. */
function wheelSection(reflections) {
  const counts = circleCounts(reflections);
  return h(
    'section',
    { className: 'wheel', 'aria-labelledby': 'wheel-title' },
    h('h2', { id: 'wheel-title' }, t('wheel_title')),
    chartFigure(
      wheelChart(counts),
      t('wheel_caption', { days: daysText(period) }),
      dataTable(
        [t('col_circle'), t('col_reflections')],
        CIRCLES.map((circle) => [
          [swatch(`fill-${circle}`), t(`circle_${circle}`)],
          counts[circle],
        ]),
      ),
      { tableShown: true },
    ),
  );
}

/** Return the energy over the period's days and per circle. */
function energySection(reflections, today, lang) {
  const days = lastDays(today, period);
  const points = energyByDay(reflections, today, period);
  const byCircle = energyByCircle(reflections);
  const heading = h('h2', { id: 'energy-title' }, t('energy_title'));
  if (points.length === 0) {
    return h(
      'section',
      { 'aria-labelledby': 'energy-title' },
      heading,
      h('p', { className: 'empty' }, t('energy_empty')),
    );
  }
  const format = (value) => (value === null ? '–' : value.toLocaleString(lang));
  return h(
    'section',
    { 'aria-labelledby': 'energy-title' },
    heading,
    chartFigure(
      energyLineChart(points, days),
      t('energy_time_caption', { days: daysText(period) }),
      dataTable(
        [t('col_day'), t('col_energy'), t('col_ratings')],
        points.map((point) => [formatDay(point.day, lang), format(point.average), point.count]),
      ),
    ),
    chartFigure(
      barChart(
        byCircle.map((row) => ({
          key: row.circle,
          label: t(`circle_${row.circle}`),
          value: row.average,
        })),
        5,
      ),
      t('energy_circle_caption', { days: daysText(period) }),
      dataTable(
        [t('col_circle'), t('col_energy'), t('col_ratings')],
        byCircle.map((row) => [t(`circle_${row.circle}`), format(row.average), row.count]),
      ),
    ),
  );
}

/** Return the streak and the calendar of the last weeks. */
function streakSection(reflections, today) {
  const weeks = calendarWeeks(reflections, today, CALENDAR_WEEKS);
  const shown = weeks.flat().filter((cell) => cell.count !== null);
  const written = shown.filter((cell) => cell.count > 0).length;
  const streak = currentStreak(reflections, today);
  return h(
    'section',
    { 'aria-labelledby': 'streak-title' },
    h('h2', { id: 'streak-title' }, t('streak_title')),
    h(
      'p',
      { className: 'streak' },
      streak ? t('streak_current', { days: daysText(streak) }) : t('streak_none'),
    ),
    h(
      'p',
      { className: 'hint' },
      t('streak_longest', { days: daysText(longestStreak(reflections)) }),
    ),
    h(
      'figure',
      { className: 'chart-figure calendar' },
      calendarChart(weeks, today),
      h('figcaption', {}, t('calendar_caption', { n: written, total: shown.length })),
    ),
  );
}

/** Return the eigen mix week by week, as it was and as wished, and a way to fill it in. */
function mixSection(mixes, today, lang, redraw) {
  const weeks = mixByWeek(mixes).slice(-MIX_WEEKS_SHOWN);
  const weekLabel = (mix) =>
    t('week_of', {
      day: new Date(`${weekMonday(mix.week)}T12:00`).toLocaleDateString(lang, {
        day: 'numeric',
        month: 'short',
      }),
    });
  const legend = h(
    'ul',
    { className: 'legend-list' },
    MIX_CATEGORIES.map((key) => h('li', {}, swatch(`fill-mix-${key}`), t(`mix_${key}`))),
  );
  const chart = weeks.length
    ? chartFigure(
        stackedPairsChart(
          weeks.map((mix) => ({ label: weekLabel(mix), top: mix.actual, bottom: mix.wished })),
          MIX_CATEGORIES,
        ),
        t('mix_caption'),
        dataTable(
          [t('col_week'), t('col_share'), t('mix_actual'), t('mix_wished')],
          weeks.flatMap((mix) =>
            MIX_CATEGORIES.map((key) => [
              weekLabel(mix),
              t(`mix_${key}`),
              `${mix.actual?.[key] ?? 0}%`,
              `${mix.wished?.[key] ?? 0}%`,
            ]),
          ),
        ),
      )
    : null;
  return h(
    'section',
    { 'aria-labelledby': 'mix-title' },
    h('h2', { id: 'mix-title' }, t('mix_title')),
    weeks.length ? [legend, chart] : h('p', { className: 'empty' }, t('mix_empty')),
    mixButton(t('mix_fill_in'), { mixes, today, onSaved: redraw }),
  );
}

/** Draw the insights into view. */
export async function renderInsights(view) {
  const [reflections, mixes] = await Promise.all([listReflections(), listEntries('mix')]);
  const today = localDay();
  const lang = currentLanguage();
  const periodPart = h('div', {});
  const drawPeriod = () => {
    const chosen = inLastDays(reflections, today, period);
    periodPart.replaceChildren(wheelSection(chosen), energySection(chosen, today, lang));
  };
  const redraw = async () => {
    view.replaceChildren();
    await renderInsights(view);
    showToast(t('mix_saved'));
  };
  drawPeriod();
  view.append(
    h('h1', {}, t('insights_title')),
    h(
      'p',
      {},
      t('insights_count', {
        n: reflections.length,
        d: new Set(reflections.map((e) => e.day)).size,
      }),
    ),
    periodPicker(drawPeriod),
    periodPart,
    streakSection(reflections, today),
    mixSection(mixes, today, lang, redraw),
    summarySection({ reflections, mixes, today, lang }),
  );
}
