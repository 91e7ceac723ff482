// Privacy in plain words: what is kept where, who can read it, how to export and erase.
import { h } from '../ui/dom.js';
import { addTexts, t } from '../i18n/i18n.js';
import { PRIVACY_TEXTS } from '../i18n/texts-privacy.js';

addTexts(PRIVACY_TEXTS);

const SECTIONS = ['device', 'server', 'security', 'reminders', 'readers', 'guide', 'rights'];

/** Draw the privacy page into view. */
export async function renderPrivacy(view) {
  view.append(
    h('h1', {}, t('privacy_title')),
    h('p', {}, t('privacy_intro')),
    ...SECTIONS.map((name) =>
      h('section', {}, h('h2', {}, t(`privacy_${name}_title`)), h('p', {}, t(`privacy_${name}`))),
    ),
  );
}
