// The guide part of Settings: invite a guide, open invitations, each guide with what they see,
// and the way to the guide's own pages for someone who guides others.
import { formField, h } from '../ui/dom.js';
import { confirmHere } from '../ui/confirm-here.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { showToast } from '../ui/toast.js';
import {
  cachedLinks,
  changeLink,
  invite,
  isGuiding,
  loadGuides,
  rememberGuiding,
  revokeInvitation,
  stopSharing,
} from '../data/guides.js';
import { suggestionsSwitch } from './guide-suggestion-switch.js';

/** Return the message for a failed guides request. */
function failure(error) {
  if (error?.reason === 'offline') return t('guide_offline');
  if (error?.reason === 'signin') return t('guide_signin');
  return t('guide_failed');
}

/** Return "when" in the reader's locale, or "not yet". */
function lastSeen(iso) {
  if (!iso) return t('guide_not_yet');
  const options = { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(currentLanguage(), options).format(new Date(iso));
}

/** Return the new invitation's link with Share and Copy. */
function invitationLink(url) {
  const field = h('input', { type: 'text', id: 'guide-link', readonly: true, value: url });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      showToast(t('copied'));
    } catch {
      field.select();
      showToast(t('copy_select'));
    }
  };
  const share = () => navigator.share({ title: t('guide_title'), url }).catch(() => {});
  return h(
    'div',
    { className: 'guide-new-link' },
    h('label', { for: 'guide-link' }, t('guide_link_label')),
    field,
    h('p', { className: 'hint' }, t('guide_link_hint')),
    h(
      'p',
      { className: 'actions' },
      navigator.share ? h('button', { type: 'button', onclick: share }, t('share')) : null,
      h('button', { type: 'button', onclick: copy }, t('copy')),
    ),
  );
}

/** Return the form that asks the name the guide sees, then makes the invitation. */
function inviteForm(email, ui) {
  const name = h('input', { type: 'text', id: 'guide-name', maxlength: 100, autocomplete: 'off' });
  name.value = (email ?? '').split('@')[0];
  const result = h('div', {});
  const form = h(
    'form',
    { novalidate: true },
    formField('guide-name', t('guide_name_label'), name),
    h('button', { type: 'submit', className: 'primary' }, t('guide_invite')),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const invitation = await invite(name.value.trim());
      result.replaceChildren(
        invitationLink(invitation.url ?? new URL(invitation.path, location.origin).href),
      );
      await ui.refresh({ keep: form });
    } catch (error) {
      ui.say(failure(error));
    }
  });
  return form;
}

/** Return one open invitation, revocable. */
function invitationItem(invitation, ui) {
  const revoke = async () => {
    try {
      await revokeInvitation(invitation.id);
      await ui.refresh();
    } catch (error) {
      ui.say(failure(error));
    }
  };
  return h(
    'li',
    {},
    invitation.name_for_guide
      ? t('guide_open_invitation', { name: invitation.name_for_guide })
      : t('guide_open_invitation_email'),
    ' ',
    h('button', { type: 'button', onclick: revoke }, t('guide_revoke')),
  );
}

/** Return the editable name the guide sees for you. */
function nameField(link, ui) {
  const id = `guide-name-${link.id}`;
  const input = h('input', { type: 'text', id, maxlength: 100, value: link.name_for_guide });
  input.addEventListener('change', () =>
    changeLink(link.id, { name_for_guide: input.value.trim() })
      .then(() => ui.say(t('guide_saved')))
      .catch((error) => ui.say(failure(error))),
  );
  return formField(id, t('guide_name_seen'), input);
}

/** Return one accepted guide: email, name, insights switch, last look, stop sharing. */
function linkItem(link, ui) {
  const insights = h('input', { type: 'checkbox', checked: link.show_insights });
  insights.addEventListener('change', () =>
    changeLink(link.id, { show_insights: insights.checked })
      .then(() => ui.say(t('guide_saved')))
      .catch((error) => {
        insights.checked = !insights.checked;
        ui.say(failure(error));
      }),
  );
  const confirmArea = h('div', {});
  const stop = async () => {
    try {
      await stopSharing(link.id);
      await ui.refresh();
      ui.say(t('guide_stopped', { email: link.guide_name || link.guide_email }), { inSight: true });
    } catch (error) {
      ui.say(failure(error));
    }
  };
  const ask = () =>
    confirmHere(confirmArea, {
      question: t('guide_stop_confirm', { email: link.guide_name || link.guide_email }),
      yes: t('guide_stop_yes'),
      onYes: stop,
    });
  return h(
    'li',
    { className: 'guide-item' },
    h('h3', {}, link.guide_name || link.guide_email),
    nameField(link, ui),
    h('label', { className: 'choice' }, insights, ` ${t('guide_show_insights')}`),
    suggestionsSwitch(link, ui, failure),
    h(
      'p',
      { className: 'hint' },
      t('guide_last_seen', { when: lastSeen(link.guide_last_seen_at) }),
    ),
    h('button', { type: 'button', className: 'danger', onclick: ask }, t('guide_stop')),
    confirmArea,
  );
}

/** Draw the links and invitations into list, from the server or (offline) as last seen. */
async function drawLists(list, ui) {
  let guides;
  try {
    guides = await loadGuides();
  } catch (error) {
    ui.say(failure(error));
    guides = { links: await cachedLinks(), invitations: [] };
  }
  const parts = [];
  if (guides.links.length) {
    parts.push(
      h(
        'ul',
        { className: 'guide-list' },
        guides.links.map((l) => linkItem(l, ui)),
      ),
    );
  } else parts.push(h('p', { className: 'hint' }, t('guide_none')));
  if (guides.invitations.length) {
    parts.push(
      h('h3', {}, t('guide_invitations_title')),
      h(
        'ul',
        {},
        guides.invitations.map((i) => invitationItem(i, ui)),
      ),
    );
  }
  list.replaceChildren(...parts);
}

/** Resolve with the session: signed in, email, guiding (remembered for offline use). */
async function session() {
  try {
    const answer = await (await fetch('/api/session', { cache: 'no-store' })).json();
    await rememberGuiding(answer.guiding);
    return { signedIn: answer.signed_in, email: answer.email, guiding: answer.guiding };
  } catch {
    return { signedIn: null, email: null, guiding: await isGuiding() };
  }
}

/** Return the link to the guide's own pages, when this account guides someone. */
export async function guidingLink() {
  if (!(await isGuiding())) return null;
  return h(
    'p',
    {},
    h('a', { href: '/guidance', 'data-route': '', className: 'button primary' }, t('guide_nav')),
  );
}

/** Return the guide section of Settings (signedIn from the account part). */
export async function guidePanel({ signedIn }) {
  const { email, guiding } = await session();
  const message = h('p', { role: 'status', className: 'save-status' });
  const section = h(
    'section',
    { 'aria-labelledby': 'guide-title' },
    h('h2', { id: 'guide-title' }, t('guide_title')),
    h('p', {}, t('guide_intro')),
  );
  if (guiding) section.append(await guidingLink());
  if (!signedIn) {
    section.append(h('p', { className: 'hint' }, t('guide_needs_account')));
    return section;
  }
  const list = h('div', {});
  const ui = {
    say: (text, { inSight = false } = {}) => {
      message.textContent = text;
      // Where it was asked: the list closes over the guide, the message comes into view.
      if (inSight) message.scrollIntoView({ block: 'nearest' });
    },
    refresh: () => drawLists(list, ui),
  };
  section.append(inviteForm(email, ui), list, message);
  await drawLists(list, ui);
  return section;
}
