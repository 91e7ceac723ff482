// Settings: language, account, your data, and how safe the device's copy is.
import { h } from '../ui/dom.js';
import { chooseLanguage, currentLanguage, LANGUAGES, t } from '../i18n/i18n.js';
import { isPersisted } from '../data/storage.js';
import { rememberLanguage } from '../data/device-meta.js';
import { accountPanel, deletePanel } from './account-panel.js';
import { dataPanel } from './data-panel.js';
import { remindersPanel } from './reminders-panel.js';
import { guidePanel } from './guide-panel.js';

/** Draw the settings into view; onLanguage() redraws the app in the new language. */
export async function renderSettings(view, { onLanguage }) {
  const [persisted, account] = await Promise.all([isPersisted(), accountPanel()]);
  const reminders = await remindersPanel({ signedIn: account.signedIn });
  const guide = await guidePanel({ signedIn: account.signedIn });
  const current = currentLanguage();
  const languages = h(
    'fieldset',
    {},
    h('legend', {}, t('language_legend')),
    Object.entries(LANGUAGES).map(([code, name]) =>
      h(
        'label',
        { className: 'choice', lang: code },
        h('input', {
          type: 'radio',
          name: 'language',
          value: code,
          checked: code === current,
          onchange: () => {
            chooseLanguage(code);
            rememberLanguage(code).catch(() => {});
            onLanguage();
          },
        }),
        ` ${name}`,
      ),
    ),
  );
  view.append(
    h('h1', {}, t('settings_title')),
    h(
      'p',
      {},
      h('a', { href: '/method', 'data-route': true, className: 'link-row' }, t('method_link')),
      h('span', { className: 'hint block' }, t('method_link_hint')),
    ),
    languages,
    account.section,
    guide,
    reminders,
    dataPanel(),
    h('h2', {}, t('storage_title')),
    h('p', {}, persisted ? t('storage_persisted') : t('storage_best_effort')),
  );
  // append() writes null as the text "null": add the erase form only when signed in.
  if (account.signedIn) view.append(deletePanel());
}
