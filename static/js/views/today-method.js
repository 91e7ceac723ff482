// What Today offers besides the question: a quick check-in, on this day, the weekly eigen mix,
// kantelen, and your own questions.
import { listEntries, listReflections } from '../data/entries.js';
import { localDay } from '../method/dates.js';
import { mixDone, mixOffer } from './eigen-mix.js';
import { kantelenCard } from './kantelen.js';
import { ownQuestionsSection } from './own-questions.js';
import { loadSeed } from '../data/user-seed.js';
import { meaningCards } from './today-meaning.js';
import { guideQuestionCards } from './guide-question.js';

/** Resolve with Today's extra cards (each also by name) and a stop() that keeps their drafts. */
export async function methodCards() {
  const today = localDay();
  const [reflections, mixes, seed, meaning, guide] = await Promise.all([
    listReflections(),
    listEntries('mix'),
    loadSeed(),
    meaningCards(today),
    guideQuestionCards(),
  ]);
  const kantelen = await kantelenCard({ reflections, today, seed });
  const mix = mixDone(mixes, today) ? null : mixOffer({ mixes, today });
  const own = ownQuestionsSection();
  const elements = [...guide.elements, ...meaning, mix, kantelen?.element, own].filter(Boolean);
  return {
    elements,
    mix,
    kantelen: kantelen?.element ?? null,
    own,
    guide: guide.elements,
    reflections,
    stop: () => Promise.all([kantelen?.stop(), guide.stop()]),
  };
}
