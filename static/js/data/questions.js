// The question bank, fetched once (the service worker keeps it for offline use), and today's question.
import { listEntries, listReflections } from './entries.js';
import { loadSeed } from './user-seed.js';
import { questionPool } from '../method/question-pool.js';
import { momentOf, todaysQuestion } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';

let bankPromise = null;

/** Resolve with the question bank; an empty list when it cannot be had. */
export function loadQuestions() {
  bankPromise ??= fetch('/api/questions')
    .then((response) => {
      if (!response.ok) throw new Error(`questions: HTTP ${response.status}`);
      return response.json();
    })
    .catch(() => {
      bankPromise = null;
      return [];
    });
  return bankPromise;
}

/** Resolve with the bank and the user's own questions together. */
export async function loadQuestionPool() {
  const [bank, own] = await Promise.all([loadQuestions(), listEntries('question')]);
  return questionPool(bank, own);
}

/** Resolve with today's question from the pool, from this person's history and seed. */
export async function chooseTodaysQuestion(pool) {
  const [reflections, seed] = await Promise.all([listReflections(), loadSeed()]);
  const moment = momentOf(new Date().getHours());
  return todaysQuestion({ bank: pool, reflections, day: localDay(), seed, moment });
}
