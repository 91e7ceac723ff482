// The eigen mix check-in: how the past week's time was divided, as it was and as you'd like it.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { changeEntry, createEntry } from '../data/entries.js';
import { isoWeek } from '../method/day-math.js';
import { MIX_PARTS } from '../method/circles.js';
import { MAX_HOURS } from '../method/hours-mix.js';
import { shareSliders } from '../ui/share-sliders.js';
import { FIRST_MIX } from '../method/mix-math.js';
import { saveErrorMessage } from '../ui/reflection-fields.js';
import { afterSave } from '../data/storage.js';

/** Return whether a check-in exists for the week of today. */
export function mixDone(mixes, today) {
  return mixes.some((mix) => mix.week === isoWeek(today));
}

/** Return the eigen mix's sliders of one kind (as it was, as wished). */
function sliderGroup(name, legend, start) {
  return shareSliders({
    name: `mix-${name}`,
    legend,
    keys: MIX_PARTS,
    start,
    labelOf: (key) => t(`mix_${key}`),
    classOf: (key) => `mix-${key}`,
  });
}

/** Return the field of the week's own total of hours; value() reads it (null when left empty). */
function hoursField(start) {
  const input = h('input', {
    type: 'number',
    id: 'mix-hours',
    name: 'mix-hours',
    min: 1,
    max: MAX_HOURS,
    step: 1,
    inputmode: 'numeric',
    value: start ?? '',
  });
  const hint = h('span', { className: 'hint', id: 'mix-hours-hint' }, t('mix_hours_hint'));
  input.setAttribute('aria-describedby', 'mix-hours-hint');
  const value = () => {
    const hours = Math.round(Number(input.value));
    return input.value && hours >= 1 && hours <= MAX_HOURS ? hours : null;
  };
  return {
    element: h(
      'div',
      { className: 'mix-hours' },
      h('label', { for: 'mix-hours' }, t('mix_hours')),
      hint,
      input,
    ),
    value,
  };
}

/** Return the check-in form for today's week; it edits that week's check-in if there is one. */
function mixForm({ mixes, today, onSaved }) {
  const week = isoWeek(today);
  const existing = mixes.find((mix) => mix.week === week);
  // Last week's mix, or a usual week's split the first time (never five equal fifths).
  const start = existing ?? mixes[0] ?? { actual: FIRST_MIX };
  const actual = sliderGroup('actual', t('mix_actual'), start.actual);
  const wished = sliderGroup('wished', t('mix_wished'), start.wished ?? start.actual);
  const status = h('p', { className: 'form-status', role: 'status' });
  const hours = hoursField(start?.hours_per_week);
  const saveButton = h('button', { type: 'submit', className: 'primary' }, t('save'));
  const form = h(
    'form',
    { className: 'mix-form', 'aria-label': t('mix_title') },
    h('p', { className: 'hint' }, `${t('mix_percent_of')} ${t('mix_hint')}`),
    actual.element,
    wished.element,
    hours.element,
    h('div', { className: 'actions' }, saveButton),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveButton.disabled = true;
    const fields = {
      actual: actual.values(),
      wished: wished.values(),
      hours_per_week: hours.value(),
    };
    try {
      if (existing) await changeEntry(existing.id, fields);
      else await createEntry('mix', { week, ...fields });
      afterSave();
      status.className = 'form-status';
      status.textContent = t('mix_saved');
      onSaved?.();
    } catch (error) {
      status.className = 'form-status error';
      status.textContent = saveErrorMessage(error);
    } finally {
      saveButton.disabled = false;
    }
  });
  return form;
}

/** Return a button that opens the check-in form in its place. */
export function mixButton(label, options) {
  const holder = h('div', { className: 'mix-holder' });
  holder.append(
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          const form = mixForm(options);
          holder.replaceChildren(form);
          form.querySelector('input')?.focus();
        },
      },
      label,
    ),
  );
  return holder;
}

/** Return Today's weekly invitation to the check-in. */
export function mixOffer(options) {
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'mix-offer-title' },
    h('h2', { id: 'mix-offer-title' }, t('mix_offer_title')),
    h('p', {}, t('mix_offer_body')),
    mixButton(t('mix_open'), options),
  );
}
