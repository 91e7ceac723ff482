// Today's cards of "meaning you can see": the quick check-in and "on this day".
import { currentLanguage } from '../i18n/i18n.js';
import { writtenBetween } from '../data/history.js';
import { monthsBefore } from '../method/life-course.js';
import { quickCheckin } from './quick-checkin.js';
import { onThisDayCard } from './on-this-day.js';

/** Resolve with the quick check-in card and, when there is something, the "on this day" card. */
export async function meaningCards(today) {
  const [ofToday, monthAgo, yearAgo] = await Promise.all(
    [today, monthsBefore(today, 1), monthsBefore(today, 12)].map((day) => writtenBetween(day, day)),
  );
  const checkins = ofToday.filter((entry) => entry.kind === 'checkin');
  return [
    quickCheckin(checkins),
    onThisDayCard([...monthAgo, ...yearAgo], today, currentLanguage()),
  ];
}
