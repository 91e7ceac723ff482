// A day that feels finished: what you just wrote, the day marked done, a gentle count, one next step.
import { h } from '../ui/dom.js';
import { t, tn } from '../i18n/i18n.js';
import { readDayTotals } from '../data/history.js';
import { daysWrittenThisWeek } from '../method/days-written.js';
import { localDay } from '../method/dates.js';
import { weekStart } from '../method/day-math.js';
import { afterFirstFrame, nextTask } from '../ui/after-frame.js';

/** Return the sentence that counts the days written this week (days: per-day totals or entries). */
function weekCount(days, today) {
  return tn('done_week', daysWrittenThisWeek(days, today));
}

/** Return the ratings given with a reflection as one line ("Energie 4 van 5 · Zingeving 5 van 5"), or null. */
function ratingsLine(entry) {
  const ratings = ['energy', 'meaning', 'engagement']
    .filter((key) => entry[key])
    .map((key) => t(`done_${key}`, { n: entry[key] }));
  return ratings.length ? h('p', { className: 'hint' }, ratings.join(' · ')) : null;
}

/** Return the card that shows today's reflection (the newest) and marks the day as done. */
export function doneCard(entry, { days, today, justSaved }) {
  const circles = (entry.circles ?? []).map((circle) =>
    h('li', { className: 'tag' }, t(`circle_${circle}`)),
  );
  return h(
    'section',
    { className: 'card done', 'aria-labelledby': 'done-title' },
    h(
      'h1',
      { id: 'done-title', tabindex: '-1' },
      h('span', { 'aria-hidden': 'true' }, '✓ '),
      t('done_title'),
    ),
    entry.question_text ? h('p', { className: 'hint' }, entry.question_text) : null,
    h('p', { className: 'done-text' }, entry.text),
    circles.length
      ? h('ul', { className: 'done-tags', 'aria-label': t('circles_legend') }, circles)
      : null,
    ratingsLine(entry),
    h('p', { className: 'done-count' }, weekCount(days, today)),
    h('p', { className: 'save-status', role: 'status' }, justSaved ? t('saved') : ''),
  );
}

/**
 * Return the one next step after writing: kantelen when offered, else the week's mix when due,
 * and always a way to write something else (writeMore opens a fresh form).
 */
export function nextStep({ kantelen, mix }, writeMore) {
  const offer = kantelen ?? mix;
  return h(
    'div',
    { className: 'next-step' },
    offer,
    h(
      'p',
      { className: 'actions' },
      h(
        'button',
        { type: 'button', className: offer ? '' : 'primary', onclick: writeMore },
        t('done_more'),
      ),
    ),
  );
}

/** Make kantelen's card the next step after writing, in the week's mix's place. */
function offerKantelen(next, kantelen, mix) {
  mix?.remove();
  next.prepend(kantelen.element);
  next.querySelector('.actions .primary')?.classList.remove('primary');
}

/**
 * Draw the day as done into view, with one next step; more() opens a form for something else,
 * current() says whether this drawing is still the one on screen.
 */
export async function drawDone(view, extras, entry, { focus, more, current }) {
  // Quick check-ins count as written days too.
  const days = await readDayTotals(weekStart(localDay()), localDay());
  await nextTask();
  const card = doneCard(entry, { days, today: localDay(), justSaved: focus });
  const next = nextStep({ mix: extras.mix }, more);
  view.replaceChildren(...extras.guide, card, next);
  if (focus) {
    card.querySelector('h1').focus();
    scrollTo(0, 0);
  }
  // Kantelen's pick looks at the whole history (once a day): never part of the start. When it
  // offers a reflection to look at again, that becomes the next step in the mix's place.
  afterFirstFrame(async () => {
    if (!current()) return;
    view.append(extras.own);
    await nextTask();
    const kantelen = await extras.kantelen();
    if (kantelen && current()) offerKantelen(next, kantelen, extras.mix);
  });
}
