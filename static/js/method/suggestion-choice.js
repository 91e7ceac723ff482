// Which question a guide's suggestion gives on a day: pure, the same on every device
// (tested with node --test).
import { dailyQuestion } from './question-choice.js';
import { daysBetween } from './day-math.js';

/**
 * Return today's question of a suggestion: its questions in turn, one a day; for a circle only,
 * a question of the bank about that circle, the same on every device.
 * @param {GuideSuggestion} suggestion
 * @param {Question[]} bank
 * @param {string} today
 * @returns {Question | null}
 */
export function suggestedQuestion(suggestion, bank, today) {
  const { questions = [], circle = null } = suggestion;
  if (questions.length === 0) {
    const about = bank.filter((question) =>
      question.circles?.includes(/** @type {string} */ (circle)),
    );
    return dailyQuestion(about, today, `suggestion:${suggestion.id}`);
  }
  const index = Math.max(0, daysBetween(suggestion.start, today)) % questions.length;
  const chosen = questions[index];
  const known = chosen.question_id && bank.find((question) => question.id === chosen.question_id);
  if (known) return known;
  // A bank question this device does not know yet (an older bank): no suggestion today.
  if (!chosen.text) return null;
  const { text } = chosen;
  return { id: `${suggestion.id}:${index}`, nl: text, en: text, circles: circle ? [circle] : [] };
}
