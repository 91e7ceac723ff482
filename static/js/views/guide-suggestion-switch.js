// Settings → Guide: the switch per guide for suggested questions on Today.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { changeLink, loadGuides } from '../data/guides.js';

/** Return the switch of one guide's suggestions; it saves at once, and says why when it cannot. */
export function suggestionsSwitch(link, ui, failure) {
  const box = h('input', { type: 'checkbox', checked: link.accepts_suggestions !== false });
  box.addEventListener('change', () =>
    changeLink(link.id, { accepts_suggestions: box.checked })
      // The device's copy of the links follows, so Today stops (or shows) the suggestion at once.
      .then(() => loadGuides())
      .then(() => ui.say(t('guide_saved')))
      .catch((error) => {
        box.checked = !box.checked;
        ui.say(failure(error));
      }),
  );
  return h('label', { className: 'choice' }, box, ` ${t('suggestions_switch')}`);
}
