// Choosing a question: pure functions, the same on every device, tested with node --test.
import { CIRCLES } from './circles.js';
import { addDays, daysBetween } from './day-math.js';

export const LEAN_DAYS = 14;
export const NO_REPEAT_DAYS = 60;
export const MORNING_ENDS = 12;
export const EVENING_STARTS = 17;

/**
 * Return the moment of the day of a local hour: 'morning' before 12, 'evening' from 17.
 * @param {number} hour
 */
export function momentOf(hour) {
  if (hour < MORNING_ENDS) return 'morning';
  return hour >= EVENING_STARTS ? 'evening' : 'anytime';
}

/**
 * Return whether a question suits a moment; untagged (own) questions are 'anytime'.
 * @param {Question} question
 * @param {string} moment
 */
export function fitsMoment(question, moment) {
  const own = question.moment ?? 'anytime';
  return own === 'anytime' || own === moment;
}

/**
 * Return a 32-bit FNV-1a hash of a string.
 * @param {string} text
 */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Return the question of a day: the same for a given day and seed on every device.
 * @template {Question} Q
 * @param {Q[]} bank
 * @param {string} day
 * @param {string} [seed]
 * @returns {Q | null}
 */
export function dailyQuestion(bank, day, seed = '') {
  if (bank.length === 0) return null;
  return bank[hashString(`${seed}|${day}`) % bank.length];
}

/**
 * Return the user's own question entries as questions of the bank.
 * @param {Entry[]} entries
 * @returns {Question[]}
 */
export function ownQuestions(entries) {
  return entries.map((entry) => ({
    id: entry.id,
    circles: entry.circles ?? [],
    theme: entry.theme ?? 'own',
    nl: entry.nl ?? entry.text,
    en: entry.en ?? entry.text,
    own: true,
  }));
}

/**
 * Return the days whose reflections today's question depends on: { from, to }, both included.
 * @param {string} day
 */
export function choiceWindow(day) {
  return { from: addDays(day, -Math.max(NO_REPEAT_DAYS, LEAN_DAYS)), to: addDays(day, -1) };
}

/**
 * Return the reflections written in the n days before day (day itself excluded).
 * @param {Entry[]} reflections
 * @param {string} day
 * @param {number} n
 */
function before(reflections, day, n) {
  return reflections.filter((entry) => {
    const age = daysBetween(entry.day, day);
    return age >= 1 && age <= n;
  });
}

/**
 * Keep the candidates that touch the circles written about least, of the circles they touch.
 * @param {Question[]} candidates
 * @param {Entry[]} reflections
 */
function leanToNeglected(candidates, reflections) {
  const counts = Object.fromEntries(CIRCLES.map((circle) => [circle, 0]));
  reflections.forEach((entry) =>
    entry.circles?.forEach((circle) => {
      counts[circle] += 1;
    }),
  );
  const touched = CIRCLES.filter((circle) => candidates.some((q) => q.circles?.includes(circle)));
  if (touched.length === 0) return candidates;
  const least = Math.min(...touched.map((circle) => counts[circle]));
  const neglected = touched.filter((circle) => counts[circle] === least);
  return candidates.filter((q) => q.circles?.some((circle) => neglected.includes(circle)));
}

/**
 * Return today's question: a pure function of the questions, the reflections, the day, the seed
 * and the moment of the day, so every device of a user agrees. Only days before today count, so
 * it stays put while you write. Questions of another moment are left out while others remain.
 * @param {{ bank: Question[], reflections?: Entry[], day: string, seed?: string, moment?: string }} choice
 */
export function todaysQuestion({ bank, reflections = [], day, seed = '', moment = 'anytime' }) {
  if (bank.length === 0) return null;
  const fitting = bank.filter((question) => fitsMoment(question, moment));
  const pool = fitting.length ? fitting : bank;
  const answered = new Set(
    before(reflections, day, NO_REPEAT_DAYS).map((entry) => entry.question_id),
  );
  const fresh = pool.filter((question) => !answered.has(question.id));
  const candidates = leanToNeglected(
    fresh.length ? fresh : pool,
    before(reflections, day, LEAN_DAYS),
  );
  return dailyQuestion(candidates, day, seed);
}

/**
 * Return a random question other than the current one.
 * @param {Question[]} bank
 * @param {string | null | undefined} currentId
 * @param {() => number} [random]
 */
export function anotherQuestion(bank, currentId, random = Math.random) {
  const others = bank.filter((question) => question.id !== currentId);
  if (others.length === 0) return bank[0] ?? null;
  return others[Math.floor(random() * others.length)];
}

/**
 * Return a question's text in a language, falling back to English.
 * @param {Question | null | undefined} question
 * @param {string} lang
 * @returns {string}
 */
export function questionText(question, lang) {
  return question?.[lang] ?? question?.en ?? '';
}
