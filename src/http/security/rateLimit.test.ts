import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimit.ts';

describe('RateLimiter', () => {
  it('allows the limit per window per key, then refuses until the window ends', () => {
    let now = 1_000;
    const rl = new RateLimiter(3, 60_000, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.take('b')).toBe(true);
    expect(rl.retryAfterSeconds('a')).toBe(60);
    now += 59_999;
    expect(rl.take('a')).toBe(false);
    now += 1;
    expect(rl.take('a')).toBe(true);
  });
});
