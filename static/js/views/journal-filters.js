// The journal's filters: circles, ratings at least or at most, a period and kinds, and a month calendar.
// They live here while the app is open, so a redraw (after a sync, say) keeps them.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { ENERGY_LEVELS } from '../method/circles.js';
import { circleChips, RATINGS } from '../ui/reflection-fields.js';
import { monthCalendar } from '../ui/month-calendar.js';

const KINDS = ['reflection', 'kantelen', 'checkin'];

export const filterState = {
  query: '',
  circles: new Set(),
  kinds: new Set(),
  energy: 0,
  meaning: 0,
  engagement: 0,
  from: '',
  to: '',
  month: null,
  open: false,
};

/** Return the filters as filterEntries takes them. */
export function activeFilters() {
  const { circles, kinds, ...rest } = filterState;
  return { ...rest, circles: [...circles], kinds: [...kinds] };
}

/** Return how many filters are set (the search not counted). */
function activeCount() {
  const { circles, kinds, from, to } = filterState;
  return (
    circles.size +
    kinds.size +
    RATINGS.filter((key) => filterState[key]).length +
    (from ? 1 : 0) +
    (to ? 1 : 0)
  );
}

/** Return whether the search or any filter narrows the journal. */
export function filtersActive() {
  return filterState.query.trim() !== '' || activeCount() > 0;
}

/** Return a select of a rating's limit: any, at least 2–5 (value n) or at most 1–4 (value -n). */
function minimumSelect(key, onChange) {
  const id = `filter-${key}`;
  const select = h(
    'select',
    {
      id,
      onchange: (event) => {
        filterState[key] = Number(event.currentTarget.value);
        onChange();
      },
    },
    h('option', { value: 0 }, t('filter_any')),
    ENERGY_LEVELS.slice(1).map((n) => h('option', { value: n }, t('filter_at_least', { n }))),
    ENERGY_LEVELS.slice(0, -1).map((n) => h('option', { value: -n }, t('filter_at_most', { n }))),
  );
  select.value = String(filterState[key]);
  return h('div', {}, h('label', { for: id }, t(`${key}_name`)), select);
}

/** Return a date input of the period's start or end. */
function dateInput(key, onChange) {
  const id = `filter-${key}`;
  const input = h('input', { type: 'date', id, value: filterState[key] });
  input.addEventListener('change', () => {
    filterState[key] = input.value;
    onChange();
  });
  return h('div', {}, h('label', { for: id }, t(`filter_${key}`)), input);
}

/** Return the checkboxes of the kinds: reflection, kantelen, check-in. */
function kindBoxes(onChange) {
  return h(
    'fieldset',
    { className: 'filter-kinds' },
    h('legend', {}, t('filter_kinds')),
    KINDS.map((kind) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          checked: filterState.kinds.has(kind),
          onchange: (event) => {
            if (event.currentTarget.checked) filterState.kinds.add(kind);
            else filterState.kinds.delete(kind);
            onChange();
          },
        }),
        t(`kind_${kind}`),
      ),
    ),
  );
}

/** Return the filter panel; onChange redraws the list, rebuild redraws the panel too. */
export function filterPanel({ onChange, rebuild }) {
  const clear = () => {
    Object.assign(filterState, { energy: 0, meaning: 0, engagement: 0, from: '', to: '' });
    filterState.circles.clear();
    filterState.kinds.clear();
    rebuild();
  };
  const count = activeCount();
  return h(
    'details',
    {
      className: 'journal-filters',
      open: filterState.open || count > 0,
      ontoggle: (event) => {
        filterState.open = event.currentTarget.open;
      },
    },
    h('summary', {}, count ? t('filters_active', { n: count }) : t('filters')),
    circleChips(filterState.circles, onChange, t('filter_circles')),
    h(
      'div',
      { className: 'filter-row' },
      RATINGS.map((key) => minimumSelect(key, onChange)),
    ),
    h('div', { className: 'filter-row' }, dateInput('from', onChange), dateInput('to', onChange)),
    kindBoxes(onChange),
    h('button', { type: 'button', onclick: clear }, t('filters_clear')),
  );
}

/**
 * Return the month calendar of the shown entries; a day jumps to its heading in the list, after
 * reveal(day) has drawn the list down to it.
 */
export function jumpCalendar({ shown, today, lang, rebuild, reveal }) {
  filterState.month ??= today.slice(0, 7);
  const jump = (day) => {
    reveal(day);
    const heading = document.getElementById(`day-${day}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return monthCalendar({
    month: filterState.month,
    written: new Set(shown.map((entry) => entry.day)),
    lang,
    onDay: jump,
    onMonth: (month) => {
      filterState.month = month;
      rebuild();
    },
  });
}
