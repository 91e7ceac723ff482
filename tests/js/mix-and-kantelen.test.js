import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalShares, rebalance } from '../../static/js/method/mix-math.js';
import { kantelenInvitation } from '../../static/js/method/kantelen-choice.js';

test('moving one share keeps the eigen mix at 100% in steps of 5', () => {
  let shares = [20, 20, 20, 20, 20];
  let state = 7;
  for (let i = 0; i < 1000; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const index = state % 5;
    const value = (state >> 8) % 101;
    shares = rebalance(shares, index, value);
    assert.equal(
      shares.reduce((a, b) => a + b, 0),
      100,
    );
    assert.equal(shares[index], Math.round(value / 5) * 5);
    assert.ok(shares.every((share) => share >= 0 && share % 5 === 0));
  }
});

test('the other shares keep their proportions', () => {
  assert.deepEqual(rebalance([40, 20, 0, 20, 20], 0, 60), [60, 15, 0, 15, 10]);
  assert.deepEqual(rebalance([100, 0, 0, 0, 0], 0, 20), [20, 20, 20, 20, 20]);
  assert.deepEqual(normalShares([10, 10], 5), [20, 20, 20, 20, 20]);
});

const old = {
  id: 'old',
  day: '2026-11-10',
  created_at: '2026-11-10T08:00:00Z',
  text: 'A long day',
  circles: ['organisations'],
};
const recent = {
  id: 'new',
  day: '2026-11-25',
  created_at: '2026-11-25T08:00:00Z',
  text: 'Yesterday',
  circles: [],
};

test('kantelen invites to look again at a reflection of at least a week old, from another circle', () => {
  const invitation = kantelenInvitation({
    reflections: [recent, old],
    today: '2026-11-28',
    seed: 's',
  });
  assert.equal(invitation.entry.id, 'old');
  assert.equal(invitation.fromCircle, 'organisations');
  assert.notEqual(invitation.toCircle, 'organisations');
  assert.equal(kantelenInvitation({ reflections: [recent], today: '2026-11-28' }), null);
});

test('kantelen comes at most once a week, and not for a reflection already turned', () => {
  const turned = { ...recent, id: 'k', day: '2026-11-24', kantelen_of: 'old' };
  assert.equal(kantelenInvitation({ reflections: [turned, old], today: '2026-11-28' }), null);
  const older = { ...old, id: 'older', day: '2026-11-01', created_at: '2026-11-01T08:00:00Z' };
  assert.equal(
    kantelenInvitation({ reflections: [turned, old, older], today: '2026-11-30' }).entry.id,
    'older',
  );
  assert.equal(
    kantelenInvitation({ reflections: [old], today: '2026-11-28', skippedWeek: '2026-W48' }),
    null,
  );
});
