/**
 * The whole journey in real Firefox ESR, from an empty Google Cloud project to a green Test Connection —
 * the same journey as test/e2e/journey.spec.ts in Chromium: the popup connects to the Odoo at
 * https://acme.odoo.com (real permission grant, the session cookie of a real login); "Set up Google Cloud
 * for Odoo" opens the Console in a tab of the extension's and the assistant does every page by itself —
 * project, consent screen (the person ticks Google's User Data Policy box), authorized domain, test user,
 * OAuth client, the capture — then the Odoo side (credentials, mail server) and opens Google's consent page
 * (the fake Google: choose the account, Allow), which sends the browser back to Odoo; the extension then
 * says so. Run on the replica's default Console and on two 2026 variants (docs/evidence/google-console-2026.md): British English, and
 * Vietnamese with Google's old tone-mark placement and label-less shapes.
 *
 * Every host is the real one on port 443, served on this machine by `startSiteProxy` (Firefox's HTTPS
 * proxy): the tabs the extension opens itself are reached too, which per-page interception cannot do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../lib/setup/steps.ts';
import { ADMIN } from '../fake-odoo/db.ts';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { consoleSite, type ReplicaConfig } from '../support/replica.ts';
import { googleSite, odooSite } from '../support/sites.ts';
import { CONSOLE, domText, extensionStorage, replicaState, tickPolicyBox, waitForPanel } from './console-replica.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, stepState, tabOpenedAt, waitForStep } from './harness.ts';
import { type SiteProxy, startSiteProxy } from './site-proxy.ts';

const ODOO = 'https://acme.odoo.com';
const GMAIL = 'me@gmail.com';
let odoo: FakeOdoo;
let proxy: SiteProxy;
let firefox: FirefoxSession;

/** Starts Odoo, Google's stand-in and the Console `variant`, all at their real addresses through the proxy. */
async function world(variant: ReplicaConfig) {
  odoo = await startFakeOdoo({ users: [{ ...ADMIN, email: GMAIL }], proxyMode: true });
  // Odoo's own idea of its address (System Parameters › web.base.url): the public HTTPS name.
  odoo.db.params.set('web.base.url', ODOO);
  odoo.google.signIn(GMAIL);
  odoo.google.accountChooser = true;
  proxy = await startSiteProxy({
    'acme.odoo.com': odooSite(odoo),
    // The replica posts what it created to its sink: Google's side learns the client, as Google's servers do.
    'console.cloud.google.com': consoleSite(odoo, { ui: 'new', accountType: 'personal', email: GMAIL, ...variant }),
    'accounts.google.com': googleSite(odoo),
  });
  firefox = await launchFirefox({ prefs: proxy.prefs, acceptInsecureCerts: true });
}
afterEach(async () => {
  await firefox?.close();
  await proxy?.close();
  await odoo?.stop();
});

