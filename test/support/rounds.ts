/**
 * How many round trips deep an operation is: a `fetch` that plays the network in lock-step rounds. Every
 * request leaves at once (the server still does the work when it arrives), but its answer is held back until
 * everything that can leave without an answer has left; then the whole round is answered together and the
 * next round begins. So a request's round is the number of answers its sending had to wait for, one after
 * another — the operation's critical path at a uniform round-trip time, whatever the machine's speed: N
 * rounds cost N × RTT on a far server, however many calls each round carries.
 *
 * Node-loadable and free of the extension's code: the unit tests wrap the fake Odoo's fetch with it, and the
 * benchmark reads its counts (test/unit/round-trips.test.ts).
 */

export interface Rounds {
  /** The wrapped fetch: give it to the code under test (`vi.stubGlobal('fetch', …)` or `{ fetch }`). */
  fetch: typeof fetch;
  /** For every request, in the order they left: the round it left in (0: before any answer came). */
  readonly tags: number[];
  /** Round trips deep: the rounds that carried at least one request. */
  depth(): number;
  /** Starts counting again (tags emptied) from the next request on. */
  reset(): void;
}

type Settled = { ok: true; response: Response } | { ok: false; error: unknown };

/** Turns of the event loop with nothing leaving before a round is answered (storage and messaging are promise chains). */
const IDLE_TURNS = 10;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function inRounds(base: typeof fetch): Rounds {
  let round = 0;
  let first = 0;
  const tags: number[] = [];
  let waiting: { settled: Promise<Settled>; release: () => void }[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    try {
      // Until every request sent so far has its answer from the server, and nothing more left meanwhile.
      for (;;) {
        const count = waiting.length;
        await Promise.all(waiting.map((w) => w.settled));
        for (let i = 0; i < IDLE_TURNS; i++) await turn();
        if (waiting.length === count) break;
      }
      const answered = waiting;
      waiting = [];
      round++;
      for (const w of answered) w.release();
    } finally {
      flushing = false;
    }
  }

  const roundFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    tags.push(round - first);
    const settled: Promise<Settled> = base(input, init).then(
      (response) => ({ ok: true, response }),
      (error: unknown) => ({ ok: false, error }),
    );
    const released = new Promise<void>((release) => waiting.push({ settled, release }));
    if (!flushing) void flush();
    return released
      .then(() => settled)
      .then((s) => {
        if (s.ok) return s.response;
        throw s.error;
      });
  }) as typeof fetch;

  return {
    fetch: roundFetch,
    tags,
    depth: () => (tags.length === 0 ? 0 : Math.max(...tags) + 1),
    reset() {
      tags.length = 0;
      first = round;
    },
  };
}
