// Insights: the balance wheel as written against the balance you wish, which you set and change here.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { CIRCLES } from '../method/circles.js';
import { balanceGaps, wishedBalance } from '../method/balance-math.js';
import { saveBalance } from '../data/meaning-entries.js';
import { afterSave } from '../data/storage.js';
import { chartFigure, dataTable } from '../ui/charts.js';
import { writtenWishedChart } from '../ui/charts-meaning.js';
import { shareSliders } from '../ui/share-sliders.js';
import { saveErrorMessage } from '../ui/reflection-fields.js';

/** Return the form that sets the wished balance; onSaved runs once it is on the device. */
function balanceForm(balances, onSaved) {
  const sliders = shareSliders({
    name: 'balance',
    legend: t('balance_legend'),
    keys: CIRCLES,
    start: wishedBalance(balances),
    labelOf: (circle) => t(`circle_${circle}`),
    classOf: (circle) => `range-${circle}`,
  });
  const status = h('p', { className: 'form-status', role: 'status' });
  const form = h(
    'form',
    { className: 'balance-form', 'aria-label': t('balance_form') },
    h('p', { className: 'hint' }, t('balance_hint')),
    sliders.element,
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'submit', className: 'primary' }, t('save')),
    ),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await saveBalance(sliders.values(), balances[0] ?? null);
      afterSave();
      onSaved();
    } catch (error) {
      status.className = 'form-status error';
      status.textContent = saveErrorMessage(error);
    }
  });
  return form;
}

/** Return a button that opens the balance form in its place. */
function balanceButton(balances, onSaved) {
  const holder = h('div', { className: 'mix-holder' });
  const open = () => {
    const form = balanceForm(balances, onSaved);
    holder.replaceChildren(form);
    form.querySelector('input')?.focus();
  };
  const label = balances.length ? t('balance_change') : t('balance_set');
  holder.append(h('button', { type: 'button', onclick: open }, label));
  return holder;
}

/** Return the written balance of the period against the wished one, and the way to set it. */
export function balanceSection(reflections, { balances, periodText, onBalanceSaved }) {
  const weights = wishedBalance(balances);
  const rows = weights ? balanceGaps(reflections, weights) : [];
  return h(
    'section',
    { className: 'balance', 'aria-labelledby': 'balance-title' },
    h('h2', { id: 'balance-title' }, t('balance_title')),
    weights
      ? chartFigure(
          writtenWishedChart(rows.map((row) => ({ ...row, label: t(`circle_${row.circle}`) }))),
          t('balance_caption', { days: periodText }),
          dataTable(
            [t('col_circle'), t('balance_written'), t('balance_wished')],
            rows.map((row) => [t(`circle_${row.circle}`), `${row.written}%`, `${row.wished}%`]),
          ),
          { tableShown: true },
        )
      : h('p', { className: 'empty' }, t('balance_empty')),
    balanceButton(balances, onBalanceSaved),
  );
}
