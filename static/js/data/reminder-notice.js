// What a reminder says: today's question as Today shows it, in the language the app was last used in.
import { HABIT_TEXTS } from '../i18n/texts-habit.js';
import { APP_TEXTS } from '../i18n/texts-app.js';
import { questionText } from '../method/question-choice.js';
import { rememberedLanguage } from './device-meta.js';
import { chooseTodaysQuestion, loadQuestionPool } from './questions.js';

/**
 * Resolve with the app's language: the one the page last used, else the browser's.
 * @returns {Promise<'nl' | 'en'>}
 */
async function language() {
  const kept = await rememberedLanguage().catch(() => undefined);
  if (kept === 'nl' || kept === 'en') return kept;
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Resolve with a generic reminder, for a push that cannot say more. */
export async function genericNotice() {
  const texts = HABIT_TEXTS[await language()];
  return { title: texts.push_title, body: texts.push_generic };
}

/** Resolve with the reminder of today: its title and today's question as the body. */
export async function todaysNotice() {
  const lang = await language();
  const question = await chooseTodaysQuestion(await loadQuestionPool());
  return {
    title: HABIT_TEXTS[lang].push_title,
    body: questionText(question, lang) || APP_TEXTS[lang].fallback_question,
  };
}
