// The parts of a client's page for their guide: since the last session, the guide's questions
// with their answers, the shared reflections with the guide's replies, and insights per circle.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { chartFigure, dataTable } from '../ui/charts.js';
import { circleQuadrantChart } from '../ui/charts-meaning.js';
import { formatNumber } from '../ui/format.js';
import { circleRatings } from '../method/meaning-math.js';
import { newestFirst, questionThreads, sinceSession } from '../method/since-session.js';
import { countOf, formatGuideDay } from './guidance-format.js';

/** Return a section with a heading. */
export function section(id, title, ...children) {
  return h(
    'section',
    { className: `practice-section ${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    ...children,
  );
}

/** Return a reflection as the guide reads it, with what the guide asked and replied. */
function reflectionCard(entry, { lang, questions, replies }) {
  const question = questions.get(entry.guide_question_id);
  const ratings = ['energy', 'meaning', 'engagement']
    .filter((key) => entry[key])
    .map((key) => h('span', {}, t(`client_${key}`, { n: entry[key] })));
  return h(
    'article',
    { className: 'entry' },
    question
      ? h('p', { className: 'question' }, t('client_answer_to', { text: question.text }))
      : entry.question_text && h('p', { className: 'question' }, entry.question_text),
    h('p', { className: 'text' }, entry.text ?? ''),
    h(
      'p',
      { className: 'meta' },
      h('span', {}, formatGuideDay(entry.day, lang)),
      (entry.circles ?? []).map((circle) => h('span', { className: 'tag' }, t(`circle_${circle}`))),
      ratings,
    ),
    (replies.get(entry.id) ?? []).map((reply) =>
      h('p', { className: 'guide-reply' }, t('client_your_reply', { text: reply.text })),
    ),
  );
}

/** Return the lookups a reflection card needs: questions by id, replies by reflection. */
export function context(client, lang) {
  const questions = new Map(client.questions.map((question) => [question.id, question]));
  const replies = new Map();
  for (const reply of client.replies) {
    if (!replies.has(reply.entry_id)) replies.set(reply.entry_id, []);
    replies.get(reply.entry_id).push(reply);
  }
  return { lang, questions, replies };
}

/** Return one trend line: energy or meaning, before the session and since. */
function trendLine(name, { before, since, trend }, lang) {
  if (trend === null) return h('li', {}, t('client_no_trend', { name }));
  const values = { name, before: formatNumber(before, lang), since: formatNumber(since, lang) };
  return h('li', {}, t('client_trend', { ...values, trend: t(`trend_${trend}`) }));
}

/** Return "since the last session": counts, the trend, and what was shared and answered. */
export function sinceSection(client, ctx) {
  const since = sinceSession(client.entries, client.session_held_on);
  const counts = {
    shared: countOf('reflection', since.shared.length),
    answered: countOf('question', since.answered.length),
  };
  return section(
    'since',
    t('client_since_title', { when: formatGuideDay(client.session_held_on, ctx.lang) }),
    h('p', {}, t('client_since_counts', counts)),
    h(
      'ul',
      {},
      trendLine(t('energy_name'), since.energy, ctx.lang),
      trendLine(t('meaning_name'), since.meaning, ctx.lang),
    ),
    [...since.answered, ...since.shared].map((entry) => reflectionCard(entry, ctx)),
  );
}

/** Return the guide's questions, each marked open or answered with its answers under it. */
export function questionsSection(client, ctx) {
  const threads = questionThreads(client.questions, client.entries);
  if (threads.length === 0) return null;
  return section(
    'questions',
    t('client_questions_title'),
    threads.map(({ question, answers, open }) =>
      h(
        'article',
        { className: `entry practice-question${open ? ' open' : ''}` },
        h(
          'p',
          { className: 'meta' },
          h(
            'span',
            { className: 'tag' },
            t(open ? 'client_question_open' : 'client_question_answered'),
          ),
          h(
            'span',
            {},
            t('client_question_asked', {
              when: formatGuideDay(question.asked_at?.slice(0, 10), ctx.lang),
            }),
          ),
        ),
        h('p', { className: 'question' }, question.text),
        answers.map((answer) =>
          h(
            'blockquote',
            { className: 'answer' },
            h('p', { className: 'text' }, answer.text ?? ''),
            h('p', { className: 'meta' }, formatGuideDay(answer.day, ctx.lang)),
          ),
        ),
      ),
    ),
  );
}

/** Return every shared reflection, newest first, and the shared summaries. */
export function reflectionsSection(client, ctx) {
  const reflections = newestFirst(client.entries);
  const summaries = client.entries.filter((entry) => entry.kind === 'shared_summary');
  return [
    section(
      'reflections',
      t('client_reflections_title'),
      reflections.length
        ? reflections.map((entry) => reflectionCard(entry, ctx))
        : h('p', { className: 'empty' }, t('client_nothing_shared')),
    ),
    summaries.length
      ? section(
          'summaries',
          t('client_summaries_title'),
          summaries.map((summary) =>
            h('article', { className: 'entry' }, h('p', { className: 'text' }, summary.markdown)),
          ),
        )
      : null,
  ];
}

/** Return energy × meaning per circle over what was shared, where the client allows insights:
 * a dot per circle rated on both, and every circle written about in the table. */
export function insightsSection(client, ctx) {
  if (client.insights === null || client.insights === undefined) return null;
  const rows = circleRatings(newestFirst(client.entries)).filter((row) => row.count > 0);
  if (rows.length === 0) return null;
  const rated = rows.filter((row) => row.energy !== null && row.meaning !== null);
  const chart = circleQuadrantChart(rated);
  const table = dataTable(
    [t('col_circle'), t('client_col_count'), t('energy_name'), t('meaning_name')],
    rows.map((row) => [
      t(`circle_${row.circle}`),
      row.count,
      formatNumber(row.energy, ctx.lang),
      formatNumber(row.meaning, ctx.lang),
    ]),
  );
  const caption = t('client_insights_caption', { name: client.name });
  return section(
    'insights',
    t('client_insights_title'),
    chartFigure(chart, caption, table, { tableShown: true }),
  );
}
