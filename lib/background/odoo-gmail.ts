/**
 * The popup's Odoo-side buttons, run by the background: install/upgrade the Gmail module,
 * save the Client ID and secret in Odoo's settings, create or update the Gmail outgoing server, and
 * "Connect your Gmail account" — plus watching for Google's redirect back to Odoo. Every result is
 * stored (`odooGmailItem`) so a popup that Firefox closed during a tab switch shows it when reopened.
 */
import { browser } from 'wxt/browser';
import { parseClientId, parseClientSecret } from '../google/formats';
import { msg } from '../i18n';
import { MsgError } from '../odoo/error-messages';
import { openGmailConsent, readTokenStamp } from '../odoo/gmail-connection';
import { detectServerSchema } from '../odoo/gmail-schema';
import {
  findGmailServer,
  GmailSetupError,
  installOrUpgradeGmail,
  type ModuleAction,
  readGmailCredentials,
  upsertGmailServer,
  writeGmailCredentials,
} from '../odoo/gmail-setup';
import type { ModuleInfo } from '../odoo/probe';
import { odooSettingsLink } from '../odoo/urls';
import type { Reply } from '../protocol';
import { parseGmail } from '../setup/setup';
import { credentialsItem, googleItem, odooGmailItem } from '../state/items';
import { stopGoogleSetup } from './autopilot';
import { noteBaseUrl } from './base-url';
import { wipeSecret } from './credentials';
import { isReturnPage, runCheck } from './monitor';
import { probeStoredOdoo } from './odoo-connection';
import { type OdooContext, runOp, runOps, stateFor, updateState, withKeepAlive } from './odoo-context';

/** Installing a module reloads Odoo's registry: give it minutes, not seconds. */
const MODULE_TIMEOUT_MS = 5 * 60_000;
/** The newest series whose google_gmail keeps the secret in `ir.config_parameter` (odoo-gmail.md §0, §1.5). */
const NEWEST_SECRET_IN_PARAMS = 19;
const CONFIRM_PATH = '/google_gmail/confirm';
/** How long after "Connect" a return to Odoo counts as the end of the consent. */
export const CONNECT_WINDOW_MS = 30 * 60_000;

export function installGmailModule(): Promise<Reply<{ action: ModuleAction; module: ModuleInfo }>> {
  return runOp('module', async ({ origin }) => {
    const action = await withKeepAlive(() => installOrUpgradeGmail(origin, { timeoutMs: MODULE_TIMEOUT_MS }));
    // Re-probe: the checklist's module step reads the probe; done only if Odoo now says so.
    const probe = await probeStoredOdoo();
    const module = probe?.gmailModule;
    if (module?.state !== 'installed' || module.outdated) throw new GmailSetupError('moduleNotReady');
    return { action, module };
  });
}

/** What the popup may know of pending credentials: the ID and whether a secret waits — never the secret. */
export async function pendingCredentials(): Promise<
  Reply<{ clientId: string | null; hasSecret: boolean; source: 'console' | 'json' | 'paste' | null }>
> {
  const c = await credentialsItem.get();
  return { ok: true, value: { clientId: c?.clientId ?? null, hasSecret: !!c?.clientSecret, source: c?.source ?? null } };
}

/** The pending credentials, checked before any request: parsed ID and secret, and the module they need. */
async function pendingInput({ probe }: OdooContext): Promise<{ clientId: string; clientSecret: string }> {
  const pending = await credentialsItem.get();
  if (!pending) throw new MsgError(msg('odoo.err.noCredentials'));
  const id = parseClientId(pending.clientId);
  if (!id.ok) throw new MsgError(id.error);
  const secret = parseClientSecret(pending.clientSecret);
  if (!secret.ok) throw new MsgError(secret.error);
  const module = probe.gmailModule;
  if (module?.state !== 'installed') throw new MsgError(msg('odoo.err.moduleFirst'));
  return { clientId: id.value, clientSecret: secret.value };
}

/** Writes them, confirmed by Odoo's read-backs; only then is the secret wiped. */
async function saveCredentials(
  { origin, odoo }: OdooContext,
  input: { clientId: string; clientSecret: string },
  openSettings: boolean,
): Promise<{ clientId: string }> {
  const written = await writeGmailCredentials(origin, input, { secretInParams: odoo.major <= NEWEST_SECRET_IN_PARAMS });
  // Odoo has it: the extension forgets it.
  await wipeSecret();
  await updateState(origin, (s) => ({
    ...s,
    credentials: { clientId: written.clientId, at: Date.now(), secretConfirmed: written.secretConfirmed, found: false },
  }));
  // Show the person the filled fields in Odoo's own Settings.
  if (openSettings) await browser.tabs.create({ url: odooSettingsLink(origin, odoo.major, odoo.minor) }).catch(() => undefined);
  return { clientId: written.clientId };
}

