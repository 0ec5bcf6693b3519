/**
 * The benchmark's interval for a ratio of medians (scripts/bench/stats.ts): what one run of the popup's or the
 * worker's 20 opens can tell about a goal such as 1.3× an empty page.
 */
import { describe, expect, it } from 'vitest';
import { median, ratioInterval } from '../../scripts/bench/stats.ts';

/** 20 timings around `center` ms, spread ±`spread` ms, fixed. */
const around = (center: number, spread: number) =>
  Array.from({ length: 20 }, (_, i) => center + ((i * 7) % 20) * (spread / 10) - spread);

describe('ratio of medians, with its bootstrap interval', () => {
  it('median: the lower middle of an even count, as the bench`s p50', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('the same samples: an interval around 1×, and the same interval at every call', () => {
    const xs = around(100, 10);
    const [low, high] = ratioInterval(xs, xs);
    expect(low).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThanOrEqual(1);
    expect(ratioInterval(xs, xs)).toEqual([low, high]);
  });

  it('clearly apart (130 vs 100 ms, ±5): the interval holds the ratio and leaves out both 1× and 1.5×', () => {
    const [low, high] = ratioInterval(around(130, 5), around(100, 5));
    expect(low).toBeGreaterThan(1.15);
    expect(high).toBeLessThan(1.45);
    expect(low).toBeLessThanOrEqual(median(around(130, 5)) / median(around(100, 5)));
  });

  it('noisy (±30 ms on 100): too wide to tell 1.3× from 1×', () => {
    const [low, high] = ratioInterval(around(115, 30), around(100, 30));
    expect(low).toBeLessThan(1.05);
    expect(high).toBeGreaterThan(1.3);
  });

  it('an empty sample: no interval', () => {
    expect(ratioInterval([], [1])).toEqual([Number.NaN, Number.NaN]);
  });
});
