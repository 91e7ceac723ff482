// The first visit's introduction on Today: three short, skippable steps, shown once per device.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { CIRCLES } from '../method/circles.js';

const SEEN_KEY = 'lpb.intro-seen';

/** Return the list of the five circles, each with its one line. */
export function circleList() {
  return h(
    'ul',
    { className: 'circle-list' },
    CIRCLES.map((circle) =>
      h(
        'li',
        { 'data-circle': circle },
        h('strong', {}, t(`circle_${circle}`)),
        ` — ${t(`circle_line_${circle}`)}`,
      ),
    ),
  );
}

/** Return the three steps: why work and life as one, the circles, and the daily minute. */
function steps() {
  return [
    [t('intro_1_title'), h('p', {}, t('intro_1_body'))],
    [t('intro_2_title'), h('p', {}, t('intro_2_body')), circleList()],
    [t('intro_3_title'), h('p', {}, t('intro_3_body')), h('p', {}, t('intro_private'))],
  ];
}

/** Return whether this device has seen the introduction. */
function seen() {
  try {
    return localStorage.getItem(SEEN_KEY) !== null;
  } catch {
    return true;
  }
}

/** Say text in the introduction, if it is on screen; return whether it was. */
export function sayInIntro(text) {
  const status = document.querySelector('.intro .intro-status');
  if (status) status.textContent = text;
  return Boolean(status);
}

/** Return the introduction for a first visit, or null; onDone(focus) runs when it is closed. */
export function introCard(onDone) {
  if (seen()) return null;
  // Marked as soon as shown: a reload or a second tab does not show it again.
  localStorage.setItem(SEEN_KEY, new Date().toISOString());
  const all = steps();
  const content = h('div', {});
  const status = h('p', { className: 'hint intro-status', role: 'status' });
  const card = h(
    'section',
    { className: 'card intro', 'aria-labelledby': 'intro-title' },
    content,
    status,
  );
  const close = () => {
    card.remove();
    onDone();
  };
  const show = (index) => {
    const [title, ...body] = all[index];
    const last = index === all.length - 1;
    const step = t('intro_step', { n: index + 1, total: all.length });
    content.replaceChildren(
      h('p', { className: 'hint' }, `${t('intro_label')} · ${step}`),
      h('h2', { id: 'intro-title', tabindex: '-1' }, title),
      ...body,
      h(
        'p',
        { className: 'actions' },
        last
          ? h('button', { type: 'button', className: 'primary', onclick: close }, t('intro_start'))
          : h(
              'button',
              { type: 'button', className: 'primary', onclick: () => show(index + 1) },
              t('intro_next'),
            ),
        index > 0
          ? h('button', { type: 'button', onclick: () => show(index - 1) }, t('intro_back'))
          : null,
        last ? null : h('button', { type: 'button', onclick: close }, t('intro_skip')),
      ),
    );
    if (index > 0 || card.isConnected) card.querySelector('h2').focus();
  };
  show(0);
  return card;
}
