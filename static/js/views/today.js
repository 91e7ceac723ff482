// Today: the day's question, a reflection, its circles and energy, saved on the device; once written,
// the day shows as done with one next step.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { listReflections, saveReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { listWritten } from '../data/meaning-entries.js';
import { chooseTodaysQuestion, loadQuestionPool } from '../data/questions.js';
import { noteWrittenToday } from '../data/reminders-api.js';
import { anotherQuestion, questionText } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';
import { reflectionForm } from '../ui/reflection-form.js';
import { doneCard, nextStep } from './today-done.js';
import { introCard } from './intro.js';
import { addNewQuestions } from './guide-question.js';

const DRAFT_KEY = 'today';

/** Show how many reflections were saved today. */
function showTodayCount(element, reflections) {
  const count = reflections.filter((entry) => entry.day === localDay()).length;
  element.textContent = count ? t('saved_today', { n: count }) : '';
}

/** Return Today's form for the day's question; onSaved(entry) runs once it is on disk. */
function todayForm({ bank, question, start, onSaved }) {
  const lang = currentLanguage();
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
  let saved = null;
  const reflection = reflectionForm({
    id: 'reflection',
    className: 'today',
    draftKey: DRAFT_KEY,
    start,
    draftExtra: () => ({ question_id: question?.id ?? null }),
    before: [h('p', { className: 'hint' }, t('today_kicker')), h('h1', {}, label)],
    actions: [h('button', { type: 'button', onclick: nextQuestion }, t('another_question'))],
    after: [todayCount],
    save: async (fields, draftKey) => {
      saved = await saveReflection(
        { ...fields, questionId: question?.id ?? null, questionText: label.textContent },
        draftKey,
      );
    },
    onSaved: () => onSaved(saved),
  });
  showQuestion();
  listReflections().then((reflections) => showTodayCount(todayCount, reflections));
  return reflection;
}

/** Draw Today into view; resolve with a function that flushes the draft when leaving. */
export async function renderToday(view) {
  const [bank, draft, extras] = await Promise.all([
    loadQuestionPool(),
    loadDraft(DRAFT_KEY),
    // The method's cards load beside the day's data, so the start stays small.
    import('./today-method.js').then((cards) => cards.methodCards()),
  ]);
  const question =
    bank.find((q) => q.id === draft?.question_id) ?? (await chooseTodaysQuestion(bank));
  // The question's own circles are chosen already; the writer can change them.
  const fresh = () => ({ circles: question?.circles ?? [] });
  let reflection = null;
  const showForm = async (start, { focus = false } = {}) => {
    await reflection?.keeper.stop();
    reflection = todayForm({ bank, question, start, onSaved: afterSave });
    view.replaceChildren(introCard(() => reflection.textarea.focus()) ?? '', reflection.form);
    view.append(...extras.elements);
    if (focus) reflection.textarea.focus();
  };
  const showDone = async (entry, { focus = true } = {}) => {
    // Quick check-ins count as written days too.
    const reflections = await listWritten();
    const card = doneCard(entry, { reflections, today: localDay(), justSaved: focus });
    view.replaceChildren(
      ...extras.guide,
      card,
      nextStep(extras, () => showForm(fresh(), { focus: true })),
    );
    view.append(extras.own);
    if (focus) {
      card.querySelector('h1').focus();
      scrollTo(0, 0);
    }
  };
  const afterSave = (entry) => {
    noteWrittenToday();
    return showDone(entry);
  };
  const written = extras.reflections.find((entry) => entry.day === localDay());
  if (written && !draft?.text?.trim()) await showDone(written, { focus: false });
  else await showForm(draft ?? fresh());
  const stops = [() => reflection?.keeper.stop(), extras.stop];
  return {
    leave: () => Promise.all(stops.map((stop) => stop())),
    // A guide's question that a sync brought shows at once; nothing else moves under your hands.
    refresh: async () => stops.push(await addNewQuestions(view)),
  };
}
