/**
 * The whole-journey spec (test/e2e/journey.spec.ts) played once by the benchmark, alone on the machine (one
 * Playwright worker, no retry): the plain run (scripts/bench.ts) and the far one (./round-trips.ts) alike.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the benchmark lends a measure to play it: its log and its way to run a command (scripts/bench.ts). */
export interface Runner {
  log(line: string): void;
  sh(cmd: string, args: string[], env?: Record<string, string>): { ok: boolean; out: string };
}

/** What the journey spec writes to `JOURNEY_JSON`. */
export interface JourneyNumbers {
  clicks: number;
  typed?: number;
  keystrokes: number;
  seconds: number;
}

export const readJourney = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as JourneyNumbers;

/**
 * The journey once, on the e2e build (built first if missing), with `env` added (e.g. `ODOO_RTT_MS`). Null when
 * the build or the run failed; its output's end is printed.
 */
export function playJourney(bench: Runner, env: Record<string, string> = {}): JourneyNumbers | null {
  if (!existsSync('.output/chrome-mv3-e2e/manifest.json')) {
    bench.log('journey: wxt build --mode e2e');
    const build = bench.sh('npx', ['wxt', 'build', '--mode', 'e2e']);
    if (!build.ok) {
      console.error(build.out.slice(-4000));
      return null;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'gmail-odoo-bench-')), 'journey.json');
  const run = bench.sh('npx', ['playwright', 'test', 'test/e2e/journey.spec.ts', '--workers=1', '--retries=0'], {
    JOURNEY_JSON: file,
    ...env,
  });
  if (!run.ok || !existsSync(file)) {
    console.error(run.out.slice(-4000));
    return null;
  }
  return readJourney(file);
}
