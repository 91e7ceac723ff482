// About the method: why work and life together, the five circles, and what the app's parts are for.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { circleList } from './intro.js';

/** Draw the method page into view. */
export function renderMethod(view) {
  view.append(
    h('h1', {}, t('method_title')),
    h('p', {}, t('intro_1_body')),
    h('h2', {}, t('method_circles_title')),
    h('p', {}, t('intro_2_body')),
    circleList(),
    h('h2', {}, t('method_ritual_title')),
    h(
      'ul',
      { className: 'method-parts' },
      h('li', {}, t('method_question')),
      h('li', {}, t('method_mix')),
      h('li', {}, t('method_kantelen')),
    ),
    h('h2', {}, t('method_private_title')),
    h('p', {}, t('intro_private')),
    h('p', {}, h('a', { href: '/privacy', 'data-route': true }, t('privacy_title'))),
  );
}
