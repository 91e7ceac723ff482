// A question from the guide on Today: the question, who sees the answer, and the answer's form.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { saveReflection } from '../data/entries.js';
import { openQuestions } from '../data/guides.js';
import { reflectionForm } from '../ui/reflection-form.js';

/** Return the card of one open question; its answer is a reflection shared with that guide. */
function questionCard(question) {
  const name = question.guide_name || t('guide_former');
  const id = `guide-answer-${question.id}`;
  const titleId = `${id}-title`;
  const card = h('section', {
    className: 'card guide-question',
    'aria-labelledby': titleId,
    'data-question-id': question.id,
  });
  const reflection = reflectionForm({
    id,
    rows: 4,
    draftKey: `guide-question:${question.id}`,
    shareable: false,
    before: [
      h('p', { className: 'question-text' }, question.text),
      h('p', { className: 'hint' }, t('guide_answer_shared', { name })),
      h('label', { for: id }, t('guide_answer_label')),
    ],
    save: (fields, draftKey) =>
      saveReflection({ ...fields, questionText: question.text }, draftKey, {
        guide_question_id: question.id,
        shared_with: [question.link_id],
      }),
    onSaved: () => {
      card.replaceChildren(h('p', { role: 'status' }, t('guide_answered')));
    },
  });
  card.append(h('h2', { id: titleId }, t('guide_question_title', { name })), reflection.form);
  return { element: card, stop: () => reflection.keeper.stop() };
}

/**
 * Resolve with the cards of the guide's open questions (but those shown already), and a stop()
 * that keeps their drafts.
 */
export async function guideQuestionCards(shown = new Set()) {
  const cards = (await openQuestions()).filter((q) => !shown.has(q.id)).map(questionCard);
  return {
    elements: cards.map((card) => card.element),
    stop: () => Promise.all(cards.map((card) => card.stop())),
  };
}

/** Add the cards of questions that arrived since view was drawn; resolve with their stop(). */
export async function addNewQuestions(view) {
  const cards = view.querySelectorAll('[data-question-id]');
  const more = await guideQuestionCards(new Set([...cards].map((card) => card.dataset.questionId)));
  view.prepend(...more.elements);
  return more.stop;
}
