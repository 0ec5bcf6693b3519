/**
 * Service-worker wake-up against an empty worker (scripts/bench/browser.ts): both workers stopped with
 * CDP (`ServiceWorker.stopAllWorkers`, then waiting until each reports `stopped`), then one message sent
 * from a page of each extension, alternating, `runs` wakes each. The message is `pendingCredentials`, which
 * the popup sends on every open (entrypoints/popup/App.tsx), in @webext-core/messaging's wire format; the
 * empty worker answers it with the same reply. Timed in the sending page: `runtime.sendMessage` → reply.
 */
import type { Pair } from './browser.ts';

interface VersionUpdate {
  versions: { registrationId: string; versionId: string; scriptURL: string; runningStatus: string }[];
}

export async function measureWorker({ context, real, empty }: Pair, runs: number): Promise<{ real: number[]; empty: number[] }> {
  const pages = {
    real: await context.newPage(),
    empty: await context.newPage(),
  };
  // The popup page sends its own messages when it opens: they are answered before the first stop.
  await pages.real.goto(`chrome-extension://${real}/popup.html`);
  await pages.real.waitForFunction(() => performance.getEntriesByName('gmail-odoo:checklist').length > 0);
  await pages.empty.goto(`chrome-extension://${empty}/empty.html`);
  const cdp = await context.newCDPSession(pages.empty);
  const status = new Map<string, string>();
  let changed: (() => void) | null = null;
  cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionUpdate) => {
    for (const v of e.versions) status.set(new URL(v.scriptURL).host, v.runningStatus);
    changed?.();
  });
  await cdp.send('ServiceWorker.enable');
  const allStopped = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    while (status.get(real) !== 'stopped' || status.get(empty) !== 'stopped')
      await new Promise<void>((done) => {
        changed = done;
      });
    changed = null;
  };
  const out = { real: [] as number[], empty: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 === 0 ? (['real', 'empty'] as const) : (['empty', 'real'] as const)) {
      await allStopped();
      const r = await pages[kind].evaluate(async () => {
        const start = performance.now();
        const reply: unknown = await chrome.runtime.sendMessage({
          id: 1,
          type: 'pendingCredentials',
          data: {},
          timestamp: Date.now(),
        });
        return { ms: performance.now() - start, reply };
      });
      const ok =
        typeof r.reply === 'object' &&
        r.reply !== null &&
        'res' in r.reply &&
        typeof r.reply.res === 'object' &&
        r.reply.res !== null &&
        'ok' in r.reply.res &&
        r.reply.res.ok === true;
      if (!ok) throw new Error(`${kind} worker: unexpected reply ${JSON.stringify(r.reply)}`);
      out[kind].push(r.ms);
    }
  }
  await cdp.send('ServiceWorker.disable');
  await pages.real.close();
  await pages.empty.close();
  return out;
}
