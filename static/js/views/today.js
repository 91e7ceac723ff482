// Today: the day's question, a reflection, its circles and energy, saved on the device.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { listReflections, loadDraft, saveReflection } from '../data/entries.js';
import { anotherQuestion, questionText } from '../method/question-choice.js';
import { chooseTodaysQuestion, loadQuestionPool } from '../method/question-pool.js';
import { methodCards } from './today-method.js';
import { localDay } from '../method/dates.js';
import { keepDraft } from '../data/draft-keeper.js';
import { circleChips, energyPicker, saveErrorMessage } from '../ui/reflection-fields.js';
import { afterSave } from '../data/storage.js';

const DRAFT_KEY = 'today';

/** Draw Today into view; resolve with a function that flushes the draft when leaving. */
export async function renderToday(view) {
  const [bank, draft, extras] = await Promise.all([loadQuestionPool(), loadDraft(DRAFT_KEY), methodCards()]);
  const lang = currentLanguage();
  let question = bank.find((q) => q.id === draft?.question_id) ?? await chooseTodaysQuestion(bank);
  const state = { circles: new Set(draft?.circles ?? []), energy: draft?.energy ?? null };

  const label = h('label', { for: 'reflection', className: 'question-label', id: 'question' });
  const textarea = h('textarea', { id: 'reflection', name: 'reflection', rows: 6, maxlength: 20000 });
  textarea.value = draft?.text ?? '';
  const status = h('p', { className: 'save-status', role: 'status' });
  const todayCount = h('p', { className: 'hint' });

  const keeper = keepDraft(DRAFT_KEY, () => ({
    text: textarea.value,
    circles: [...state.circles],
    energy: state.energy,
    question_id: question?.id ?? null,
  }));
  const changed = () => {
    status.textContent = '';
    keeper.schedule();
  };
  textarea.addEventListener('input', changed);

  const showQuestion = () => {
    label.textContent = questionText(question, lang) || t('fallback_question');
  };
  const showTodayCount = async () => {
    const today = localDay();
    const count = (await listReflections()).filter((entry) => entry.day === today).length;
    todayCount.textContent = count ? t('saved_today', { n: count }) : '';
  };

  const fields = h('div', {});
  const drawFields = () => fields.replaceChildren(
    circleChips(state.circles, changed),
    energyPicker(state, changed),
  );

  const saveButton = h('button', { type: 'submit', className: 'primary' }, t('save'));
  const form = h('form', { className: 'today', novalidate: true },
    h('p', { className: 'hint' }, t('today_kicker')),
    h('h1', {}, label),
    textarea,
    fields,
    h('div', { className: 'actions' },
      saveButton,
      h('button', {
        type: 'button',
        onclick: () => {
          question = anotherQuestion(bank, question?.id) ?? question;
          showQuestion();
          changed();
        },
      }, t('another_question'))),
    status,
    todayCount);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      status.className = 'save-status error';
      status.textContent = t('write_first');
      textarea.focus();
      return;
    }
    keeper.cancel();
    saveButton.disabled = true;
    try {
      await saveReflection({
        text: textarea.value,
        circles: [...state.circles],
        energy: state.energy,
        questionId: question?.id ?? null,
        questionText: label.textContent,
      }, DRAFT_KEY);
      textarea.value = '';
      state.circles.clear();
      state.energy = null;
      drawFields();
      status.className = 'save-status';
      status.textContent = t('saved');
      showTodayCount();
      afterSave();
    } catch (error) {
      status.className = 'save-status error';
      status.textContent = saveErrorMessage(error);
    } finally {
      saveButton.disabled = false;
    }
  });

  showQuestion();
  drawFields();
  showTodayCount();
  view.append(form, ...extras.elements);
  return () => Promise.all([keeper.stop(), extras.stop()]);
}
