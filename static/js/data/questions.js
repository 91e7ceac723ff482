// The question bank, fetched once (the service worker keeps it for offline use), and today's question.
import { listEntries } from './entries.js';
import { reflectionsBetween } from './history.js';
import { readMeta, writeMeta } from './device-meta.js';
import { loadSeed } from './user-seed.js';
import { questionPool } from '../method/question-pool.js';
import { choiceWindow, momentOf, todaysQuestion } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';

const QUESTIONS_URL = '/api/questions';
const DAY_QUESTION_KEY = 'day-question';

/** @type {Promise<any> | null} */
let bankPromise = null;
let askedServer = false;

/** Resolve with the bank from the network, else the worker's cache (a worker's fetch skips it). */
async function fetchQuestions() {
  try {
    const response = await fetch(QUESTIONS_URL);
    if (!response.ok) throw new Error(`questions: HTTP ${response.status}`);
    return await response.json();
  } catch (error) {
    const cached = await globalThis.caches?.match(QUESTIONS_URL);
    if (!cached) throw error;
    return cached.json();
  }
}

/** Resolve with the question bank; an empty list when it cannot be had. */
export function loadQuestions() {
  bankPromise ??= fetchQuestions().catch(() => {
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

/**
 * Resolve with today's question from the pool: a pure function of the history and the seed, so
 * every device of an account draws the same one. The first choice of a day is kept for that seed,
 * so adding a question of your own or a reflection arriving from sync never changes it; joining an
 * account changes the seed, and the question once, to the account's. The first choice of a page
 * load asks the server whether it has just signed in, so it never shows the device's question first.
 * A choice made before the device's first pull is made once more after it: a device just signed
 * in then has the account's history, and so the account's question.
 * @param {Question[]} pool
 */
export async function chooseTodaysQuestion(pool) {
  const day = localDay();
  const [kept, seed, cursor] = await Promise.all([
    readMeta(DAY_QUESTION_KEY),
    loadSeed({ askServer: !askedServer }),
    readMeta('cursor'),
  ]);
  askedServer = true;
  const pulled = Boolean(cursor);
  const keptQuestion =
    kept?.day === day &&
    kept.seed === seed &&
    (kept.pulled !== false || !pulled) &&
    pool.find((q) => q.id === kept.question_id);
  if (keptQuestion) return keptQuestion;
  const { from, to } = choiceWindow(day);
  const reflections = await reflectionsBetween(from, to);
  const moment = momentOf(new Date().getHours());
  const question = todaysQuestion({ bank: pool, reflections, day, seed, moment });
  // Best effort: on a full device the question is still shown, only not kept.
  if (question)
    await writeMeta(DAY_QUESTION_KEY, { day, seed, pulled, question_id: question.id }).catch(
      () => {},
    );
  return question;
}
