// The parts of a reflection form shared by Today and the journal's edit: circle chips and energy.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { CIRCLES, ENERGY_LEVELS } from '../method/circles.js';

let groupCount = 0;

/** Toggle a chip button's pressed state and return the new state. */
function toggle(button) {
  const pressed = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(pressed));
  return pressed;
}

/** Return a group of circle chips; selected is a Set that the chips keep up to date. */
export function circleChips(selected, onChange) {
  const legendId = `circles-legend-${(groupCount += 1)}`;
  return h(
    'div',
    { role: 'group', 'aria-labelledby': legendId, className: 'field' },
    h('p', { id: legendId, className: 'legend' }, h('strong', {}, t('circles_legend'))),
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

/** Return an optional 1–5 energy rating; state.energy holds the value or null. */
export function energyPicker(state, onChange) {
  const legendId = `energy-legend-${(groupCount += 1)}`;
  const buttons = ENERGY_LEVELS.map((value) =>
    h(
      'button',
      {
        type: 'button',
        className: 'chip energy',
        'aria-pressed': String(state.energy === value),
        'data-energy': value,
        onclick: (event) => {
          const pressed = toggle(event.currentTarget);
          buttons.forEach((button) => {
            if (button !== event.currentTarget) button.setAttribute('aria-pressed', 'false');
          });
          state.energy = pressed ? value : null;
          onChange();
        },
      },
      String(value),
    ),
  );
  return h(
    'div',
    { role: 'group', 'aria-labelledby': legendId, className: 'field' },
    h(
      'p',
      { id: legendId, className: 'legend' },
      h('strong', {}, t('energy_legend')),
      h('span', { className: 'hint' }, ` — ${t('energy_hint')}`),
    ),
    h('div', { className: 'chips' }, buttons),
  );
}

/** Return a message for an error from saving to the device. */
export function saveErrorMessage(error) {
  return error?.name === 'QuotaExceededError' ? t('storage_full') : t('save_failed');
}
