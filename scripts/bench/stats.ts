/**
 * How sure a ratio of medians is: the benchmark compares the real extension with the empty one from 20 runs
 * each on a shared machine, where one run's ratio can move by ±0.15× on an unchanged build (toolchain.md §14).
 * A percentile bootstrap (both samples resampled with replacement, the ratio of their medians each time)
 * gives the interval the row prints beside its ratio, so that a goal at 1.3× read off one run says whether
 * the run could tell. Seeded: the same samples print the same interval.
 */

/** The median (the lower middle of an even count, as `percentile(xs, 50)` in ./browser.ts). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length / 2) - 1)] ?? Number.NaN;
}

/** mulberry32: a small seeded generator, so that an interval does not change between two prints of one run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The central `level` interval of median(real) ÷ median(empty) over `rounds` bootstrap resamples. */
export function ratioInterval(
  real: readonly number[],
  empty: readonly number[],
  { rounds = 2000, level = 0.95, seed = 1 } = {},
): [number, number] {
  if (real.length === 0 || empty.length === 0) return [Number.NaN, Number.NaN];
  const random = seeded(seed);
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)] ?? Number.NaN);
  const ratios = Array.from({ length: rounds }, () => median(resample(real)) / median(resample(empty))).sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(rounds - 1, Math.max(0, Math.round(q * (rounds - 1))))] ?? Number.NaN;
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
