import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kantelenInvitation } from '../../static/js/method/kantelen-choice.js';
import { addDays, weekStart } from '../../static/js/method/day-math.js';
import { CIRCLES } from '../../static/js/method/circles.js';

test('the kept pick and this week give the same kantelen invitation as the whole history', () => {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const today = '2026-11-26';
  let invited = 0;
  for (let run = 0; run < 200; run += 1) {
    const reflections = Array.from({ length: 300 }, (_, i) => {
      const day = addDays(today, -Math.floor(random() * 1500));
      return {
        id: `r${run}-${i}`,
        day,
        created_at: `${day}T0${i % 10}:00:00Z`,
        text: 'Something',
        circles: CIRCLES.filter(() => random() < 0.4),
      };
    });
    const seed = `seed${run}`;
    const whole = kantelenInvitation({ reflections, today, seed });
    if (!whole) continue;
    invited += 1;
    const week = reflections.filter((entry) => entry.day >= weekStart(today));
    const kept = kantelenInvitation({ reflections: [...week, whole.entry], today, seed });
    assert.deepEqual(kept, whole);
  }
  assert.ok(invited > 150);
});
