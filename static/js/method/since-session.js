// Session preparation: what a client shared and answered since the last session, and the trend,
// and the guide's questions each with its answers. Pure functions over what the guide can read.
import { average } from './insights-math.js';

// A change of average smaller than this is no trend (ratings are whole numbers, 1–5).
const STEADY = 0.25;

/**
 * Return the day an entry is about: its own day, else the day it was made.
 * @param {{ day?: string, created_at?: string }} entry
 * @returns {string}
 */
export function dayOf(entry) {
  return entry.day ?? entry.created_at?.slice(0, 10) ?? '';
}

/**
 * Return the average of one rating over the reflections that have it, or null.
 * @param {Entry[]} reflections
 * @param {string} key
 */
function ratingAverage(reflections, key) {
  return average(reflections.map((entry) => entry[key]).filter(Number.isFinite));
}

/**
 * Return 'up', 'down' or 'steady' from one average to another; null when either is missing.
 * @param {number | null} before
 * @param {number | null} since
 */
export function trendOf(before, since) {
  if (before === null || since === null) return null;
  if (Math.abs(since - before) < STEADY) return 'steady';
  return since > before ? 'up' : 'down';
}

/**
 * Return a rating's average before the session and since, with the trend between them.
 * @param {Entry[]} before
 * @param {Entry[]} since
 * @param {string} key
 */
function ratingTrend(before, since, key) {
  const from = ratingAverage(before, key);
  const to = ratingAverage(since, key);
  return { before: from, since: to, trend: trendOf(from, to) };
}

/**
 * Return what came since the session held on heldOn (YYYY-MM-DD; its own day included, since
 * a session is recorded on its day and what is written after it counts): the reflections shared,
 * the answers to the guide's questions, the summaries, and energy and meaning before and since.
 * @param {Entry[]} entries
 * @param {string} heldOn
 */
export function sinceSession(entries, heldOn) {
  const reflections = newestFirst(entries);
  const since = reflections.filter((entry) => dayOf(entry) >= heldOn);
  const before = reflections.filter((entry) => dayOf(entry) < heldOn);
  return {
    heldOn,
    shared: since.filter((entry) => !entry.guide_question_id),
    answered: since.filter((entry) => entry.guide_question_id),
    summaries: entries.filter((entry) => entry.kind === 'shared_summary' && dayOf(entry) >= heldOn),
    energy: ratingTrend(before, since, 'energy'),
    meaning: ratingTrend(before, since, 'meaning'),
  };
}

/**
 * Return the guide's questions, newest first, each with its answers (oldest first) and state.
 * @template {{ id: number, asked_at?: string }} Q
 * @param {Q[]} questions
 * @param {Entry[]} entries
 */
export function questionThreads(questions, entries) {
  /** @type {Map<number, Entry[]>} */
  const answers = new Map();
  for (const entry of entries) {
    if (!entry.guide_question_id) continue;
    if (!answers.has(entry.guide_question_id)) answers.set(entry.guide_question_id, []);
    /** @type {Entry[]} */ (answers.get(entry.guide_question_id)).push(entry);
  }
  return [...questions]
    .sort((a, b) => (b.asked_at ?? '').localeCompare(a.asked_at ?? ''))
    .map((question) => {
      const its = (answers.get(question.id) ?? []).sort((a, b) =>
        a.created_at.localeCompare(b.created_at),
      );
      return { question, answers: its, open: its.length === 0 };
    });
}

/**
 * Return the shared reflections newest first (by their day, then when they were written).
 * @param {Entry[]} entries
 */
export function newestFirst(entries) {
  return entries
    .filter((entry) => entry.kind === 'reflection')
    .sort((a, b) => dayOf(b).localeCompare(dayOf(a)) || b.created_at.localeCompare(a.created_at));
}
