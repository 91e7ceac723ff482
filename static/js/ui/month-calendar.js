// A month calendar to jump to a day: weekday labels, the days with entries as buttons.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { addDays, weekStart } from '../method/day-math.js';
import { addMonths } from '../method/life-course.js';

/** Return the weeks (Monday first) that cover a YYYY-MM month, as lists of seven days. */
function monthWeeks(month) {
  const weeks = [];
  for (let day = weekStart(`${month}-01`); day.startsWith(month) || day < `${month}-01`;) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    day = addDays(day, 7);
  }
  return weeks;
}

/** Return the table of a month: weekday labels, and a button per day in written. */
function monthTable({ month, written, lang, onDay, title }) {
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 1 + i)); // a Monday
  const cell = (day) => {
    if (!day.startsWith(month)) return h('td', {});
    const label = String(Number(day.slice(8)));
    if (!written.has(day)) return h('td', {}, h('span', {}, label));
    const long = new Date(`${day}T12:00`).toLocaleDateString(lang, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
    return h(
      'td',
      {},
      h('button', { type: 'button', 'aria-label': long, onclick: () => onDay(day) }, label),
    );
  };
  return h(
    'table',
    {},
    h('caption', { className: 'visually-hidden' }, t('calendar_jump', { month: title })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        weekdays.map((date) =>
          h(
            'th',
            { scope: 'col', abbr: date.toLocaleDateString(lang, { weekday: 'long' }) },
            date.toLocaleDateString(lang, { weekday: 'narrow' }),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      monthWeeks(month).map((week) => h('tr', {}, week.map(cell))),
    ),
  );
}

/**
 * Return a calendar of a YYYY-MM month with previous/next buttons; a day in written (a Set) is a
 * button that calls onDay(day); onMonth(month) is called to show another month.
 */
export function monthCalendar({ month, written, lang, onDay, onMonth }) {
  const [year, number] = month.split('-').map(Number);
  const title = new Date(year, number - 1, 1).toLocaleDateString(lang, {
    month: 'long',
    year: 'numeric',
  });
  const step = (n, label, text) =>
    h(
      'button',
      { type: 'button', 'aria-label': t(label), onclick: () => onMonth(addMonths(month, n)) },
      text,
    );
  return h(
    'div',
    { className: 'month-calendar' },
    h(
      'div',
      { className: 'month-nav' },
      step(-1, 'month_previous', '‹'),
      h('p', { className: 'month-title', 'aria-live': 'polite' }, title),
      step(1, 'month_next', '›'),
    ),
    monthTable({ month, written, lang, onDay, title }),
  );
}
