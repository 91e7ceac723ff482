// The eigen mix check-in: how the past week's time was divided, as it was and as you'd like it.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { changeEntry, createEntry } from '../data/entries.js';
import { isoWeek } from '../method/day-math.js';
import { MIX_CATEGORIES } from '../method/circles.js';
import { FIRST_MIX, MIX_STEP, normalShares, rebalance } from '../method/mix-math.js';
import { saveErrorMessage } from '../ui/reflection-fields.js';
import { afterSave } from '../data/storage.js';

/** Return whether a check-in exists for the week of today. */
export function mixDone(mixes, today) {
  return mixes.some((mix) => mix.week === isoWeek(today));
}

/** Return a group of linked sliders that always add up to 100%; values() reads them. */
function sliderGroup(name, legend, start) {
  let shares = normalShares(
    MIX_CATEGORIES.map((key) => start?.[key]),
    MIX_CATEGORIES.length,
  );
  const inputs = [];
  const outputs = [];
  const show = () =>
    shares.forEach((share, i) => {
      inputs[i].value = String(share);
      inputs[i].setAttribute('aria-valuetext', `${share}%`);
      outputs[i].textContent = `${share}%`;
    });
  const rows = MIX_CATEGORIES.map((key, i) => {
    const id = `mix-${name}-${key}`;
    inputs[i] = h('input', {
      type: 'range',
      id,
      name: id,
      min: 0,
      max: 100,
      step: MIX_STEP,
      className: `mix-range mix-${key}`,
      oninput: (event) => {
        shares = rebalance(shares, i, Number(event.currentTarget.value));
        show();
      },
    });
    outputs[i] = h('span', { className: 'mix-value', 'aria-hidden': 'true' });
    return h(
      'div',
      { className: 'mix-row' },
      h('div', { className: 'mix-label' }, h('label', { for: id }, t(`mix_${key}`)), outputs[i]),
      inputs[i],
    );
  });
  show();
  return {
    element: h('fieldset', { className: 'mix-group' }, h('legend', {}, legend), rows),
    values: () => Object.fromEntries(MIX_CATEGORIES.map((key, i) => [key, shares[i]])),
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
  const saveButton = h('button', { type: 'submit', className: 'primary' }, t('save'));
  const form = h(
    'form',
    { className: 'mix-form', 'aria-label': t('mix_title') },
    h('p', { className: 'hint' }, `${t('mix_percent_of')} ${t('mix_hint')}`),
    actual.element,
    wished.element,
    h('div', { className: 'actions' }, saveButton),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveButton.disabled = true;
    const fields = { actual: actual.values(), wished: wished.values() };
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
