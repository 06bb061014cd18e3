import { describe, expect, it } from 'vitest';
import { createClock } from '../../src/server/clock.ts';

describe('the host clock', () => {
  it('is the real time without TEST_CLOCK', () => {
    const now = createClock({});
    const before = Date.now();
    const reading = now();
    expect(reading).toBeGreaterThanOrEqual(before);
    expect(reading).toBeLessThanOrEqual(Date.now());
  });

  it('starts at TEST_CLOCK and then advances with real time', async () => {
    const now = createClock({ TEST_CLOCK: '2030-01-01T09:00:00Z' });
    const first = now();
    const start = Date.parse('2030-01-01T09:00:00Z');
    expect(first).toBeGreaterThanOrEqual(start);
    expect(first - start).toBeLessThan(60_000);
    const realBefore = Date.now();
    await expect.poll(() => Date.now()).toBeGreaterThan(realBefore + 5);
    expect(now()).toBeGreaterThan(first);
  });

  it('refuses a TEST_CLOCK that is not a date', () => {
    expect(() => createClock({ TEST_CLOCK: 'morgen' })).toThrow(/TEST_CLOCK/);
  });
});
