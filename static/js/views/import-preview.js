// The preview of an import: what was found and what is left out, the mapping of tags and
// activities to circles and of moods to energy, and the import itself with a progress bar.
import { h } from '../ui/dom.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { dateFormat } from '../method/dates.js';
import { CIRCLES, ENERGY_LEVELS } from '../method/circles.js';
import { plannedEntries, suggestedMapping } from '../import/import-plan.js';
import { writeImported } from '../data/import-writer.js';
import { syncNow } from '../data/sync.js';

const LEFT_OUT = ['photos', 'audio', 'videos', 'files', 'empty', 'duplicates', 'shortened'];

/** Return a number as the reader writes it (10.000 in Dutch). */
function number(value) {
  return value.toLocaleString(currentLanguage());
}

/** Return the text of key for a count: key_one for exactly one, else key, the count filled in. */
function counted(key, count, values = {}) {
  return t(count === 1 ? `${key}_one` : key, { ...values, count: number(count) });
}

/** Return a YYYY-MM-DD day as a date with its year, e.g. "5 maart 2024". */
function longDay(day) {
  const [year, month, date] = day.split('-').map(Number);
  const options = { day: 'numeric', month: 'long', year: 'numeric' };
  return dateFormat(currentLanguage(), options).format(new Date(year, month - 1, date));
}

/** Return a select of choices ([value, text]) with one chosen, calling onchoose(value). */
function choiceSelect(id, choices, chosen, onchoose) {
  return h(
    'select',
    { id, onchange: (event) => onchoose(event.target.value || null) },
    choices.map(([value, text]) =>
      h('option', { value: value ?? '', selected: String(value) === String(chosen) }, text),
    ),
  );
}

/** Return the list of what is left out, and why. */
function leftOutPart(summary) {
  const items = LEFT_OUT.filter((key) => summary.leftOut[key] > 0).map((key) =>
    h('li', {}, counted(`left_${key}`, summary.leftOut[key])),
  );
  if (summary.moodOnly > 0) items.push(h('li', {}, counted('left_mood_only', summary.moodOnly)));
  return [
    h('h3', {}, t('journal_left_out_title')),
    items.length > 0 ? h('ul', {}, items) : h('p', {}, t('journal_nothing_left_out')),
  ];
}

/** Return the fieldset that maps each label (tag, activity, journal) to a circle. */
function circlesPart(summary, mapping) {
  const circles = [[null, t('journal_no_circle')], ...CIRCLES.map((c) => [c, t(`circle_${c}`)])];
  return h(
    'fieldset',
    { className: 'import-mapping' },
    h('legend', {}, t('journal_circles_legend')),
    summary.labels.length === 0
      ? h('p', { className: 'hint' }, t('journal_no_labels'))
      : h('p', { className: 'hint' }, t('journal_circles_hint')),
    summary.labels.map(([label, count], i) =>
      h(
        'p',
        { className: 'form-field' },
        h('label', { for: `import-label-${i}` }, t('journal_label_count', { label, count })),
        choiceSelect(`import-label-${i}`, circles, mapping.circles[label], (circle) => {
          mapping.circles[label] = circle;
        }),
      ),
    ),
  );
}

/** Return the fieldset that, when chosen, gives each mood an energy (Daylio). */
function moodPart(summary, mapping) {
  const levels = [[null, t('journal_no_energy')], ...ENERGY_LEVELS.map((n) => [n, String(n)])];
  const selects = summary.moods.map(([mood, count], i) => {
    const select = choiceSelect(`import-mood-${i}`, levels, mapping.moods[mood], (level) => {
      mapping.moods[mood] = level === null ? null : Number(level);
    });
    select.disabled = true;
    const label = h('label', { for: select.id }, t('journal_label_count', { label: mood, count }));
    return { select, row: h('p', { className: 'form-field' }, label, select) };
  });
  const toggle = h('input', {
    type: 'checkbox',
    id: 'import-use-mood',
    onchange: (event) => {
      mapping.useMood = event.target.checked;
      selects.forEach(({ select }) => (select.disabled = !event.target.checked));
    },
  });
  return h(
    'fieldset',
    { className: 'import-mapping' },
    h('legend', {}, t('journal_mood_legend')),
    h('p', { className: 'hint' }, t('journal_mood_hint')),
    h('label', { className: 'choice' }, toggle, ` ${t('journal_use_mood')}`),
    selects.map(({ row }) => row),
  );
}

/** Write the planned entries with a progress bar, then say what happened. */
async function runImport(planned, mapping, { message, button, progress }) {
  const entries = plannedEntries(planned, mapping);
  message.classList.remove('error');
  if (entries.length === 0) {
    message.textContent = t('journal_import_none');
    return;
  }
  button.disabled = true;
  progress.hidden = false;
  let written = 0;
  const show = (done, total) => {
    written = done;
    progress.max = total;
    progress.value = done;
    progress.textContent = t('journal_importing', { done: number(done), total: number(total) });
    message.textContent = progress.textContent;
  };
  show(0, entries.length);
  try {
    const { added, skipped } = await writeImported(entries, show);
    message.textContent = t('journal_import_done', {
      added: number(added),
      skipped: number(skipped),
    });
    syncNow();
  } catch {
    message.classList.add('error');
    message.textContent = t('journal_stopped', { done: number(written) });
  } finally {
    progress.hidden = true;
  }
}

/** Return the preview of a planned import; message is where the outcome is told. */
export function importPreview(planned, summary, { message }) {
  const mapping = suggestedMapping(summary);
  const progress = h('progress', {
    id: 'import-progress',
    'aria-label': t('journal_import_button'),
  });
  progress.hidden = true;
  const button = h(
    'button',
    {
      type: 'button',
      className: 'primary',
      onclick: () => runImport(planned, mapping, { message, button, progress }),
    },
    t('journal_import_button'),
  );
  const range = summary.from
    ? h('p', {}, t('journal_range', { from: longDay(summary.from), to: longDay(summary.to) }))
    : null;
  return h(
    'section',
    { className: 'import-preview', 'aria-labelledby': 'import-found' },
    h(
      'h3',
      { id: 'import-found' },
      counted('journal_found', summary.total, { format: summary.format }),
    ),
    range,
    leftOutPart(summary),
    circlesPart(summary, mapping),
    summary.moods.length > 0 ? moodPart(summary, mapping) : null,
    h('p', { className: 'actions' }, button),
    progress,
  );
}
