// A group of linked sliders whose shares always add up to 100% (the eigen mix, the wished balance).
import { h } from './dom.js';
import { MIX_STEP, normalShares, rebalance } from '../method/mix-math.js';

/**
 * Return a fieldset of one slider per key, labelled by labelOf(key); values() reads the shares.
 * name keeps the ids apart; classOf(key) gives each slider its colour class.
 */
export function shareSliders({ name, legend, keys, start, labelOf, classOf }) {
  let shares = normalShares(
    keys.map((key) => start?.[key]),
    keys.length,
  );
  const inputs = [];
  const outputs = [];
  const show = () =>
    shares.forEach((share, i) => {
      inputs[i].value = String(share);
      inputs[i].setAttribute('aria-valuetext', `${share}%`);
      outputs[i].textContent = `${share}%`;
    });
  const rows = keys.map((key, i) => {
    const id = `${name}-${key}`;
    inputs[i] = h('input', {
      type: 'range',
      id,
      name: id,
      min: 0,
      max: 100,
      step: MIX_STEP,
      className: `mix-range ${classOf(key)}`,
      oninput: (event) => {
        shares = rebalance(shares, i, Number(event.currentTarget.value));
        show();
      },
    });
    outputs[i] = h('span', { className: 'mix-value', 'aria-hidden': 'true' });
    return h(
      'div',
      { className: 'mix-row' },
      h('div', { className: 'mix-label' }, h('label', { for: id }, labelOf(key)), outputs[i]),
      inputs[i],
    );
  });
  show();
  return {
    element: h('fieldset', { className: 'mix-group' }, h('legend', {}, legend), rows),
    values: () => Object.fromEntries(keys.map((key, i) => [key, shares[i]])),
  };
}
