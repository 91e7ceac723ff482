// Today after a sync, while nothing is typed in its form: the day written on another device shows
// as done, and a device just signed in leaves the introduction and takes the account's question
// (and a guide's suggestion that arrived).
import { localDay } from '../method/dates.js';
import { readDayTotals, reflectionsBetween } from '../data/history.js';

/**
 * Resolve with what Today should show now: { written } for the done day, { question, suggestion }
 * for a form drawn anew, or null to leave it as it is.
 */
export async function catchUp({ view, reflection, question, bank, dayQuestion }) {
  const untouched = reflection?.form.isConnected && !reflection.textarea.value.trim();
  if (!untouched || reflection.more) return null;
  const today = localDay();
  const [written] = await reflectionsBetween(today, today);
  if (written) return { written };
  const next = await dayQuestion(bank, null);
  const introWithHistory =
    view.querySelector('.intro') && (await readDayTotals()).some((day) => day.day !== today);
  const suggestionChanged =
    Boolean(view.querySelector('.guide-suggestion')) !== Boolean(next.suggestion);
  if (next.question?.id === question?.id && !introWithHistory && !suggestionChanged) return null;
  return next;
}
