// Today: the day's question, a reflection, its circles and energy, saved on the device; once written,
// the day shows as done with one next step.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { saveReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { readDayTotals, reflectionsBetween } from '../data/history.js';
import { chooseTodaysQuestion, loadQuestionPool } from '../data/questions.js';
import { noteWrittenToday } from '../data/reminders-api.js';
import { anotherQuestion, questionText } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';
import { weekStart } from '../method/day-math.js';
import { reflectionForm } from '../ui/reflection-form.js';
import { afterFirstFrame, nextFrame, nextTask } from '../ui/after-frame.js';
import { doneCard, nextStep } from './today-done.js';
import { introCard } from './intro.js';
import { addNewQuestions } from './guide-question.js';

const DRAFT_KEY = 'today';

/** Show how many reflections were saved today. */
async function showTodayCount(element) {
  const today = localDay();
  const count = (await reflectionsBetween(today, today)).length;
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
  showTodayCount(todayCount);
  return reflection;
}

/** Add elements to view one frame after another, while current() holds. */
async function appendInFrames(view, elements, current) {
  for (const element of elements) {
    await nextFrame();
    if (!current()) return;
    view.append(element);
  }
}

/** Make kantelen's card the next step after writing, in the week's mix's place. */
function offerKantelen(next, kantelen, mix) {
  mix?.remove();
  next.prepend(kantelen.element);
  next.querySelector('.actions .primary')?.classList.remove('primary');
}

/** Draw Today into view; resolve with a function that flushes the draft when leaving. */
export async function renderToday(view) {
  const today = localDay();
  const [bank, draft, extras, ofToday] = await Promise.all([
    loadQuestionPool(),
    loadDraft(DRAFT_KEY),
    // The method's cards load beside the day's data, so the start stays small.
    import('./today-method.js').then((cards) => cards.methodCards()),
    reflectionsBetween(today, today),
  ]);
  const question =
    bank.find((q) => q.id === draft?.question_id) ?? (await chooseTodaysQuestion(bank));
  // Today's parts are drawn in tasks of their own, so that a tap never waits for all of them.
  await nextTask();
  // The question's own circles are chosen already; the writer can change them.
  const fresh = () => ({ circles: question?.circles ?? [] });
  let reflection = null;
  // Which drawing of Today is on screen: later parts of an older one are not added to it.
  let drawing = 0;
  const showForm = async (start, { focus = false } = {}) => {
    const mine = (drawing += 1);
    await reflection?.keeper.stop();
    const intro = introCard(() => reflection.textarea.focus()) ?? '';
    await nextTask();
    reflection = todayForm({ bank, question, start, onSaved: afterSave });
    view.replaceChildren(intro, reflection.form);
    if (focus) reflection.textarea.focus();
    // The cards below the question join once it is on screen, a frame each, so that no one frame
    // lays out and paints the whole of Today; then kantelen looks at the history.
    appendInFrames(view, extras.elements, () => drawing === mine).then(extras.kantelen);
  };
  const showDone = async (entry, { focus = true } = {}) => {
    const mine = (drawing += 1);
    // Quick check-ins count as written days too.
    const days = await readDayTotals(weekStart(localDay()), localDay());
    await nextTask();
    const card = doneCard(entry, { days, today: localDay(), justSaved: focus });
    const next = nextStep({ mix: extras.mix }, () => showForm(fresh(), { focus: true }));
    view.replaceChildren(...extras.guide, card, next);
    if (focus) {
      card.querySelector('h1').focus();
      scrollTo(0, 0);
    }
    // Kantelen's pick looks at the whole history (once a day): never part of the start. When it
    // offers a reflection to look at again, that becomes the next step in the mix's place.
    afterFirstFrame(async () => {
      if (drawing !== mine) return;
      view.append(extras.own);
      await nextTask();
      const kantelen = await extras.kantelen();
      if (kantelen && drawing === mine) offerKantelen(next, kantelen, extras.mix);
    });
  };
  const afterSave = (entry) => {
    noteWrittenToday();
    return showDone(entry);
  };
  const [written] = ofToday;
  if (written && !draft?.text?.trim()) await showDone(written, { focus: false });
  else await showForm(draft ?? fresh());
  const stops = [() => reflection?.keeper.stop(), extras.stop];
  return {
    leave: () => Promise.all(stops.map((stop) => stop())),
    // A guide's question that a sync brought shows at once; nothing else moves under your hands.
    refresh: async () => stops.push(await addNewQuestions(view)),
  };
}
