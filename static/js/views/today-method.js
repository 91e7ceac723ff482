// What Today offers besides the question: a quick check-in, on this day, the weekly eigen mix,
// kantelen, and your own questions.
import { h } from '../ui/dom.js';
import { nextTask } from '../ui/after-frame.js';
import { listEntries } from '../data/entries.js';
import { kantelenReflections } from '../data/kantelen-reflections.js';
import { localDay } from '../method/dates.js';
import { mixDone, mixOffer } from './eigen-mix.js';
import { kantelenCard } from './kantelen.js';
import { ownQuestionsSection } from './own-questions.js';
import { loadSeed } from '../data/user-seed.js';
import { meaningCards } from './today-meaning.js';
import { guideQuestionCards } from './guide-question.js';

/** Resolve with the kantelen card ({ element, stop }) of today, or null. */
async function loadKantelen(today) {
  // Once a day kantelen looks at the whole history (any old reflection may be chosen), so it
  // never holds up the question: Today draws first and the card joins its place when ready.
  const seed = await loadSeed();
  const reflections = await kantelenReflections(today, seed);
  // The card (and the first date format it makes) is a task of its own.
  await nextTask();
  return kantelenCard({ reflections, today, seed });
}

/**
 * Resolve with Today's extra cards (each also by name; the guide's questions, which go above the
 * day's question, apart) and a stop() that keeps their drafts.
 * The kantelen card comes later: kantelenPlace holds it, and kantelen() resolves with it.
 */
export async function methodCards() {
  const today = localDay();
  const [mixes, meaning, guide] = await Promise.all([
    listEntries('mix'),
    meaningCards(today),
    guideQuestionCards(),
  ]);
  const mix = mixDone(mixes, today) ? null : mixOffer({ mixes, today });
  const own = ownQuestionsSection();
  const kantelenPlace = h('div', { className: 'kantelen-place' });
  let loaded = null;
  const kantelen = async () => {
    loaded ??= loadKantelen(today);
    const card = await loaded;
    if (card) kantelenPlace.replaceChildren(card.element);
    return card;
  };
  return {
    // Below the day's form, compact: the check-in, kantelen, the eigen mix, then the rest.
    elements: [meaning[0], kantelenPlace, mix, ...meaning.slice(1), own].filter(Boolean),
    mix,
    kantelen,
    own,
    guide: guide.elements,
    stop: async () => Promise.all([(await loaded)?.stop(), guide.stop()]),
  };
}
