/**
 * Bad input, table-driven: each row is something a person, a file, Odoo or a hostile page may hand
 * the extension, and the exact sentence the person then reads. No row may crash, and none may change
 * stored state (asserted where state exists). Console pages in unexpected states (happy-dom) are in
 * bad-input-console.test.ts; the faults between two clicks are in test/e2e/faults.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { parseClientId, parseClientSecret, parseClientSecretJson } from '@/lib/google/formats';
import { type Msg, tm } from '@/lib/i18n';
import { removeAllListeners } from '@/lib/messaging';
import { probeOdoo } from '@/lib/odoo/probe';
import { parseOdooUrl } from '@/lib/odoo/urls';
import { buildChecklist } from '@/lib/setup/checklist';
import { parseGmail, validateSetup } from '@/lib/setup/setup';
import { odooGmailItem } from '@/lib/state/items';
import { errorEnvelope, OdooException } from '../fake-odoo/errors.ts';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';
import { fixture, odooRoutes, type Route, replay } from './odoo-replay';

const text = (m: Msg) => tm(m);
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

describe('Odoo URLs', () => {
  it.each([
    ['', 'Enter the address of your Odoo.'],
    ['odoo.com', "This is Odoo's own website — enter your database's address, like https://yourcompany.odoo.com."],
    ['acme.odoo.com', 'Start the address with https:// (or http:// for Odoo on your own computer).'],
    ['https://acme.odoo.com/odoo/discuss', 'Enter only the address of your Odoo, without a path.'],
    [
      'https://admin:hunter2@acme.odoo.com',
      'Leave out the user name and password — the extension uses the session you are signed in with.',
    ],
    ['https://acme .odoo.com', 'An address has no spaces.'],
    ['ftp://acme.odoo.com', '"ftp:" is not a web address — Odoo is reached with https:// (or http:// on a local install).'],
    ['file:///etc/passwd', '"file:" is not a web address — Odoo is reached with https:// (or http:// on a local install).'],
    ['https://acme.odoo.com/)', 'Enter only the address of your Odoo, without a path.'],
    ['https://acme.odoo.com#x', 'Enter only the address of your Odoo, without a path.'],
    ['https://odoo', '"odoo" is not a valid server name.'],
    ['https://999.999.999.999', 'This is not a web address.'],
    ['https://www.odoo.com', "This is Odoo's own website — enter your database's address, like https://yourcompany.odoo.com."],
    ['https://acme.odoo.com?db=acme', 'Enter only the address of your Odoo, without a path.'],
    [
      'javascript:alert(1)',
      '"javascript:" is not a web address — Odoo is reached with https:// (or http:// on a local install).',
    ],
    ['data:text/html,x', '"data:" is not a web address — Odoo is reached with https:// (or http:// on a local install).'],
    // IDN: an invalid Punycode label, and a valid IDN with an empty label.
    ['https://xn--.com', 'This is not a web address.'],
    ['https://bücher..de', '"xn--bcher-kva..de" is not a valid server name.'],
    // IP: shorthand and hex forms the URL parser would silently turn into another address.
    ['https://192.168.1', '"192.168.1" is not a valid server name.'],
    ['http://0x7f.0.0.1:8069', '"0x7f.0.0.1" is not a valid server name.'],
    // Trailing garbage.
    ['https://acme.odoo.com.', '"acme.odoo.com." is not a valid server name.'],
    ['https://acme.odoo.com"', '"acme.odoo.com"" is not a valid server name.'],
    ['https://acme.odoo.com<script>', 'This is not a web address.'],
    ['https://acme_odoo.com', '"acme_odoo.com" is not a valid server name.'],
  ])('%j → %s', (input, message) => {
    const r = parseOdooUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text(r.error)).toBe(message);
  });

  it('IDN and IP hosts are accepted, normalised', () => {
    expect(parseOdooUrl('https://erp.bücher.de')).toMatchObject({ ok: true, origin: 'https://erp.xn--bcher-kva.de' });
    expect(parseOdooUrl('http://10.1.2.3:8069')).toMatchObject({ ok: true, origin: 'http://10.1.2.3:8069' });
  });
});

describe('Gmail addresses and account types', () => {
  it.each([
    ['', 'Enter the Gmail address Odoo will send from.'],
    ['sales', 'This is not an email address.'],
    ['sales@', 'The address needs a domain after @, like you@gmail.com.'],
    ['sales@acme', 'The address needs a domain after @, like you@gmail.com.'],
    ['sales@@acme.com', 'This is not an email address.'],
    ['<sales@acme.com>', 'This is not an email address.'],
    ['me @gmail.com', 'This is not an email address.'],
    ['me@gmail.com,you@gmail.com', 'This is not an email address.'],
    ['me@localhost', 'The address needs a domain after @, like you@gmail.com.'],
  ])('%j → %s', (input, message) => {
    const r = parseGmail(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text(r.error)).toBe(message);
  });

  it.each([
    ['me@googlemail.com', '@googlemail.com addresses are personal Google accounts — choose Personal Gmail.'],
    ['me@gmail.com', '@gmail.com addresses are personal Google accounts — choose Personal Gmail.'],
  ])('a personal address (%s) with Google Workspace chosen', (gmail, message) => {
    const r = validateSetup({ odooUrl: 'https://acme.odoo.com', gmail, accountType: 'workspace' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.accountType ? text(r.errors.accountType.error) : null).toBe(message);
  });
});

describe('Client IDs, secrets and client_secret files', () => {
  it.each([
    [ID.slice(0, 40), 'A Client ID ends with .apps.googleusercontent.com — copy the whole value.'],
    [
      'abc.apps.googleusercontent.com',
      'This is not a Google OAuth Client ID (it looks like 123456789012-abc….apps.googleusercontent.com).',
    ],
    [`${ID.slice(0, 20)} ${ID.slice(20)}`, 'A Client ID has no spaces — copy it again with the copy button.'],
    [SECRET, 'This is the client secret, not the Client ID.'],
    ['', 'Enter the Client ID.'],
    [`https://${ID}`, 'This is not a Google OAuth Client ID (it looks like 123456789012-abc….apps.googleusercontent.com).'],
    [`${ID}.`, 'A Client ID ends with .apps.googleusercontent.com — copy the whole value.'],
  ])('client ID %j → %s', (input, message) => {
    const r = parseClientId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text(r.error)).toBe(message);
  });

  it.each([
    [SECRET.slice(0, 20), 'This secret is cut short — a client secret is GOCSPX- followed by 28 characters.'],
    ['GOCSXP-AbCdEfGhIjKlMnOpQrStUvWx_-12', 'This is not a Google OAuth client secret (it looks like GOCSPX-…).'],
    [
      '****_-12',
      "This is the masked secret (****1234). Google shows the full secret only once; add a new secret on the client's page.",
    ],
    [`\t${SECRET.slice(0, 10)} ${SECRET.slice(10)}`, 'A client secret has no spaces — copy it again with the copy button.'],
    [ID, 'This is the Client ID, not the client secret.'],
    ['', 'Enter the client secret.'],
    [
      `${SECRET}${SECRET}`,
      'This secret is too long — a client secret is GOCSPX- followed by 28 characters. Copy it again with the copy button.',
    ],
    [
      `${SECRET}x`,
      'This secret is too long — a client secret is GOCSPX- followed by 28 characters. Copy it again with the copy button.',
    ],
    [`"${SECRET}"`, 'This is not a Google OAuth client secret (it looks like GOCSPX-…).'],
  ])('secret %j → %s', (input, message) => {
    const r = parseClientSecret(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text(r.error)).toBe(message);
  });

  it.each([
    [
      'a Desktop-client JSON',
      JSON.stringify({ installed: { client_id: ID, client_secret: SECRET, redirect_uris: ['http://localhost'] } }),
      'This JSON is for a Desktop app client. Odoo needs a Web application client — create one with the redirect URI shown here.',
    ],
    [
      'JSON with web missing the secret',
      JSON.stringify({ web: { client_id: ID } }),
      'This JSON has no Web application client (a "web" entry with client_id and client_secret).',
    ],
    ['a 5 MB file', 'x'.repeat(5 * 1024 * 1024), 'This file is far too large to be a client_secret JSON file.'],
    ['not JSON', '<html>Sign in</html>', 'This file is not JSON — choose the client_secret_….json file that Google downloaded.'],
    ['an empty file', '', 'This file is not JSON — choose the client_secret_….json file that Google downloaded.'],
    [
      'JSON with web missing the client_id',
      JSON.stringify({ web: { client_secret: SECRET } }),
      'This JSON has no Web application client (a "web" entry with client_id and client_secret).',
    ],
    [
      'JSON with a number for client_id',
      JSON.stringify({ web: { client_id: 42, client_secret: SECRET } }),
      'This JSON has no Web application client (a "web" entry with client_id and client_secret).',
    ],
    [
      'JSON whose web is not an object',
      JSON.stringify({ web: 'x' }),
      'This JSON has no Web application client (a "web" entry with client_id and client_secret).',
    ],
    [
      'a service-account key file',
      JSON.stringify({ type: 'service_account', private_key: 'x', client_email: 'a@b.iam.gserviceaccount.com' }),
      'This JSON has no Web application client (a "web" entry with client_id and client_secret).',
    ],
    [
      'JSON with the ID and the secret swapped',
      JSON.stringify({ web: { client_id: SECRET, client_secret: ID } }),
      'This is the client secret, not the Client ID.',
    ],
    [
      'JSON with a cut secret',
      JSON.stringify({ web: { client_id: ID, client_secret: SECRET.slice(0, 20) } }),
      'This secret is cut short — a client secret is GOCSPX- followed by 28 characters.',
    ],
  ])('%s', (_label, body, message) => {
    const r = parseClientSecretJson(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(text(r.error)).toBe(message);
  });
});

describe('Odoo replies, as the checklist says them', () => {
  const ORIGIN = 'https://acme.odoo.com';
  const sentence = async (route: Parameters<typeof replay>[0]) => {
    const probe = await probeOdoo(ORIGIN, { fetch: replay(route).fetch });
    const steps = buildChecklist({
      setup: aSetup({ odooOrigin: ORIGIN, gmail: null, accountType: null }),
      probe,
      progress: {},
      computed: null,
    });
    return text(steps[0]?.next ?? { key: 'step.odoo.enterUrl' });
  };
  const session = (over: Record<string, unknown>) => ({
    jsonrpc: '2.0',
    id: 1,
    result: { ...(fixture('session-17.0.json') as { result: object }).result, ...over },
  });

  it.each([
    [
      'the HTML login page of an SSO proxy',
      () => ({ text: '<html><form action="/login">SSO</form></html>' }),
      'This is not an Odoo server — check the address.',
    ],
    [
      'HTTP 500 with an HTML page',
      () => ({ status: 500, text: '<h1>Internal Server Error</h1>' }),
      'Odoo answered with an error (500) — it may be down or restarting; check again in a moment.',
    ],
    [
      'HTTP 502 from a proxy',
      () => ({ status: 502, text: '<center>nginx</center>' }),
      'Odoo answered with an error (502) — it may be down or restarting; check again in a moment.',
    ],
    [
      'session expired envelope',
      () => ({ json: fixture('error-session-expired.json') }),
      'Not logged in — open Odoo and sign in, then check again.',
    ],
    [
      'AccessError envelope',
      () => ({ json: fixture('error-access.json') }),
      "Odoo refused access (You are not allowed to access 'Module' (ir.module.module) records.) — sign in as an administrator (Settings › Administration), then check again.",
    ],
    [
      'UserError envelope',
      () => ({ json: fixture('error-user.json') }),
      'Odoo answered with an error (Please configure your Gmail credentials.) — it may be down or restarting; check again in a moment.',
    ],
    [
      'a reply missing fields',
      () => ({ json: { jsonrpc: '2.0', id: 1, result: { uid: 2 } } }),
      'This is not an Odoo server — check the address.',
    ],
    ['wrong types (uid as a string)', () => ({ json: session({ uid: '2' }) }), 'This is not an Odoo server — check the address.'],
    [
      'wrong types (server_version_info a string)',
      () => ({ json: session({ server_version_info: '17.0' }) }),
      'This is not an Odoo server — check the address.',
    ],
    ['nothing listening', () => undefined, 'Odoo could not be reached — check the address and your connection.'],
  ])('%s', async (_label, route, expected) => {
    expect(await sentence(route)).toBe(expected);
  });
});

describe("Odoo's answers when saving the credentials, as the popup says them", () => {
  const ORIGIN = 'https://acme.odoo.com';
  const envelope = (name: string, message: string) => errorEnvelope(1, new OdooException(name, message));
  type Answer = ReturnType<Route>;
  /** The probe is answered as a healthy 17.0; `res.config.settings` › `create` (or `failing`) gets `answer`. */
  const odoo = (answer: Answer, failing = 'create'): Route => {
    const healthy = odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' });
    return (call) => {
      const method = call.body.params?.method;
      if (method === failing) return answer;
      if (method === 'create') return { json: { jsonrpc: '2.0', id: 1, result: 5 } };
      if (method === 'execute') return { json: { jsonrpc: '2.0', id: 1, result: true } };
      return healthy(call);
    };
  };
  let fetchRoute: Route = () => undefined;
  beforeEach(async () => {
    installPermissions([`${ORIGIN}/*`]);
    vi.stubGlobal('fetch', replay((call) => fetchRoute(call)).fetch);
    startBackground();
    fetchRoute = odoo({ json: {} }, 'none');
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'sales@acme.com', accountType: 'workspace' });
    await sendAs(POPUP, 'probeOdoo', {});
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
  });
  afterEach(() => {
    removeAllListeners();
    vi.unstubAllGlobals();
  });

  it.each([
    [
      'the HTML login page of an SSO proxy',
      odoo({ text: '<html><form action="/sso/login">Sign in</form></html>' }),
      'Odoo answered with a web page instead of data — a proxy, a login wall or a maintenance page is in the way.',
    ],
    [
      'HTTP 500 with an HTML page',
      odoo({ status: 500, text: '<h1>Internal Server Error</h1>' }),
      'Odoo answered with HTTP 500 instead of data — it may be down, restarting, or behind a failing proxy.',
    ],
    [
      'HTTP 502 from a proxy',
      odoo({ status: 502, text: '<html><center>502 Bad Gateway</center><hr><center>nginx</center></html>' }),
      'Odoo answered with HTTP 502 instead of data — it may be down, restarting, or behind a failing proxy.',
    ],
    [
      'HTTP 503 with a JSON body that is not JSON-RPC',
      odoo({ status: 503, json: { message: 'maintenance' } }),
      'Odoo answered with HTTP 503 instead of data — it may be down, restarting, or behind a failing proxy.',
    ],
    [
      'the session-expired envelope',
      odoo({ json: envelope('odoo.http.SessionExpiredException', 'Session expired') }),
      'Your Odoo session has ended — sign in to Odoo again, then retry.',
    ],
    [
      'an AccessError envelope',
      odoo({ json: envelope('odoo.exceptions.AccessError', 'Only administrators can change the settings') }),
      'Odoo refused: Only administrators can change the settings',
    ],
    [
      'an AccessDenied envelope',
      odoo({ json: envelope('odoo.exceptions.AccessDenied', 'Access Denied') }),
      'Odoo refused: Access Denied',
    ],
    [
      'a UserError envelope',
      odoo({ json: envelope('odoo.exceptions.UserError', 'Please configure your Gmail credentials.') }),
      'Odoo refused: Please configure your Gmail credentials.',
    ],
    [
      'a ValidationError envelope',
      odoo({ json: envelope('odoo.exceptions.ValidationError', 'The client secret is invalid.') }),
      'Odoo refused: The client secret is invalid.',
    ],
    [
      'a MissingError envelope',
      odoo({ json: envelope('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.') }),
      'Odoo refused: Record does not exist or has been deleted.',
    ],
    [
      'an unexpected server exception',
      odoo({ json: envelope('builtins.KeyError', 'google_gmail_client_identifier') }),
      'Odoo refused: google_gmail_client_identifier',
    ],
    [
      'a reply missing its result',
      odoo({ json: { jsonrpc: '2.0', id: 1 } }),
      "Odoo's answer was not what this version of Odoo sends — the extension stopped without changing anything more.",
    ],
    [
      'JSON that is not JSON-RPC at all',
      odoo({ json: { status: 'ok' } }),
      "Odoo's answer was not what this version of Odoo sends — the extension stopped without changing anything more.",
    ],
    [
      'a wrong type (the new record id as a string)',
      odoo({ json: { jsonrpc: '2.0', id: 1, result: '5' } }),
      "Odoo's answer was not what this version of Odoo sends — the extension stopped without changing anything more.",
    ],
    [
      'a wrong type (the stored Client ID read back as a number)',
      odoo({ json: { jsonrpc: '2.0', id: 1, result: 42 } }, 'get_param'),
      "Odoo's answer was not what this version of Odoo sends — the extension stopped without changing anything more.",
    ],
    ['nothing listening', odoo(undefined), 'Odoo could not be reached — check your connection; it may be down or restarting.'],
  ])('%s', async (_label, route, message) => {
    fetchRoute = route;
    const setupBefore = await fakeBrowser.storage.local.get('setup');
    const reply = (await sendAs(POPUP, 'saveCredentialsToOdoo', {})) as { ok: boolean; error: Msg };
    expect(reply.ok).toBe(false);
    expect(text(reply.error)).toBe(message);
    // Nothing lost: the secret still waits (memory only) for a retry, nothing is marked saved, the setup is intact.
    expect(await fakeBrowser.storage.session.get('credentials')).toMatchObject({ credentials: { clientSecret: SECRET } });
    expect(await odooGmailItem.get()).toMatchObject({ credentials: null, running: null });
    expect(text((await odooGmailItem.get())?.errors.credentials?.error as Msg)).toBe(message);
    expect(await fakeBrowser.storage.local.get('setup')).toEqual(setupBefore);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SECRET);
  });
});