/** `openSettings`: show Odoo's Settings in a tab afterwards (the popup's button; not on the way to Google). */
export function saveCredentialsToOdoo({ openSettings = true } = {}): Promise<Reply<{ clientId: string }>> {
  return runOp('credentials', async (ctx) => saveCredentials(ctx, await pendingInput(ctx), openSettings));
}

/**
 * Creates or updates the Gmail server. `lookForCredentials`: when the extension has not saved credentials,
 * ask Odoo whether some were entered by hand (false while they are being saved beside it).
 */
async function saveServer(
  { origin, setup, odoo, probe }: OdooContext,
  lookForCredentials: boolean,
): Promise<{ id: number; action: 'created' | 'updated'; stamp: number | null }> {
  // A neutralized copy keeps its servers archived on purpose (odoo-gmail.md §9.1): creating one, or
  // unarchiving production's, would send real mail from the copy.
  if (probe.odoo?.neutralized) throw new MsgError(msg('odoo.err.neutralized'));
  const gmail = setup.gmail ? parseGmail(setup.gmail) : null;
  if (!gmail?.ok) throw new MsgError(msg('odoo.err.needGmail'));
  // The version's schema and the server already there for the address: independent, one round trip.
  const [schemaRead, existingRead] = await Promise.allSettled([detectServerSchema(origin), findGmailServer(origin, gmail.value)]);
  if (schemaRead.status === 'rejected') throw schemaRead.reason;
  const schema = schemaRead.value;
  if (!schema) throw new MsgError(msg('odoo.err.moduleFirst'));
  if (existingRead.status === 'rejected') throw existingRead.reason;
  const written = await upsertGmailServer(origin, gmail.value, schema, { existing: existingRead.value });
  // Credentials entered by hand earlier count too (their secret may no longer be visible on the Console, P21).
  const known = !lookForCredentials || (await stateFor(origin)).credentials;
  const existing = known ? null : await readGmailCredentials(origin, { secretInParams: odoo.major <= NEWEST_SECRET_IN_PARAMS });
  const found =
    existing?.clientId && existing.secretPresent !== false
      ? { clientId: existing.clientId, at: Date.now(), secretConfirmed: existing.secretPresent, found: true }
      : null;
  await updateState(origin, (s) => ({
    ...s,
    credentials: s.credentials ?? found,
    server: {
      id: written.id,
      name: written.name,
      gmail: gmail.value,
      schema: schema.kind,
      action: written.action,
      at: Date.now(),
    },
    connect: s.connect?.serverId === written.id ? s.connect : null,
  }));
  return { id: written.id, action: written.action, stamp: written.stamp };
}

/** `check`: run the monitor's check afterwards (an updated server may hold a token already). */
export function setupMailServer({ check = true } = {}): Promise<Reply<{ id: number; action: 'created' | 'updated' }>> {
  const reply = runOp('server', async (ctx) => {
    const { id, action } = await saveServer(ctx, true);
    return { id, action };
  });
  // An updated server may already hold a token: the monitor finds out (and it starts watching).
  return reply.then(async (r) => {
    if (r.ok && check) await runCheck('manual');
    return r;
  });
}

/**
 * Opens Google's consent page for the stored server. `stampBefore`: the token stamp the server's read-back
 * just gave (undefined: read it now, beside the consent URL).
 */
