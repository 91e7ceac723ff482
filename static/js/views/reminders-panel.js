// Reminders in Settings, per device: a time and days, pushed by the server; a calendar feed otherwise.
import { formField, h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import {
  deleteDeviceReminder,
  loadDeviceReminder,
  loadLastSchedule,
  saveDeviceReminder,
  vapidPublicKey,
} from '../data/reminders-api.js';
import { calendarSection, reminderError } from './calendar-feed.js';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DEFAULT = { time: '20:00', days: DAYS, skip_when_written: true };

/** Return whether this browser can receive Web Push notifications. */
function pushAvailable() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Return the bytes of a base64url string, as pushManager.subscribe takes its key. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
    c.charCodeAt(0),
  );
}

/** Resolve with this browser's push subscription, asking for permission first. */
async function subscribe() {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('denied');
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing) return existing;
  const applicationServerKey = keyBytes(await vapidPublicKey());
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
}

/** Return the schedule fields (time, days, skip) and a read() of what they hold. */
export function scheduleFields(start) {
  const time = h('input', { type: 'time', id: 'reminder-time', value: start.time, required: true });
  const days = DAYS.map((day) =>
    h('input', {
      type: 'checkbox',
      name: 'reminder-day',
      value: day,
      checked: start.days.includes(day),
    }),
  );
  const skip = h('input', {
    type: 'checkbox',
    id: 'reminder-skip',
    checked: start.skip_when_written,
  });
  const elements = [
    formField('reminder-time', t('reminders_time'), time),
    h(
      'fieldset',
      {},
      h('legend', {}, t('reminders_days')),
      h(
        'div',
        { className: 'day-chips' },
        days.map((input, i) =>
          h(
            'label',
            {},
            input,
            h('span', { 'aria-hidden': 'true' }, t(`day_${DAYS[i]}`)),
            h('span', { className: 'visually-hidden' }, t(`day_name_${DAYS[i]}`)),
          ),
        ),
      ),
    ),
    h('label', { className: 'choice' }, skip, ` ${t('reminders_skip')}`),
  ];
  const read = () => ({
    time: time.value,
    days: days.filter((input) => input.checked).map((input) => input.value),
    skip_when_written: skip.checked,
  });
  return { elements, read };
}

/** Return a schedule's days as short names: "ma, di, wo". */
const dayNames = (days) => days.map((day) => t(`day_${day}`)).join(', ');

/** Return the sentence that says when reminders come, and in which time zone. */
function activeText({ time, days, time_zone }) {
  const active = t('reminders_active', { time, days: dayNames(days) });
  return time_zone ? `${active} ${t('reminders_zone', { zone: time_zone })}` : active;
}

/** Return the line that says what was chosen on another device or for the calendar feed. */
function lastText(last) {
  const values = { time: last.time, days: dayNames(last.days), zone: last.time_zone };
  return t(last.source === 'calendar' ? 'reminders_from_feed' : 'reminders_last', values);
}

/** Offer the calendar feed instead: its button gets the focus, the message says why. */
function offerCalendar(message) {
  message.textContent = t('reminders_push_unavailable');
  document.getElementById('calendar-make')?.focus();
}

/** Turn the push reminder on (or save its changes), saying what happened in message. */
async function turnOn(read, message, onChange) {
  const schedule = read();
  if (schedule.days.length === 0) return (message.textContent = t('reminders_no_days'));
  let subscription;
  try {
    subscription = await subscribe();
  } catch {
    if (Notification.permission === 'denied') message.textContent = t('reminders_denied');
    else offerCalendar(message);
    return;
  }
  try {
    const saved = await saveDeviceReminder({ ...schedule, subscription: subscription.toJSON() });
    message.textContent = `${t('reminders_saved')} ${activeText(saved)}`;
    onChange(saved);
  } catch (error) {
    message.textContent = reminderError(error);
  }
}

/** Turn this device's reminders off, on the server and in the browser. */
async function turnOff(message, onChange) {
  try {
    await deleteDeviceReminder();
    const registration = await navigator.serviceWorker.ready;
    await (await registration.pushManager.getSubscription())?.unsubscribe();
    message.textContent = t('reminders_stopped');
    onChange(null);
  } catch (error) {
    message.textContent = reminderError(error);
  }
}

/** Return the push part: the schedule and the on, save and off buttons. */
function pushForm(current, message, schedule) {
  const form = h('form', { className: 'reminders', novalidate: true });
  const draw = (reminder) => {
    const off = h(
      'button',
      { type: 'button', onclick: () => turnOff(message, draw) },
      t('reminders_off'),
    );
    form.replaceChildren(
      reminder ? h('p', {}, activeText(reminder)) : '',
      ...schedule.elements,
      h(
        'p',
        { className: 'actions' },
        h(
          'button',
          { type: 'submit', className: 'primary' },
          t(reminder ? 'reminders_save' : 'reminders_on'),
        ),
        reminder ? off : null,
      ),
    );
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Asking for permission and subscribing can take seconds: say so, and take no second tap.
    const button = event.submitter ?? form.querySelector('[type="submit"]');
    const label = button.textContent;
    form.setAttribute('aria-busy', 'true');
    button.disabled = true;
    button.textContent = t('reminders_busy');
    message.textContent = t('reminders_busy');
    try {
      await turnOn(schedule.read, message, draw);
    } finally {
      form.removeAttribute('aria-busy');
      if (button.isConnected) {
        button.disabled = false;
        button.textContent = label;
      }
    }
  });
  draw(current);
  return form;
}

/** Resolve with the reminders section of Settings. */
export async function remindersPanel({ signedIn }) {
  const section = h(
    'section',
    { 'aria-labelledby': 'reminders-title', className: 'reminders-panel' },
    h('h2', { id: 'reminders-title' }, t('reminders_title')),
  );
  if (!signedIn) {
    section.append(
      h('p', {}, t('reminders_need_account')),
      h('p', {}, h('a', { className: 'button', href: '/register' }, t('create_account'))),
    );
    return section;
  }
  const message = h('p', { className: 'save-status', role: 'status' });
  let current = null;
  let last = null;
  try {
    [current, last] = await Promise.all([loadDeviceReminder(), loadLastSchedule()]);
  } catch (error) {
    message.textContent = reminderError(error);
  }
  // What was saved, here or on another device, never a default that was not chosen.
  const schedule = scheduleFields(current ?? last ?? DEFAULT);
  section.append(h('p', {}, t('reminders_intro')));
  if (!current && last) section.append(h('p', { className: 'reminders-last' }, lastText(last)));
  if (pushAvailable()) section.append(pushForm(current, message, schedule));
  else message.textContent = t('reminders_push_unavailable');
  section.append(message, await calendarSection(schedule.read));
  return section;
}
