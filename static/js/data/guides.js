// Guidance on the client's side: the guides API of the server, with the links and the "guiding"
// flag kept in meta, so the share switches and the guidance link work offline too.
import { callApi } from './api-call.js';
import { readMeta, writeMeta } from './device-meta.js';
import { changeEntry, createEntry, listEntries } from './entries.js';
import { entriesCreatedSince } from './history.js';

const LINKS_KEY = 'guide-links';
const GUIDING_KEY = 'guiding';
const ANSWER_CLOCK_MARGIN_MS = 86_400_000;

/**
 * Resolve with the guide links this device last saw (offline too); [] when none.
 * @returns {Promise<GuideLink[]>}
 */
export async function cachedLinks() {
  return (await readMeta(LINKS_KEY)) ?? [];
}

/** Resolve with the server's { links, invitations }, and keep the links for offline use. */
export async function loadGuides() {
  const answer = await callApi('/api/guides');
  await writeMeta(LINKS_KEY, answer.links ?? []);
  return { links: answer.links ?? [], invitations: answer.invitations ?? [] };
}

/** Resolve with the guides, from the server when it answers, else as last seen. */
export async function currentLinks() {
  try {
    return (await loadGuides()).links;
  } catch {
    return cachedLinks();
  }
}

/**
 * Make an invitation; resolve with it and its one-time url.
 * @param {string} nameForGuide
 */
export function invite(nameForGuide) {
  return callApi('/api/guides/invitations', {
    method: 'POST',
    body: { name_for_guide: nameForGuide },
  });
}

/**
 * Change what a guide sees: { name_for_guide } and/or { show_insights }.
 * @param {number} id
 * @param {{ name_for_guide?: string, show_insights?: boolean }} change
 */
export function changeLink(id, change) {
  return callApi(`/api/guides/${id}`, { method: 'PATCH', body: change });
}

/**
 * Stop sharing with a guide; forget the link here at once.
 * @param {number} id
 */
export async function stopSharing(id) {
  await callApi(`/api/guides/${id}`, { method: 'DELETE' });
  await writeMeta(
    LINKS_KEY,
    (await cachedLinks()).filter((link) => link.id !== id),
  );
}

/**
 * Revoke an open invitation.
 * @param {number} id
 */
export function revokeInvitation(id) {
  return callApi(`/api/guides/invitations/${id}`, { method: 'DELETE' });
}

/**
 * Remember whether this account guides anyone (from /api/session), for the guidance link.
 * @param {unknown} guiding
 */
export async function rememberGuiding(guiding) {
  if ((await readMeta(GUIDING_KEY)) !== Boolean(guiding)) await writeMeta(GUIDING_KEY, !!guiding);
}

/** Resolve with true when this account guided someone at the last look. */
export async function isGuiding() {
  return Boolean(await readMeta(GUIDING_KEY));
}

/**
 * Bring this device's copy of the guides and the "guiding" flag up to date, when online and
 * signed in; resolves quietly either way (the share switches use what was last seen).
 */
export async function refreshGuideCache() {
  try {
    const session = await (await fetch('/api/session', { cache: 'no-store' })).json();
    if (!session.signed_in) return;
    await rememberGuiding(session.guiding);
    await loadGuides();
    // Loaded only here: the start of the app does not wait for the guide's practice module.
    await (await import('./practice.js')).refreshPractice(session.guiding);
  } catch {
    /* offline: keep what this device knows */
  }
}

/**
 * Share an entry with these link ids only (offline; syncs like any change).
 * @param {string} id
 * @param {Iterable<number>} linkIds
 */
export function shareEntry(id, linkIds) {
  return changeEntry(id, { shared_with: [...linkIds] });
}

/**
 * Resolve with the links that are still there, as far as this device can tell: those it last saw,
 * or the server's when ids names a link this device has not seen (a guide linked elsewhere).
 * @param {number[]} [ids]
 * @returns {Promise<GuideLink[]>}
 */
export async function liveLinks(ids = []) {
  /** @type {GuideLink[] | undefined} */
  const cached = await readMeta(LINKS_KEY);
  const known = new Set((cached ?? []).map((link) => link.id));
  if (cached && ids.every((id) => known.has(id))) return cached;
  return currentLinks();
}

/** Resolve with the guide's questions not answered yet and of a link that lasts, newest first. */
export async function openQuestions() {
  const asked = (await listEntries('guide_question')).filter((question) => !question.ended);
  if (asked.length === 0) return [];
  const links = new Set((await liveLinks(asked.map((q) => q.link_id))).map((link) => link.id));
  const questions = asked.filter((question) => links.has(question.link_id));
  if (questions.length === 0) return [];
  // An answer is written after its question arrived; a day's margin allows for clocks that differ.
  const oldest = new Date(
    Date.parse(/** @type {Entry} */ (questions.at(-1)).created_at) - ANSWER_CLOCK_MARGIN_MS,
  );
  const reflections = await entriesCreatedSince('reflection', oldest.toISOString());
  const answered = new Set(reflections.map((entry) => entry.guide_question_id).filter(Boolean));
  return questions.filter((question) => !answered.has(question.id));
}

/**
 * Store a "since last time" summary shared with these guides.
 * @param {{ periodDays: number, markdown: string, linkIds: Iterable<number> }} summary
 */
export function shareSummary({ periodDays, markdown, linkIds }) {
  return createEntry('shared_summary', {
    period_days: periodDays,
    markdown,
    shared_with: [...linkIds],
  });
}