async function connect({ origin, setup, probe }: OdooContext, stampKnown?: number | null): Promise<{ via: 'google' | 'relay' }> {
  const state = await odooGmailItem.get();
  const server = state?.origin === origin ? state.server : null;
  if (!server || server.gmail !== setup.gmail) throw new MsgError(msg('odoo.err.serverFirst'));
  // An outdated module answers Google's redirect with "Forbidden" (odoo-gmail.md §7).
  if (probe.gmailModule?.outdated) throw new MsgError(msg('odoo.err.upgradeFirst'));
  // The token's stamp now: the return from Google must bring a newer one (monitor.ts).
  const [consent, stampBefore] = await Promise.all([
    openGmailConsent(origin, server.id),
    stampKnown === undefined ? readTokenStamp(origin, server.id) : stampKnown,
  ]);
  // The consent URL carries the redirect URI Odoo sends now, from web.base.url as it is now (an admin's
  // login elsewhere may have moved it since Connect to Odoo, captures fact 6).
  const before = probe.odoo?.baseUrl ?? null;
  const now = consent.redirectUri?.endsWith(CONFIRM_PATH) ? consent.redirectUri.slice(0, -CONFIRM_PATH.length) : null;
  if (now && now !== before) {
    await noteBaseUrl(origin, { baseUrl: now, frozen: null });
    const registered = (await googleItem.get()).redirectUris;
    // Known not to be on the client: Google would refuse it. Say so here rather than on Google's error page.
    if (consent.redirectUri && registered.length > 0 && !registered.includes(consent.redirectUri)) {
      throw new MsgError(msg('odoo.err.redirectMoved', { redirectUri: consent.redirectUri, was: before ?? '' }));
    }
  }
  await updateState(origin, (s) => ({
    ...s,
    connect: {
      serverId: server.id,
      startedAt: Date.now(),
      tabId: null,
      status: 'waiting',
      detail: null,
      redirectUri: consent.redirectUri,
      via: consent.via,
      stampBefore,
    },
  }));
  const tab = await browser.tabs.create({ url: consent.url });
  await updateState(origin, (s) => (s.connect ? { ...s, connect: { ...s.connect, tabId: tab.id ?? null } } : s));
  return { via: consent.via };
}

export function connectGmail(): Promise<Reply<{ via: 'google' | 'relay' }>> {
  return runOp('connect', (ctx) => connect(ctx));
}

/**
 * The Console panel's one click after the capture: what the popup's three Odoo buttons do — save the Client
 * ID and secret (the secret leaves the extension for the person's Odoo, then is wiped), create or update the
 * Gmail server, open Google's consent page. Each part is the popup's own operation (same checks, same stored
 * results and errors), so the popup shows where it stopped; what succeeded stays done.
 *
 * For a far Odoo, four round trips deep instead of nine: the credentials (settings `create` → `execute` → the
 * two read-backs together) and the server (`fields_get` with the lookup → `write`/`create` → the read-back,
 * token stamp included) touch different records and run side by side; Google's URL needs both. Nothing
 * starts when the credentials' own checks refuse (no request), and the first failure in the popup's order
 * — credentials, server, connect — is the one said.
 */
export async function finishInOdoo(): Promise<
  Reply<{ clientId: string; server: 'created' | 'updated'; via: 'google' | 'relay' }>
> {
  const reply = await runOps('credentials', async (ctx, step) => {
    let input: { clientId: string; clientSecret: string };
    try {
      input = await pendingInput(ctx);
    } catch (error) {
      return step('credentials', () => Promise.reject(error));
    }
    // The check would only find no token yet: the return from Google's page runs it.
    const [saved, server] = await Promise.all([
      step('credentials', () => saveCredentials(ctx, input, false)),
      step('server', () => saveServer(ctx, false)),
    ]);
    if (!saved.ok) return saved;
    if (!server.ok) return server;
    const connected = await step('connect', () => connect(ctx, server.value.stamp));
    if (!connected.ok) return connected;
    return { ok: true, value: { clientId: saved.value.clientId, server: server.value.action, via: connected.value.via } };
  });
  // "Set up Google Cloud for Odoo" ends here: Google's consent page is the person's.
  if (reply.ok) await stopGoogleSetup();
  return reply;
}

/**
 * After the consent, Google sends the browser to `<web.base.url>/google_gmail/confirm`, and Odoo
 * redirects to the server's form (`/web#id=…&model=ir.mail_server…` ≤17, `/odoo/ir.mail_server/<id>`
 * 18+, odoo-gmail.md §1.6). A page of the Odoo origin that finished loading on the form is the cue to
 * check the token. Left on `/google_gmail/confirm`, Odoo refused (Forbidden, or Google's `error`).
 */
export async function onTabUpdated(url: string | undefined, status: string | undefined): Promise<void> {
  if (status !== 'complete' || !url) return;
  const state = await odooGmailItem.get();
  const c = state?.connect;
  if (!state || !c || c.status !== 'waiting' || Date.now() - c.startedAt > CONNECT_WINDOW_MS) return;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return;
  }
  if (page.origin !== state.origin) return;
  if (page.pathname === '/google_gmail/confirm') {
    await updateState(state.origin, (s) =>
      s.connect ? { ...s, connect: { ...s.connect, status: 'refused', detail: page.searchParams.get('error') } } : s,
    );
    return;
  }
  if (!isReturnPage(url, state.origin)) return;
  await runCheck('connect');
}

export function watchConnectReturn(): void {
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    void onTabUpdated(tab.url ?? change.url, change.status).catch(() => undefined);
  });
}
