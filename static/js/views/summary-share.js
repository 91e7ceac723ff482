// The "since last time" section: choose a period, read the Markdown, copy or share it.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { addDays } from '../method/day-math.js';
import { summaryMarkdown } from '../method/summary.js';
import { showToast } from '../ui/toast.js';
import { cachedLinks, shareSummary } from '../data/guides.js';
import { reflectionsBetween } from '../data/history.js';

const LAST_SHARED_KEY = 'lpb.summary-until';

/** Remember the end of the period just copied or shared, so next time starts the day after. */
function remember(to) {
  localStorage.setItem(LAST_SHARED_KEY, to);
}

/** Return the first day of the default period: the day after last time, else a week ago. */
function defaultFrom(today) {
  const last = localStorage.getItem(LAST_SHARED_KEY);
  return last && last < today ? addDays(last, 1) : addDays(today, -6);
}

/** Return a labelled date input. */
function dateField(id, label, value, onChange) {
  const input = h('input', { type: 'date', id, value, onchange: onChange });
  return {
    input,
    element: h('div', { className: 'date-field' }, h('label', { for: id }, label), input),
  };
}

/** Return the number of days from one day to another, both included. */
function periodDays(from, to) {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return Math.min(366, Math.max(1, days || 1));
}

/** Return a place for "Share with my guide", filled in when this person has a guide. */
function guideButton(read) {
  const place = h('span', {});
  cachedLinks().then((links) => {
    if (!links.length) return;
    const share = async () => {
      const { markdown, from, to } = read();
      await shareSummary({
        periodDays: periodDays(from, to),
        markdown,
        linkIds: links.map((link) => link.id),
      });
      showToast(t('summary_shared'));
    };
    place.replaceChildren(
      h('button', { type: 'button', onclick: share }, t('summary_share_guide')),
    );
  });
  return place;
}

/** Resolve with the summary section of the chosen days' reflections and eigen mix check-ins. */
export async function summarySection({ mixes, today, lang }) {
  const output = h('textarea', { id: 'summary', rows: 12, readonly: true });
  let asked = 0;
  const update = async () => {
    const period = { from: from.input.value, to: to.input.value };
    asked += 1;
    const mine = asked;
    const reflections = await reflectionsBetween(period.from, period.to);
    // Dates changed again meanwhile: the later answer writes.
    if (mine === asked) output.value = summaryMarkdown({ reflections, mixes, ...period, lang, t });
  };
  const from = dateField('summary-from', t('summary_from'), defaultFrom(today), update);
  const to = dateField('summary-to', t('summary_to'), today, update);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      showToast(t('copied'));
    } catch {
      output.select();
      showToast(t('copy_select'));
    }
    remember(to.input.value);
  };
  const share = async () => {
    try {
      await navigator.share({ title: t('summary_title'), text: output.value });
      remember(to.input.value);
    } catch {
      /* the user closed the share sheet */
    }
  };
  await update();
  return h(
    'section',
    { 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, t('summary_title')),
    h('p', { className: 'hint' }, t('summary_intro')),
    h('div', { className: 'date-fields' }, from.element, to.element),
    h('label', { for: output.id, className: 'visually-hidden' }, t('summary_label')),
    output,
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', onclick: copy }, t('copy')),
      navigator.share ? h('button', { type: 'button', onclick: share }, t('share')) : null,
      guideButton(() => ({ markdown: output.value, from: from.input.value, to: to.input.value })),
    ),
  );
}
