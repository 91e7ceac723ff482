// The parts of a reflection form shared by Today and the journal's edit: circle chips and ratings.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { CIRCLES, ENERGY_LEVELS } from '../method/circles.js';

export const RATINGS = ['energy', 'meaning', 'engagement'];

let groupCount = 0;

/** Toggle a chip button's pressed state and return the new state. */
function toggle(button) {
  const pressed = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(pressed));
  return pressed;
}

/** Return a group of circle chips; selected is a Set that the chips keep up to date. */
export function circleChips(selected, onChange, legend = t('circles_legend')) {
  const legendId = `circles-legend-${(groupCount += 1)}`;
  return h(
    'div',
    { role: 'group', 'aria-labelledby': legendId, className: 'field' },
    h('p', { id: legendId, className: 'legend' }, h('strong', {}, legend)),
    h(
      'div',
      { className: 'chips' },
      CIRCLES.map((circle) =>
        h(
          'button',
          {
            type: 'button',
            className: 'chip',
            'aria-pressed': String(selected.has(circle)),
            'data-circle': circle,
            onclick: (event) => {
              if (toggle(event.currentTarget)) selected.add(circle);
              else selected.delete(circle);
              onChange();
            },
          },
          t(`circle_${circle}`),
        ),
      ),
    ),
  );
}

/**
 * Return an optional 1–5 rating of key (energy, meaning, engagement); state[key] holds the value
 * or null. With named, each button says what it rates ("Meaning 3"), for pages with several.
 */
export function ratingPicker(
  state,
  key,
  onChange,
  { named = true, legend = t(`${key}_legend`) } = {},
) {
  const legendId = `${key}-legend-${(groupCount += 1)}`;
  const buttons = ENERGY_LEVELS.map((value) =>
    h(
      'button',
      {
        type: 'button',
        className: `chip rating ${key}`,
        'aria-pressed': String(state[key] === value),
        [`data-${key}`]: value,
        onclick: (event) => {
          const pressed = toggle(event.currentTarget);
          buttons.forEach((button) => {
            if (button !== event.currentTarget) button.setAttribute('aria-pressed', 'false');
          });
          state[key] = pressed ? value : null;
          onChange();
        },
      },
      named ? h('span', { className: 'visually-hidden' }, `${t(`${key}_name`)} `) : null,
      String(value),
    ),
  );
  return h(
    'div',
    { role: 'group', 'aria-labelledby': legendId, className: `field rating-${key}` },
    h(
      'p',
      { id: legendId, className: 'legend' },
      h('strong', {}, legend),
      h('span', { className: 'hint' }, ` — ${t(`${key}_hint`)}`),
    ),
    h('div', { className: 'chips' }, buttons),
  );
}

/** Return the optional energy rating of the reflection form (its buttons named by number). */
export function energyPicker(state, onChange) {
  return ratingPicker(state, 'energy', onChange, { named: false });
}

/** Return the three ratings of an entry, draft or form state, each a number or null. */
export function ratings(source) {
  return Object.fromEntries(RATINGS.map((key) => [key, source[key] ?? null]));
}

/** Return the pickers of the three ratings: energy, meaning and engagement. */
export function ratingPickers(state, onChange) {
  return [
    energyPicker(state, onChange),
    ratingPicker(state, 'meaning', onChange),
    ratingPicker(state, 'engagement', onChange),
  ];
}

/** Return a message for an error from saving to the device. */
export function saveErrorMessage(error) {
  return error?.name === 'QuotaExceededError' ? t('storage_full') : t('save_failed');
}
