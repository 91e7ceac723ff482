// A question asked where its button is: shown in area, right below, in sight and focused.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

/** Ask question in area with a danger button (yes) that runs onYes, and Cancel; focus yes. */
export function confirmHere(area, { question, yes, onYes }) {
  const button = h('button', { type: 'button', className: 'danger', onclick: onYes }, yes);
  area.replaceChildren(
    h('p', { className: 'warning' }, question),
    h(
      'p',
      { className: 'actions' },
      button,
      h('button', { type: 'button', onclick: () => area.replaceChildren() }, t('cancel')),
    ),
  );
  // Not under the tab bar nor off the screen (css/layout.css keeps the bars' room).
  area.scrollIntoView({ block: 'nearest' });
  button.focus({ preventScroll: true });
}
