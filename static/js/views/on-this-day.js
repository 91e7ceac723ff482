// "On this day" on Today: what you wrote a month ago and a year ago, when there is something.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { formatDay } from '../method/dates.js';
import { onThisDay } from '../method/life-course.js';
import { ratingTags } from './rating-tags.js';

const EXCERPT_LENGTH = 180;

/** Return the first words of a text, cut at a word near EXCERPT_LENGTH. */
function excerpt(text) {
  if (text.length <= EXCERPT_LENGTH) return text;
  return `${text.slice(0, text.lastIndexOf(' ', EXCERPT_LENGTH))} …`;
}

/** Return one earlier entry: its text (or the check-in's ratings) with its question. */
function earlier(entry) {
  if (entry.kind === 'checkin')
    return h('p', { className: 'meta' }, t('checkin_name'), ' ', ratingTags(entry));
  return h(
    'blockquote',
    {},
    entry.question_text ? h('p', { className: 'question' }, entry.question_text) : null,
    h('p', { className: 'text' }, excerpt(entry.text ?? '')),
  );
}

/** Return the card of a month and a year ago, or null when nothing was written then. */
export function onThisDayCard(written, today, lang) {
  const found = onThisDay(written, today);
  if (found.length === 0) return null;
  return h(
    'section',
    { className: 'card on-this-day', 'aria-labelledby': 'on-this-day-title' },
    h('h2', { id: 'on-this-day-title' }, t('on_this_day_title')),
    found.map(({ key, day, entries }) =>
      h(
        'div',
        {},
        h('h3', {}, t(`on_this_day_${key}`, { day: formatDay(day, lang) })),
        [...entries].reverse().map(earlier),
      ),
    ),
  );
}