describe.each<[string, ReplicaConfig]>([
  ['the default Console', {}],
  ['a British English Console, 2026 shapes', { lang: 'en-GB', radioNames: 'described', domainRows: 'unlabelled', hooks: true }],
  [
    'a Vietnamese Console with the old tone marks, 2026 shapes',
    { lang: 'vi', viTones: 'old', radioNames: 'described', domainRows: 'substring', hooks: true, testUsersPanel: 'panel' },
  ],
])('%s', (_name, variant) => {
  it('the whole journey: Odoo connected, "Set up Google Cloud for Odoo" does the Console and Odoo, Gmail connected, Test Connection green, then "Also receive mail" Confirmed', async () => {
    await world(variant);
    // The person is signed in to Odoo (a real login form: Firefox holds the HttpOnly session cookie).
    const tab = await firefox.browser.newPage();
    await tab.goto(`${ODOO}/web/login`);
    await tab.type('#login', 'admin');
    await tab.type('#password', 'admin');
    await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
    let popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    await popup.type(await fieldByLabel(popup, 'Odoo URL'), ODOO);
    await clickButton(popup, 'Connect to Odoo');
    await waitForStep(popup, 'odoo', 'done');
    // The Gmail address is proposed from the Odoo user, the account type guessed from it.
    await popup.waitForFunction(
      (gmail: string) => (document.querySelector<HTMLInputElement>('input[type="email"]')?.value ?? '') === gmail,
      {},
      GMAIL,
    );
    const redirectUri = `${ODOO}/google_gmail/confirm`;

    // 1. "Set up Google Cloud for Odoo": the Console opens in a tab the extension opens, and the assistant does
    // every page by itself; the only pause on the Console is the person's tick of Google's User Data Policy box.
    const opened = tabOpenedAt(firefox, `${CONSOLE}/projectcreate`);
    const consent = tabOpenedAt(firefox, 'https://accounts.google.com/');
    await clickButton(popup, 'Set up Google Cloud for Odoo');
    const page = await opened;
    await tickPolicyBox(page);
    // 2. Every other page by itself, the capture, then Odoo: Google's consent page opens.
    const google = await consent;
    await waitForPanel(page, { status: /choose me@gmail\.com there and click Allow/ }, 40_000);
    const state = await replicaState(page);
    const client = state.clients[0];
    if (!client) throw new Error('no client was created');
    expect(state.projects).toEqual([expect.objectContaining({ name: 'Odoo' })]);
    expect(state.consent).toMatchObject({ appName: 'Odoo', audience: 'external', domains: ['odoo.com'], testUsers: [GMAIL] });
    expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [redirectUri], origins: [] });
    expect(odoo.db.params.get('google_gmail_client_id')).toBe(client.id);
    expect(odoo.db.params.get('google_gmail_client_secret')).toBe(client.secret);
    // 17.0's Gmail server (odoo-gmail.md §8.4), created once.
    expect(odoo.mailServers()).toEqual([
      expect.objectContaining({
        name: `Gmail (${GMAIL})`,
        smtp_host: 'smtp.gmail.com',
        smtp_port: 587,
        smtp_encryption: 'starttls',
        smtp_authentication: 'gmail',
        smtp_user: GMAIL,
        from_filter: GMAIL,
      }),
    ]);

    // 3. Google's consent: choose the account, Allow → Odoo's /google_gmail/confirm → the server's form.
    const chooser = await google.waitForSelector('button[name="chosen"]');
    await Promise.all([google.waitForNavigation(), chooser?.click()]);
    const allow = await google.waitForSelector('button[value="allow"]');
    await Promise.all([google.waitForNavigation(), allow?.click()]);
    await google.waitForFunction((origin: string) => location.origin === origin, { timeout: 20_000 }, ODOO);
    expect(String(odoo.mailServers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);

    // 4. The extension says it: back on Odoo's form, it checked the token and ran Test Connection — green,
    // on its toolbar badge. (Its "Gmail is connected to Odoo" notification is asserted in Chromium,
    // test/e2e/journey.spec.ts: headless Firefox has no notification service to keep one open.)
    await popup.close();
    popup = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="test"]' });
    await popup.waitForFunction(
      () => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}).then((text) => text === 'OK'),
      { timeout: 20_000, polling: 250 },
    );
    expect((await extensionStorage(popup, 'local')).monitor).toMatchObject({ trigger: 'connect', status: 'ok', token: true });
    for (const id of STEP_IDS) {
      await waitForStep(popup, id, 'done');
      expect({ id, state: (await stepState(popup, id)).state }).toEqual({ id, state: 'done' });
    }

    // 5. "Also receive mail from this Gmail", offered now: 1 click, Google's 2 screens, then the incoming
    // server Confirmed on Odoo (Test & Confirm run by the background on the return to the server's form).
    const incomingConsent = tabOpenedAt(firefox, 'https://accounts.google.com/');
    await clickButton(popup, `Also receive mail from ${GMAIL}`);
    const google2 = await incomingConsent;
    const chooser2 = await google2.waitForSelector('button[name="chosen"]');
    await Promise.all([google2.waitForNavigation(), chooser2?.click()]);
    const allow2 = await google2.waitForSelector('button[value="allow"]');
    await Promise.all([google2.waitForNavigation(), allow2?.click()]);
    await google2.waitForFunction((origin: string) => location.origin === origin, { timeout: 20_000 }, ODOO);
    await popup.waitForFunction(
      () =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.local
          .get('incoming')
          .then((s) => (s.incoming as { status?: string } | undefined)?.status === 'confirmed'),
      { timeout: 20_000, polling: 250 },
    );
    expect([...odoo.db.table('fetchmail.server').values()]).toEqual([
      expect.objectContaining({
        state: 'done',
        server: 'imap.gmail.com',
        port: 993,
        is_ssl: true,
        user: GMAIL,
        server_type: 'gmail',
      }),
    ]);

    // The secret went to Odoo only: not in the extension's storage, not in the Console's page.
    expect(JSON.stringify(await extensionStorage(popup, 'session'))).not.toContain(client.secret);
    expect(JSON.stringify(await extensionStorage(popup, 'local'))).not.toContain(client.secret);
    expect(await domText(page).then((t) => t.replace(/<mat-dialog-container[\s\S]*<\/mat-dialog-container>/, ''))).not.toContain(
      client.secret,
    );
    // Every Odoo RPC came with the session cookie.
    const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
    expect(rpc.length).toBeGreaterThan(5);
    expect(rpc.every((r) => r.authenticated)).toBe(true);
    // Every other HTTPS connection is Firefox's own (its settings service), refused by the proxy.
    const others = proxy.connects.filter((c) => !c.served).map((c) => c.host);
    expect(others.filter((host) => !/\.(mozilla\.(com|net|org)|firefox\.com)$/.test(host))).toEqual([]);
  });
});
