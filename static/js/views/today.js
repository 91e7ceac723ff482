// Today: the day's question, a reflection, its circles and energy, saved on the device; once written,
// the day shows as done with one next step.
import { h } from '../ui/dom.js';
import { currentLanguage, t, tn } from '../i18n/i18n.js';
import { saveReflection } from '../data/entries.js';
import { loadDraft } from '../data/drafts.js';
import { reflectionsBetween } from '../data/history.js';
import { chooseTodaysQuestion, loadQuestionPool } from '../data/questions.js';
import { anotherQuestion, questionText } from '../method/question-choice.js';
import { localDay } from '../method/dates.js';
import { reflectionForm } from './kept-reflection-form.js';
import { nextFrame, nextTask } from '../ui/after-frame.js';
import { introCard } from './intro.js';
import { oneFormInView } from './today-cards.js';

const DRAFT_KEY = 'today';

/** Show how many reflections were saved today. */
async function showTodayCount(element) {
  const today = localDay();
  const count = (await reflectionsBetween(today, today)).length;
  element.textContent = count ? tn('saved_today', count) : '';
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
  reflection.setQuestion = (next) => {
    question = next;
    showQuestion();
    reflection.changed();
  };
  return reflection;
}

/**
 * Resolve with a guide's suggestion for today, or null. Its module loads with Today's parts (not
 * with the app), and it reads beside the rest of the day's data; bank may still be on its way.
 */
function findSuggestion(bank) {
  const usual = async () => chooseTodaysQuestion(await bank);
  return import('./guide-suggestion.js').then((part) => part.loadSuggestion(bank, usual));
}

/**
 * Resolve with the day's suggestion (or null) and question: the draft's, the guide's, or the usual.
 * found: the suggestion, when it is being read already.
 */
async function dayQuestion(bank, draft, found = findSuggestion(bank)) {
  const suggestion = await found;
  const suggested = suggestion && !suggestion.declined ? suggestion.question : null;
  const drafted = [...bank, suggestion?.question].find((q) => q && q.id === draft?.question_id);
  return { suggestion, question: drafted ?? suggested ?? (await chooseTodaysQuestion(bank)) };
}

/** Resolve with the modules Today's refresh needs: they load at the first refresh, not with the app. */
function refreshParts() {
  return Promise.all([import('./guide-question.js'), import('./today-catch-up.js')]);
}

/** Add elements to view one frame after another, while current() holds. */
async function appendInFrames(view, elements, current) {
  for (const element of elements) {
    await nextFrame();
    if (!current()) return;
    view.append(element);
  }
}

/** Draw Today into view; resolve with a function that flushes the draft when leaving. */
export async function renderToday(view) {
  const today = localDay();
  const pool = loadQuestionPool();
  const found = findSuggestion(pool);
  const [bank, draft, extras, ofToday] = await Promise.all([
    pool,
    loadDraft(DRAFT_KEY),
    // The method's cards load beside the day's data, so the start stays small.
    import('./today-method.js').then((cards) => cards.methodCards()),
    reflectionsBetween(today, today),
  ]);
  let { question, suggestion } = await dayQuestion(bank, draft, found);
  // Today's parts are drawn in tasks of their own, so that a tap never waits for all of them.
  await nextTask();
  // The question's own circles are chosen already; the writer can change them.
  const fresh = () => ({ circles: question?.circles ?? [] });
  let reflection = null;
  // Which drawing of Today is on screen: later parts of an older one are not added to it.
  let drawing = 0;
  // more: a form opened after the day is written ("Something else on your mind?").
  const showForm = async (start, { focus = false, more = false } = {}) => {
    const mine = (drawing += 1);
    await reflection?.keeper.stop();
    const intro = introCard(() => reflection.textarea.focus()) ?? '';
    await nextTask();
    reflection = Object.assign(todayForm({ bank, question, start, onSaved: afterSave }), { more });
    // A guide's question, compact, stays in sight above the day's question; the rest below.
    const suggested = suggestion?.card(reflection.setQuestion) ?? '';
    view.replaceChildren(intro, ...extras.guide, suggested, reflection.form);
    if (focus) {
      // At once, not by the browser's scrolling to the field later: nothing moves once drawn.
      scrollTo(0, 0);
      reflection.textarea.focus({ preventScroll: true });
    }
    // The cards below the question join once it is on screen, a frame each, so that no one frame
    // lays out and paints the whole of Today; then kantelen looks at the history.
    appendInFrames(view, extras.elements, () => drawing === mine).then(extras.kantelen);
  };
  const more = () => showForm(fresh(), { focus: true, more: true });
  // The done day's part loads when a day is written (with Today's parts, not with the app).
  const showDone = async (entry, { focus = true } = {}) => {
    const mine = (drawing += 1);
    const { drawDone } = await import('./today-done.js');
    return drawDone(view, extras, entry, { focus, more, current: () => drawing === mine });
  };
  const afterSave = (entry) => {
    // Best effort: the reminders stay quiet today (its module loads only now).
    import('../data/reminders-api.js')
      .then((reminders) => reminders.noteWrittenToday())
      .catch(() => {});
    return showDone(entry);
  };
  oneFormInView(view);
  const [written] = ofToday;
  if (written && !draft?.text?.trim()) await showDone(written, { focus: false });
  else await showForm(draft ?? fresh());
  const stops = [() => reflection?.keeper.stop(), extras.stop];
  return {
    leave: () => Promise.all(stops.map((stop) => stop())),
    // What a sync brought shows at once (a guide's words; the day written on another device, while
    // nothing is typed here); nothing else moves under your hands.
    refresh: async () => {
      const [guide, { catchUp }] = await refreshParts();
      stops.push(await guide.addNewQuestions(view));
      const next = await catchUp({ view, reflection, question, bank, dayQuestion });
      if (next?.written) await showDone(next.written, { focus: false });
      else if (next) {
        ({ question, suggestion } = next);
        await showForm(fresh());
      }
    },
  };
}
