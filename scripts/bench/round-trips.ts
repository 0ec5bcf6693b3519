/**
 * The benchmark's rows for a far Odoo (scripts/bench.ts calls these): how many round trips deep the probe,
 * "Save in Odoo and connect" and the monitor's check are, how many calls they make, and their wall time
 * straight to the fake Odoo and through the latency proxy (test/support/latency-proxy.ts: the TLS front
 * behind a hop adding RTT per round trip); and the whole journey's wall time with Odoo that far away.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playJourney, type Runner } from './journey.ts';

/** What bench.ts lends these measures: its table, beside its log and its way to run a command. */
export interface Bench extends Runner {
  row(measure: string, value: string, goal: string, method: string): void;
}

/** The round-trip time added in front of Odoo, as from South-East Asia to Odoo's European hosting. */
export const FAR_RTT_MS = 200;

const OPERATIONS = [
  { key: 'probe', label: 'probe (Connect to Odoo)', goal: 2 },
  { key: 'saveAndConnect', label: '"Save in Odoo and connect", until Google\'s page opens', goal: 5 },
  { key: 'monitorCheck', label: 'monitor check', goal: 2 },
] as const;

interface RoundTrips {
  rttMs: number;
  connections: number;
  operations: Record<string, { depth: number; calls: number; rpc: string[]; plainMs: number; farMs: number }>;
}

const TEST = 'test/unit/round-trips.test.ts';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Probe, save-and-connect and monitor check: depth, calls, wall time here and at FAR_RTT_MS (one vitest run). */
export function roundTrips(bench: Bench): void {
  bench.log(`round trips: ${TEST}, straight and through the latency proxy (${FAR_RTT_MS} ms)`);
  const file = join(mkdtempSync(join(tmpdir(), 'gmail-odoo-bench-')), 'round-trips.json');
  const run = bench.sh('npx', ['vitest', 'run', TEST], { ROUND_TRIPS_JSON: file, ROUND_TRIPS_RTT_MS: String(FAR_RTT_MS) });
  if (!run.ok || !existsSync(file)) {
    bench.row('round trips', 'FAILED', '', TEST);
    console.error(run.out.slice(-4000));
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as RoundTrips;
  const method = `${TEST}: the real background against the fake Odoo 17.0; depth in lock-step rounds (test/support/rounds.ts); wall time straight, then through test/support/latency-proxy.ts (TLS front, +${r.rttMs} ms per round trip, TCP and TLS handshakes of each new connection included; ${r.connections} connections over the three)`;
  for (const op of OPERATIONS) {
    const m = r.operations[op.key];
    if (!m) {
      bench.row(`round trips: ${op.label}`, 'FAILED', `≤ ${op.goal} deep`, method);
      continue;
    }
    bench.row(
      `round trips: ${op.label}`,
      `${m.depth} deep, ${m.calls} calls (${m.rpc.join(', ')}); ${seconds(m.plainMs)} here, ${seconds(m.farMs)} at ${r.rttMs} ms RTT`,
      `≤ ${op.goal} deep`,
      method,
    );
  }
}

/**
 * The whole journey (test/e2e/journey.spec.ts) played once more with Odoo FAR_RTT_MS away (ODOO_RTT_MS), beside
 * the plain run's wall time (`plainSeconds`, from the journey row; null when it failed).
 */
export function farJourney(bench: Bench, plainSeconds: number | null): void {
  const spec = 'test/e2e/journey.spec.ts';
  const label = `journey wall time, Odoo ${FAR_RTT_MS} ms away`;
  const method = `npx playwright test ${spec} (e2e build) with ODOO_RTT_MS=${FAR_RTT_MS}: the fake Odoo's TLS front behind test/support/latency-proxy.ts (+${FAR_RTT_MS} ms per round trip with Odoo: the popup's calls, the Odoo pages, Google's return); first action → every checklist step done, browser start excluded`;
  bench.log(`far journey: ${spec} with ODOO_RTT_MS=${FAR_RTT_MS}`);
  const far = playJourney(bench, { ODOO_RTT_MS: String(FAR_RTT_MS) })?.seconds;
  if (far === undefined) {
    bench.row(label, 'FAILED', '', method);
    return;
  }
  const delta = plainSeconds ? far - plainSeconds : 0;
  // Signed: the two runs differ by less than their own noise when Odoo is this close to the rest.
  const beside = plainSeconds ? ` (plain run ${plainSeconds} s: ${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)} s)` : '';
  bench.row(label, `${far} s${beside}`, '', method);
}

/** The page's "How each number is measured" for these rows (docs/benchmark.md). */
export const FAR_ROUND_TRIPS_HOW = `- **Round trips.** \`test/unit/round-trips.test.ts\` runs the real background against the fake Odoo 17.0: the
  probe (_Connect to Odoo_), the Console panel's _Save in Odoo and connect_ until Google's consent page is opened,
  and the monitor's check (token present, so Test Connection runs). **Deep** is the number of round trips one
  after another: the test plays the network in lock-step rounds (\`test/support/rounds.ts\`: every answer is held
  until nothing more can leave, then the whole round is answered), so a request's round is how many answers
  its sending had to wait for; the test pins each depth. **Calls** are the POSTs Odoo received. The wall
  times are one run straight to the fake Odoo and one through \`test/support/latency-proxy.ts\`: the fake
  Odoo's TLS front (a throw-away certificate Node is told to trust; the session cookie in the request, as the
  browser sends it) behind a TCP hop that holds every byte ${FAR_RTT_MS / 2} ms each way, like \`tc netem\`. So each
  exchange costs ${FAR_RTT_MS} ms more, and each new connection two round trips more before its first answer
  (TCP's and TLS 1.3's handshakes) — parallel calls over HTTP/1.1 open connections of their own, which is why
  the wall time is more than deep × ${FAR_RTT_MS} ms. The times are reported, never asserted.
- **Journey, Odoo ${FAR_RTT_MS} ms away.** The same journey test once more with \`ODOO_RTT_MS=${FAR_RTT_MS}\`: the
  TLS front at \`https://acme.odoo.com\` sits behind the same hop, so every exchange of the browser with Odoo
  (its pages, the popup's and the background's calls, Google's return) pays the round trip; the Console
  replica and Google's stand-in stay local. Beside it, the plain run's time from the row above: both journeys
  are played by the bench, one after the other, alone on the machine (\`--journey-json\` reuses only the test
  run's actions): about two minutes more per run.`;
