/**
 * The Odoo connection, owned by the background: the stored setup, the permission for its origin,
 * and the probe. The popup asks; the background checks, probes and stores, so a probe finishes even
 * if the popup closes (Firefox closes it when the permission prompt opens).
 */
import { browser } from 'wxt/browser';
import { msg } from '../i18n';
import { type ProbeResult, probeOdoo, withBaseUrl } from '../odoo/probe';
import { originPattern } from '../odoo/urls';
import type { Reply } from '../protocol';
import { guessAccountType, type Setup, type SetupInput, validateSetup } from '../setup/setup';
import { probeItem, setupItem } from '../state/items';
import { noteHosts, shownHosts } from './public-suffix';
import { moveRefused, moveSetup } from './setups';

export async function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

export async function saveSetup(input: SetupInput): Promise<Reply<Setup>> {
  const result = validateSetup(input);
  if (!result.ok) return { ok: false, error: msg('err.form'), fieldErrors: result.errors };
  const previous = await setupItem.get();
  const next = result.value;
  // Another Odoo: the one left is kept under its origin, the one reached taken back if it was kept (./setups.ts).
  if (previous) {
    const refused = await moveRefused(previous, next);
    if (refused) return { ok: false, error: refused };
  }
  // Re-saving the proposed address unchanged keeps it marked as a proposal.
  if (previous?.gmailProposed && next.gmail === previous.gmail) next.gmailProposed = true;
  // The address's public-suffix facts first, so that the popup's values come with the setup (a failed read: later).
  await noteHosts([next.odooOrigin]).catch(() => undefined);
  await moveSetup(next);
  await setupItem.set(next);
  const probe = await probeItem.get();
  if (probe && probe.origin !== next.odooOrigin) await probeItem.set(null);
  return { ok: true, value: next };
}

let inFlight: { origin: string; promise: Promise<ProbeResult> } | null = null;

/** Probes the stored origin once at a time; concurrent callers share the same probe. */
export function probeStoredOdoo(): Promise<ProbeResult | null> {
  return setupItem.get().then((setup) => {
    if (!setup) return null;
    if (inFlight?.origin === setup.odooOrigin) return inFlight.promise;
    const promise = runProbe(setup).finally(() => {
      if (inFlight?.promise === promise) inFlight = null;
    });
    inFlight = { origin: setup.odooOrigin, promise };
    return promise;
  });
}

async function runProbe(setup: Setup): Promise<ProbeResult> {
  const origin = setup.odooOrigin;
  const fresh: ProbeResult = (await hasOriginPermission(origin))
    ? await probeOdoo(origin)
    : { origin, at: Date.now(), status: 'permissionDenied' };
  // web.base.url moves at every admin login elsewhere (captures fact 6): a new probe says so too.
  const previous = await probeItem.get();
  const result =
    previous?.origin === origin && previous.odoo && fresh.odoo
      ? withBaseUrl(
          {
            ...fresh,
            odoo: {
              ...fresh.odoo,
              baseUrl: previous.odoo.baseUrl,
              ...(previous.odoo.baseUrlWas ? { baseUrlWas: previous.odoo.baseUrlWas } : {}),
            },
          },
          { baseUrl: fresh.odoo.baseUrl, frozen: fresh.odoo.baseUrlFrozen ?? null },
        ).probe
      : fresh;
  // The setup may have changed while the probe ran; only store a result for the current origin.
  const current = await setupItem.get();
  if (current?.odooOrigin !== origin) return result;
  await noteHosts(shownHosts({ setup: current, probe: result })).catch(() => undefined);
  await probeItem.set(result);
  const email = result.odoo?.userEmail;
  if (!current.gmail && email) {
    await setupItem.update((s) =>
      s && !s.gmail ? { ...s, gmail: email, gmailProposed: true, accountType: s.accountType ?? guessAccountType(email) } : s,
    );
  }
  return result;
}

export async function probeHandler(): Promise<Reply<ProbeResult>> {
  const result = await probeStoredOdoo();
  if (!result) return { ok: false, error: msg('step.odoo.enterUrl') };
  return { ok: true, value: result };
}

/**
 * How long a grant waits for the setup it belongs to. Firefox closes the popup as its permission
 * doorhanger opens, so the popup's `saveSetup` and the grant race: when the grant comes first (a quick
 * click, or no prompt at all), the probe starts once the setup naming that origin is stored.
 */
export const GRANT_WAITS_FOR_SETUP_MS = 10_000;

/** The stored setup once its origin is one of `patterns` — now, or when it is saved — or null on abort. */
function setupNaming(patterns: readonly string[], signal: AbortSignal): Promise<Setup | null> {
  const matches = (s: Setup | null): s is Setup => !!s && patterns.includes(originPattern(s.odooOrigin));
  return new Promise((resolve) => {
    let done = false;
    const finish = (s: Setup | null) => {
      if (done) return;
      done = true;
      unwatch();
      signal.removeEventListener('abort', onAbort);
      resolve(s);
    };
    const onAbort = () => finish(null);
    const unwatch = setupItem.watch((s) => matches(s) && finish(s));
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    setupItem.get().then((s) => matches(s) && finish(s), onAbort);
  });
}

/** A grant given in a prompt that outlived the popup still leads to a probe; a revoke is shown. */
export function watchOriginPermissions(): void {
  browser.permissions.onAdded.addListener(async (permissions) => {
    const setup = await setupNaming(permissions.origins ?? [], AbortSignal.timeout(GRANT_WAITS_FOR_SETUP_MS));
    if (setup) await probeStoredOdoo();
  });
  browser.permissions.onRemoved.addListener(async (permissions) => {
    const setup = await setupItem.get();
    if (setup && permissions.origins?.includes(originPattern(setup.odooOrigin))) {
      await probeItem.set({ origin: setup.odooOrigin, at: Date.now(), status: 'permissionDenied' });
    }
  });
}
