// Today: the day's question, a reflection, its circles and energy, saved on the device.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { listReflections, saveReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { chooseTodaysQuestion, loadQuestionPool } from '../data/questions.js';
import { anotherQuestion, questionText } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';
import { reflectionForm } from '../ui/reflection-form.js';
import { methodCards } from './today-method.js';

const DRAFT_KEY = 'today';

/** Show how many reflections were saved today. */
async function showTodayCount(element) {
  const today = localDay();
  const count = (await listReflections()).filter((entry) => entry.day === today).length;
  element.textContent = count ? t('saved_today', { n: count }) : '';
}

/** Draw Today into view; resolve with a function that flushes the draft when leaving. */
export async function renderToday(view) {
  const [bank, draft, extras] = await Promise.all([
    loadQuestionPool(),
    loadDraft(DRAFT_KEY),
    methodCards(),
  ]);
  const lang = currentLanguage();
  let question =
    bank.find((q) => q.id === draft?.question_id) ?? (await chooseTodaysQuestion(bank));
  const label = h('label', { for: 'reflection', className: 'question-label', id: 'question' });
  const todayCount = h('p', { className: 'hint' });
  const showQuestion = () => {
    label.textContent = questionText(question, lang) || t('fallback_question');
  };
  const nextQuestion = () => {
    question = anotherQuestion(bank, question?.id) ?? question;
    showQuestion();
    reflection.changed();
  };
  const reflection = reflectionForm({
    id: 'reflection',
    className: 'today',
    draftKey: DRAFT_KEY,
    start: draft ?? {},
    draftExtra: () => ({ question_id: question?.id ?? null }),
    before: [h('p', { className: 'hint' }, t('today_kicker')), h('h1', {}, label)],
    actions: [h('button', { type: 'button', onclick: nextQuestion }, t('another_question'))],
    after: [todayCount],
    save: (fields, draftKey) =>
      saveReflection(
        { ...fields, questionId: question?.id ?? null, questionText: label.textContent },
        draftKey,
      ),
    onSaved: () => {
      reflection.reset();
      reflection.say(t('saved'));
      showTodayCount(todayCount);
    },
  });
  showQuestion();
  showTodayCount(todayCount);
  view.append(reflection.form, ...extras.elements);
  return () => Promise.all([reflection.keeper.stop(), extras.stop()]);
}
