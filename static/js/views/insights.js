// Insights, computed on the device: what the period says, energy × meaning, the wheel as written
// and as wished, circles in relation, energy, days written, the year, the eigen mix and a summary.
import { h } from '../ui/dom.js';
import { currentLanguage, t, tn } from '../i18n/i18n.js';
import { listEntries } from '../data/entries.js';
import { listBalances } from '../data/meaning-entries.js';
import { readDayTotals, readWrittenSummary, writtenBetween } from '../data/history.js';
import { CIRCLES } from '../method/circles.js';
import { formatDay, localDay } from '../method/dates.js';
import { addDays, lastDays } from '../method/day-math.js';
import { circleCounts, energyByCircle, energyByDay, inLastDays } from '../method/insights-math.js';
import { barChart, chartFigure, dataTable, energyLineChart, wheelChart } from '../ui/charts.js';
import { formatNumber, formatShortDay } from '../ui/format.js';
import { summarySection } from './summary-share.js';
import { showToast } from '../ui/toast.js';
import { afterFirstFrame, nextTask } from '../ui/after-frame.js';
import { daysSection, daysText } from './insights-days.js';
import { mixSection, swatch } from './insights-hours.js';
import { meaningSection, relationsSection, takeawaySection } from './insights-meaning.js';
import { balanceSection } from './insights-balance.js';
import { yearSection } from './insights-year.js';
import { emptySection, insightSection } from './insight-section.js';

const YEAR = 365;
const PERIODS = [7, 30, 90, YEAR];
let period = 30; // kept while the app is open

/** Return the name of a period: "7 days" … "Year". */
function periodText(days) {
  return days === YEAR ? t('period_year') : daysText(days);
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
          periodText(days),
        ),
      ),
    ),
  );
}

/** Return the balance wheel of the period, with its numbers as the legend. */
function wheelSection(reflections) {
  const counts = circleCounts(reflections);
  if (Object.values(counts).every((count) => count === 0)) return emptySection('wheel');
  return insightSection(
    'wheel',
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
  if (points.length === 0) return emptySection('energy');
  const format = (value) => formatNumber(value, lang);
  return insightSection(
    'energy',
    chartFigure(
      energyLineChart(points, days, (day) => formatShortDay(day, lang)),
      t('energy_time_caption', { days: daysText(period) }),
      () =>
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
        format,
      ),
      t('energy_circle_caption', { days: daysText(period) }),
      dataTable(
        [t('col_circle'), t('col_energy'), t('col_ratings')],
        byCircle.map((row) => [t(`circle_${row.circle}`), format(row.average), row.count]),
      ),
    ),
  );
}

/** Return the sections of the chosen period; written holds its reflections and check-ins. */
function periodSections(written, context) {
  const { today, lang } = context;
  const chosen = written.filter((entry) => entry.kind === 'reflection');
  const options = { ...context, periodText: daysText(period) };
  return [
    takeawaySection(chosen, options),
    meaningSection(chosen, options),
    wheelSection(chosen),
    balanceSection(chosen, options),
    relationsSection(chosen, options),
    energySection(written, today, lang),
  ];
}

/** Return the reflections and check-ins of the chosen period, which ends today. */
function readPeriod(today) {
  return writtenBetween(addDays(today, 1 - period), today);
}

/** Return a reader of the last year's reflections and check-ins, read once after the first frame. */
function yearReader(today) {
  let entries = null;
  let reading = null;
  const read = () => {
    reading ??= writtenBetween(addDays(today, 1 - YEAR), today).then((found) => {
      entries = found;
    });
    return reading;
  };
  afterFirstFrame(read);
  return { read, loaded: () => entries };
}

/** Return "n reflections on d days" over all that was written. */
function countLine(summary) {
  return h(
    'p',
    {},
    t('insights_count', {
      reflections: tn('count_reflections', summary.reflections),
      days: daysText(summary.days),
    }),
  );
}

/** Draw the insights into view. */
export async function renderInsights(view) {
  const today = localDay();
  // The calendar and the year view need the last year's days; everything before is in the summary.
  const [summary, totals, inPeriod, mixes, balances] = await Promise.all([
    readWrittenSummary(),
    readDayTotals(addDays(today, 1 - YEAR)),
    readPeriod(today),
    listEntries('mix'),
    listBalances(),
  ]);
  const lang = currentLanguage();
  const redraw = (message) => async () => {
    view.replaceChildren();
    await renderInsights(view);
    showToast(t(message));
  };
  const context = { today, lang, balances, onBalanceSaved: redraw('balance_saved') };
  const periodPart = h('div', {});
  const drawPeriod = (written) => periodPart.replaceChildren(...periodSections(written, context));
  drawPeriod(inPeriod);
  // Every period lies within the year: once it is read, a change of period draws at once.
  const year = yearReader(today);
  const showPeriod = () => drawPeriod(inLastDays(year.loaded(), today, period));
  const laterPart = h('div', {});
  view.append(
    h('h1', {}, t('insights_title')),
    countLine(summary),
    periodPicker(() => (year.loaded() ? showPeriod() : year.read().then(showPeriod))),
    periodPart,
    laterPart,
  );
  // The sections below the period's follow in a task of their own, and the summary reads its own
  // reflections: the top of Insights shows without waiting for either.
  await nextTask();
  const summaryPart = await summarySection({ mixes, today, lang });
  laterPart.replaceWith(
    daysSection({ totals }, today, lang),
    yearSection(totals, today, lang),
    mixSection(mixes, today, lang, redraw('mix_saved')),
    summaryPart,
  );
}
