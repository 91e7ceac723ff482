// A guide's suggestion on Today: which question it gives today, and the card above the question
// that says so, with a way to take the usual question instead (and back again).
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { declineSuggestion, todaysSuggestion } from '../data/guide-suggestions.js';
import { suggestedQuestion } from '../method/suggestion-choice.js';
import { localDay } from '../method/dates.js';

/** Return the card's lines while the suggestion is taken. */
function takenLines(suggestion) {
  const name = suggestion.guide_name;
  const when =
    suggestion.left > 1
      ? t('suggestion_from', { name, n: suggestion.left - 1 })
      : t('suggestion_from_last', { name });
  const about =
    suggestion.circle && !suggestion.questions?.length
      ? h('p', {}, t('suggestion_circle', { circle: t(`circle_${suggestion.circle}`) }))
      : null;
  return [h('p', { className: 'hint' }, when), about].filter(Boolean);
}

/**
 * Resolve with today's suggestion for Today, or null: { question, declined, card(setQuestion) }.
 * card() draws the note above the form; declining calls setQuestion(usual()) and taking it again
 * setQuestion(question). usual() resolves with the day's usual question. pool: the questions, or a
 * promise of them (the suggestion is read meanwhile).
 */
export async function loadSuggestion(pool, usual) {
  const [suggestion, bank] = await Promise.all([todaysSuggestion(), pool]);
  const question = suggestion && suggestedQuestion(suggestion, bank, localDay());
  if (!question) return null;
  const state = { question, declined: suggestion.declined };
  state.card = (setQuestion) => {
    const section = h('section', {
      className: 'card guide-suggestion',
      'aria-labelledby': 'suggestion-title',
    });
    const choose = async (declined) => {
      state.declined = declined;
      await declineSuggestion(suggestion.id, declined);
      setQuestion(declined ? await usual() : question);
      draw();
      section.querySelector('button').focus();
    };
    const draw = () => {
      const title = h('p', { className: 'suggestion-kicker', id: 'suggestion-title' });
      title.textContent = t('suggestion_kicker');
      section.replaceChildren(
        title,
        ...(state.declined ? [h('p', {}, t('suggestion_declined'))] : takenLines(suggestion)),
        h(
          'button',
          { type: 'button', onclick: () => choose(!state.declined) },
          t(state.declined ? 'suggestion_take' : 'suggestion_decline'),
        ),
      );
    };
    draw();
    return section;
  };
  return state;
}
