// Kantelen: which older reflection to look at again this week, and from which circle. Pure.
import { CIRCLES } from './circles.js';
import { addDays, isoWeek } from './day-math.js';
import { hashString } from './question-choice.js';

export const KANTELEN_MIN_AGE_DAYS = 7;

/**
 * Return { entry, toCircle } to look at again, or null: at most once a week (not when a kantelen
 * was written or skipped this week), a reflection at least a week old that was not turned yet.
 * @param {{ reflections: Entry[], today: string, seed?: string, skippedWeek?: string | null }} choice
 */
export function kantelenInvitation({ reflections, today, seed = '', skippedWeek = null }) {
  const week = isoWeek(today);
  if (skippedWeek === week) return null;
  if (reflections.some((entry) => entry.kantelen_of && isoWeek(entry.day) === week)) return null;
  const turned = new Set(reflections.map((entry) => entry.kantelen_of).filter(Boolean));
  // YYYY-MM-DD days compare as strings: no date arithmetic per reflection of the whole history.
  const latest = addDays(today, -KANTELEN_MIN_AGE_DAYS);
  const candidates = reflections
    .filter((entry) => entry.day <= latest)
    .filter((entry) => !turned.has(entry.id) && !entry.kantelen_of && entry.text?.trim())
    .filter((entry) => (entry.circles ?? []).length < CIRCLES.length)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  if (candidates.length === 0) return null;
  const hash = hashString(`${seed}|kantelen|${week}`);
  const entry = candidates[hash % candidates.length];
  const others = CIRCLES.filter((circle) => !(entry.circles ?? []).includes(circle));
  return { entry, fromCircle: entry.circles?.[0] ?? null, toCircle: others[hash % others.length] };
}
