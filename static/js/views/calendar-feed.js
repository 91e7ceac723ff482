// The private calendar feed: for browsers without Web Push, or people who prefer their calendar.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { createCalendarFeed, loadCalendarFeed, revokeCalendarFeed } from '../data/reminders-api.js';

/** Return the message for a failed reminders request. */
export function reminderError(error) {
  if (error?.reason === 'offline') return t('reminders_offline');
  if (error?.reason === 'signin') return t('reminders_signin');
  return t('reminders_failed');
}

/** Return the secret URL with a button that copies it. */
function urlField(url, message) {
  const input = h('input', { type: 'text', id: 'calendar-url', value: url, readonly: true });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.select();
    }
    message.textContent = t('calendar_copied');
  };
  return [
    h('label', { for: 'calendar-url' }, t('calendar_url')),
    h(
      'div',
      { className: 'copy-row' },
      input,
      h('button', { type: 'button', onclick: copy }, t('calendar_copy')),
    ),
    // webcal:// opens the calendar app, which subscribes to the feed (the same address, https).
    h(
      'p',
      { className: 'actions' },
      h(
        'a',
        { className: 'button primary', href: url.replace(/^https?:/, 'webcal:') },
        t('calendar_add'),
      ),
    ),
    h('p', { className: 'hint' }, t('calendar_made')),
  ];
}

/** Resolve with the calendar part of the reminders; read() gives the time and days to use. */
export async function calendarSection(read) {
  const body = h('div', {});
  const message = h('p', { className: 'save-status', role: 'status' });
  const act = async (work) => {
    try {
      await work();
    } catch (error) {
      message.textContent = reminderError(error);
    }
  };
  const make = () =>
    act(async () => {
      const schedule = read();
      if (schedule.days.length === 0) return (message.textContent = t('reminders_no_days'));
      const feed = await createCalendarFeed({ ...schedule, lang: currentLanguage() });
      message.textContent = '';
      draw(feed);
    });
  const revoke = () =>
    act(async () => {
      await revokeCalendarFeed();
      message.textContent = t('calendar_revoked');
      draw(null);
    });
  const draw = (feed) => {
    body.replaceChildren(
      ...(feed?.url
        ? urlField(feed.url, message)
        : [h('p', {}, t(feed ? 'calendar_exists' : 'calendar_intro'))]),
      h(
        'p',
        { className: 'actions' },
        h(
          'button',
          { type: 'button', id: 'calendar-make', onclick: make },
          t(feed ? 'calendar_renew' : 'calendar_create'),
        ),
        feed
          ? h(
              'button',
              { type: 'button', className: 'danger', onclick: revoke },
              t('calendar_revoke'),
            )
          : null,
      ),
    );
  };
  let feed = null;
  await act(async () => {
    feed = await loadCalendarFeed();
  });
  draw(feed);
  return h(
    'section',
    { 'aria-labelledby': 'calendar-title' },
    h('h3', { id: 'calendar-title' }, t('calendar_title')),
    body,
    message,
  );
}
