// A question from the guide on Today: the question, who sees the answer, and the answer's form.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { saveReflection } from '../data/entries.js';
import { liveLinks, openQuestions } from '../data/guides.js';
import { reflectionForm } from './kept-reflection-form.js';
import { opener } from './today-cards.js';

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
  let shared = false;
  const reflection = reflectionForm({
    id,
    rows: 4,
    draftKey: `guide-question:${question.id}`,
    shareable: false,
    before: [
      h('p', { className: 'hint guide-share-hint' }, t('guide_answer_shared', { name })),
      h('label', { for: id }, t('guide_answer_label')),
    ],
    save: async (fields, draftKey) => {
      // The link may have ended since the card was drawn: then the answer stays private.
      const links = await liveLinks();
      shared = !card.dataset.ended && links.some((link) => link.id === question.link_id);
      await saveReflection({ ...fields, questionText: question.text }, draftKey, {
        guide_question_id: question.id,
        shared_with: shared ? [question.link_id] : [],
      });
    },
    onSaved: () => {
      card.dataset.answered = 'true';
      const said = shared ? t('guide_answered') : t('guide_answered_private');
      card.replaceChildren(h('p', { role: 'status' }, said));
    },
  });
  card.append(
    h('h2', { id: titleId }, t('guide_question_title', { name })),
    h('p', { className: 'question-text' }, question.text),
    // Compact until you choose to answer: the day's question keeps the screen.
    opener(t('guide_answer_open'), () => [reflection.form]),
  );
  return { element: card, stop: () => reflection.keeper.stop() };
}

/**
 * Resolve with the cards of the guide's open questions (but those shown already), and a stop()
 * that keeps their drafts.
 */
export async function guideQuestionCards(shown = new Set(), questions = null) {
  const open = questions ?? (await openQuestions());
  const cards = open.filter((q) => !shown.has(q.id)).map(questionCard);
  return {
    elements: cards.map((card) => card.element),
    stop: () => Promise.all(cards.map((card) => card.stop())),
  };
}

/**
 * Bring the question cards up to date after a sync: questions that arrived are added; those no
 * longer open (answered elsewhere, or their link ended) leave, unless an answer is being written,
 * which then stays with the writer. Resolve with the new cards' stop().
 */
export async function addNewQuestions(view) {
  const questions = await openQuestions();
  const open = new Set(questions.map((question) => question.id));
  const cards = [...view.querySelectorAll('[data-question-id]')];
  for (const card of cards) {
    if (open.has(card.dataset.questionId) || card.dataset.answered) continue;
    if (!card.querySelector('textarea')?.value.trim()) card.remove();
    card.dataset.ended = 'true';
    card.querySelector('.guide-share-hint')?.replaceChildren(t('guide_link_ended'));
  }
  const shown = new Set(cards.map((card) => card.dataset.questionId));
  const more = await guideQuestionCards(shown, questions);
  view.prepend(...more.elements);
  return more.stop;
}
