// How many days of a week have a reflection: a gentle count, never a streak. Pure.
import { isoWeek } from './day-math.js';

/**
 * Return the number of different days in today's week (ISO, Monday first) with a reflection.
 * @param {Entry[]} reflections
 * @param {string} today
 */
export function daysWrittenThisWeek(reflections, today) {
  const week = isoWeek(today);
  return new Set(reflections.filter((entry) => isoWeek(entry.day) === week).map((e) => e.day)).size;
}
