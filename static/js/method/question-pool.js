// Today's question on this device: the bank and the user's own questions, their history and seed.
import { listEntries, listReflections } from '../data/entries.js';
import { loadQuestions } from '../data/questions.js';
import { ownQuestions, todaysQuestion } from './question-choice.js';
import { loadSeed } from '../data/user-seed.js';
import { localDay } from './dates.js';

/** Resolve with the bank and the user's own questions together. */
export async function loadQuestionPool() {
  const [bank, own] = await Promise.all([loadQuestions(), listEntries('question')]);
  return [...bank, ...ownQuestions(own)];
}

/** Resolve with today's question from the pool. */
export async function chooseTodaysQuestion(pool) {
  const [reflections, seed] = await Promise.all([listReflections(), loadSeed()]);
  return todaysQuestion({ bank: pool, reflections, day: localDay(), seed });
}
