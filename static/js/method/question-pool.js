// The pool today's question is drawn from: the shared bank and the user's own questions.
import { ownQuestions } from './question-choice.js';

/**
 * Return the bank and the user's own question entries as one list of questions.
 * @param {Question[]} bank
 * @param {Entry[]} ownEntries
 */
export function questionPool(bank, ownEntries) {
  return [...bank, ...ownQuestions(ownEntries)];
}
