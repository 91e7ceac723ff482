// Today's cards of "meaning you can see": the quick check-in and "on this day".
import { currentLanguage } from '../i18n/i18n.js';
import { listWritten } from '../data/meaning-entries.js';
import { quickCheckin } from './quick-checkin.js';
import { onThisDayCard } from './on-this-day.js';

/** Resolve with the quick check-in card and, when there is something, the "on this day" card. */
export async function meaningCards(today) {
  const written = await listWritten();
  const checkins = written.filter((entry) => entry.kind === 'checkin' && entry.day === today);
  return [quickCheckin(checkins), onThisDayCard(written, today, currentLanguage())];
}