describe('messages to the background', () => {
  beforeEach(() => {
    installPermissions();
    startBackground();
  });
  afterEach(() => removeAllListeners());

  it.each([
    [
      'another extension',
      { ...POPUP, id: 'evil-extension' },
      'saveSetup',
      { odooUrl: 'https://acme.odoo.com', gmail: '', accountType: null },
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'a web page',
      { id: 'test-extension-id', url: 'https://evil.example.com/', tab: { id: 1 }, frameId: 0 },
      'captureCredentials',
      { clientId: ID, clientSecret: SECRET },
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'a Console iframe',
      { ...CONSOLE_TAB, frameId: 3 },
      'captureCredentials',
      { clientId: ID, clientSecret: SECRET },
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'the popup with a malformed payload',
      POPUP,
      'saveSetup',
      { odooUrl: ['x'] },
      'The extension received a malformed "saveSetup" request and ignored it. Reload the extension.',
    ],
    [
      'the Console with extra fields',
      CONSOLE_TAB,
      'captureCredentials',
      { clientId: ID, clientSecret: SECRET, odooOrigin: 'https://evil.example.com' },
      'The extension received a malformed "captureCredentials" request and ignored it. Reload the extension.',
    ],
    [
      'a sender without a URL',
      { id: 'test-extension-id' },
      'probeOdoo',
      {},
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'the popup posing as the Console',
      POPUP,
      'captureCredentials',
      { clientId: ID, clientSecret: SECRET },
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'a Console page over http',
      { ...CONSOLE_TAB, url: 'http://console.cloud.google.com/auth/clients/create' },
      'captureCredentials',
      { clientId: ID, clientSecret: SECRET },
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'a Console content script asking for an Odoo write',
      CONSOLE_TAB,
      'saveCredentialsToOdoo',
      {},
      'This message did not come from the extension itself and was ignored.',
    ],
    [
      'the popup with a 5 000-character secret',
      POPUP,
      'setCredentials',
      { clientId: ID, clientSecret: 'x'.repeat(5000), source: 'paste' },
      'The extension received a malformed "setCredentials" request and ignored it. Reload the extension.',
    ],
    [
      'the popup claiming a Console capture',
      POPUP,
      'setCredentials',
      { clientId: ID, clientSecret: SECRET, source: 'console' },
      'The extension received a malformed "setCredentials" request and ignored it. Reload the extension.',
    ],
    [
      'the popup with no payload at all',
      POPUP,
      'saveSetup',
      null,
      'The extension received a malformed "saveSetup" request and ignored it. Reload the extension.',
    ],
    [
      'the popup with a trigger only the alarm may use',
      POPUP,
      'checkGmail',
      { trigger: 'alarm' },
      'The extension received a malformed "checkGmail" request and ignored it. Reload the extension.',
    ],
    [
      'the Console reporting a malformed project ID',
      CONSOLE_TAB,
      'consoleReport',
      { page: 'dashboard', step: 'project', state: 'done', facts: { projectId: 'Robert"); DROP' } },
      'The extension received a malformed "consoleReport" request and ignored it. Reload the extension.',
    ],
    [
      'the Console with a masked secret',
      CONSOLE_TAB,
      'captureCredentials',
      { clientId: ID, clientSecret: '****_-12' },
      "This is the masked secret (****1234). Google shows the full secret only once; add a new secret on the client's page.",
    ],
  ])('from %s', async (_label, sender, type, data, message) => {
    const before = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    const reply = (await sendAs(sender, type, data)) as { ok: boolean; error: Msg };
    expect(reply.ok).toBe(false);
    expect(text(reply.error)).toBe(message);
    expect(JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)])).toBe(before);
  });
});
