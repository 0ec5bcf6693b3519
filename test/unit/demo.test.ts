/**
 * `npm start`'s demo of the Google side (scripts/demo.ts), without a browser: the same `startDemo()`,
 * reached the way the launched Chromium reaches it — a TLS connection to the one local server with the
 * real host name as SNI and Host (what `--host-resolver-rules` does), the certificate checked against
 * the demo's throw-away one for that name (what `--ignore-certificate-errors-spki-list` accepts).
 * Proves: the replica Console, Google's consent stand-in and the Odoo Online-like Odoo answer at their
 * real addresses; a client the replica created becomes known to the stand-in (the replica's own code
 * posts its state, run here in happy-dom); Allow leads back to Odoo with a code Odoo's server can
 * exchange.
 */
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from '../../scripts/demo.ts';
import { CONSOLE_HOSTS, DEMO_SINK, replicaHtml } from '../support/replica.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as the demo's Chromium makes it: to 127.0.0.1:<port>, SNI and Host the real name, certificate checked. */
function fetchAt(demo: Demo, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const u = new URL(url);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: demo.tlsPort,
        servername: u.hostname,
        ca: demo.certificate,
        agent: false,
        method: init.method ?? 'GET',
        path: `${u.pathname}${u.search}`,
        headers: { host: u.host, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** happy-dom runs the replica's inline scripts (our own fixture, not untrusted code); no file is loaded. */
const SETTINGS = {
  enableJavaScriptEvaluation: true,
  suppressInsecureJavaScriptEnvironmentWarning: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
};
const GMAIL = 'demo.sender@gmail.com';
const ODOO = 'https://acme.odoo.com';
const REDIRECT_URI = `${ODOO}/google_gmail/confirm`;
const consentUrl = (clientId: string) =>
  `https://accounts.google.com/o/oauth2/v2/auth?${new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'https://mail.google.com/',
    access_type: 'offline',
    prompt: 'consent',
    state: '{"d": "demo"}',
  })}`;

/** What the replica keeps as Google's server state after the journey's Console pages. */
const replicaState = (clientId: string, secret: string) => ({
  projects: [{ id: 'odoo-123456', name: 'Odoo', number: '123456789012' }],
  consent: {
    appName: 'Odoo',
    supportEmail: GMAIL,
    audience: 'external',
    contactEmails: [GMAIL],
    domains: ['odoo.com'],
    testUsers: [GMAIL],
    publishing: 'testing',
  },
  clients: [
    { id: clientId, secret, name: 'Odoo', type: 'Web application', redirectUris: [REDIRECT_URI], origins: [], secrets: [] },
  ],
});

describe('npm start --demo-google (scripts/demo.ts)', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ gmail: GMAIL });
  }, 30_000);
  afterAll(() => demo?.stop());

  it('maps every demo host to one local TLS server, for Chromium only, trusting only its throw-away certificate', async () => {
    expect(demo.hosts.sort()).toEqual(
      [
        'acme.odoo.com',
        'accounts.google.com',
        'console.cloud.google.com',
        'console.developers.google.com',
        'gmail.api.odoo.com',
      ].sort(),
    );
    const rules = demo.chromiumArgs
      .find((a) => a.startsWith('--host-resolver-rules='))
      ?.split('=')[1]
      ?.split(', ');
    expect(rules?.sort()).toEqual(demo.hosts.map((h) => `MAP ${h} 127.0.0.1:${demo.tlsPort}`).sort());
    // Not the blanket --ignore-certificate-errors: only this certificate's key is accepted.
    expect(demo.chromiumArgs).not.toContain('--ignore-certificate-errors');
    const cert = new X509Certificate(demo.certificate);
    const spki = createHash('sha256')
      .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    expect(demo.chromiumArgs).toContain(`--ignore-certificate-errors-spki-list=${spki}`);
    for (const host of demo.hosts) expect(cert.checkHost(host), host).toBe(host);
    expect(cert.checkHost('www.google.com')).toBeUndefined();
    // A name the demo does not serve gets no page.
    const other = await fetchAt(demo, 'https://accounts.google.com/', { headers: { host: 'mail.google.com' } });
    expect(other.status).toBe(421);
  });

  it('serves the replica Console at https://console.cloud.google.com, configured for the demo', async () => {
    for (const host of CONSOLE_HOSTS) {
      const page = await fetchAt(demo, `https://${host}/projectcreate`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('<title>Google Cloud console (replica)</title>');
      expect(page.body).toContain(
        `window.__CONSOLE_CONFIG = ${JSON.stringify({ ui: 'new', accountType: 'personal', email: GMAIL, demoSink: DEMO_SINK })}`,
      );
      expect(page.body).toContain('if (CFG.demoSink) fetch(CFG.demoSink');
    }
    const deep = await fetchAt(demo, 'https://console.cloud.google.com/auth/clients/create?project=odoo-123456');
    expect(deep.body).toContain('Google Cloud console (replica)');
  });

  it('serves the fake Odoo at https://acme.odoo.com in proxy mode: an admin login keeps web.base.url https', async () => {
    const login = await fetchAt(demo, `${ODOO}/web/login`);
    expect(login.status).toBe(200);
    expect(login.body).toContain('<title>Login | Odoo</title>');
    const auth = await fetchAt(demo, `${ODOO}/web/session/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: 'demo', login: 'admin', password: 'admin' } }),
    });
    expect(JSON.parse(auth.body)).toMatchObject({ result: { db: 'demo' } });
    expect(String(auth.headers['set-cookie'])).toContain('session_id=');
    expect(demo.odoo.db.params.get('web.base.url')).toBe(ODOO);
    // The popup proposes the Gmail address from the admin's e-mail.
    expect([...demo.odoo.db.users.values()].find((u) => u.login === 'admin')?.email).toBe(GMAIL);
  });

  it("the client the replica created becomes known to Google's stand-in; Allow returns to Odoo with a code Odoo can exchange", async () => {
    const clientId = '123456789012-demo0000000000000000000000000000.apps.googleusercontent.com';
    const secret = 'GOCSPX-demo_secret_0000000000000000';
    // Before: Google does not know the client.
    const unknown = await fetchAt(demo, consentUrl(clientId));
    expect(unknown.status).toBe(401);
    expect(unknown.body).toContain('invalid_client');

    // The replica's own code, loaded as the demo serves it, posts its state when it saves it.
    const window = new Window({
      url: 'https://console.cloud.google.com/auth/clients?project=odoo-123456',
      settings: SETTINGS,
    });
    const posts: { url: string; method: string; body: string }[] = [];
    window.localStorage.setItem('console-replica-state', JSON.stringify(replicaState(clientId, secret)));
    (window as unknown as { fetch: (url: string, init: { method: string; body: string }) => Promise<unknown> }).fetch = (
      url,
      init,
    ) => {
      posts.push({ url, method: init.method, body: init.body });
      return Promise.resolve({ ok: true });
    };
    const page = await fetchAt(demo, 'https://console.cloud.google.com/auth/clients?project=odoo-123456');
    window.document.write(page.body);
    await window.happyDOM.waitUntilComplete();
    await window.happyDOM.close();
    expect(posts.length).toBeGreaterThan(0);
    const post = posts[0];
    if (!post) throw new Error('the replica posted nothing');
    expect(post).toMatchObject({ url: DEMO_SINK, method: 'POST' });
    expect(JSON.parse(post.body).clients[0]).toMatchObject({ id: clientId, secret, redirectUris: [REDIRECT_URI] });

    // … to the demo's sink on the Console's origin, which registers it with the stand-in.
    const sunk = await fetchAt(demo, `https://console.cloud.google.com${post.url}`, { method: 'POST', body: post.body });
    expect(sunk.status).toBe(204);
    expect(demo.odoo.google.clients.get(clientId)).toEqual({
      clientId,
      clientSecret: secret,
      redirectUris: [REDIRECT_URI],
      audience: 'external',
      publishing: 'testing',
      testUsers: [GMAIL],
    });

    // The consent stand-in: the demo Gmail address signed in, Allow → Odoo's redirect URI with a code.
    // "Choose an account" first (the demo shows it, as Google does), then the consent screen.
    const chooser = await fetchAt(demo, consentUrl(clientId));
    expect(chooser.body).toContain('Choose an account');
    expect(chooser.body).toContain(`name="chosen" value="${GMAIL}"`);
    const consent = await fetchAt(demo, `${consentUrl(clientId)}&chosen=${encodeURIComponent(GMAIL)}`);
    expect(consent.status).toBe(200);
    expect(consent.body).toContain('Odoo wants access to your Google Account');
    expect(consent.body).toContain(GMAIL);
    const id = /name="id" value="([0-9a-f]+)"/.exec(consent.body)?.[1] ?? '';
    const approve = await fetchAt(demo, `https://accounts.google.com/o/oauth2/approve?id=${id}&offline=1&consent=allow`);
    expect(approve.status).toBe(302);
    const back = new URL(String(approve.headers.location));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    const code = back.searchParams.get('code') ?? '';
    // Odoo's server exchanges it at Google's token endpoint: the same stand-in, in-process.
    const token = demo.odoo.google.token({
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      client_secret: secret,
      redirect_uri: REDIRECT_URI,
    });
    expect(token.status).toBe(200);
    expect(token.json.refresh_token).toMatch(/^1\/\/0g/);

    // "Add secret" on the replica: the new secret replaces the old one at Google too.
    const renewed = replicaState(clientId, 'GOCSPX-demo_secret_1111111111111111');
    await fetchAt(demo, `https://console.cloud.google.com${DEMO_SINK}`, { method: 'POST', body: JSON.stringify(renewed) });
    expect(demo.odoo.google.clients.get(clientId)?.clientSecret).toBe('GOCSPX-demo_secret_1111111111111111');
  });

  it('the sink takes only the replica state, by POST', async () => {
    expect((await fetchAt(demo, `https://console.cloud.google.com${DEMO_SINK}`)).status).toBe(405);
    const bad = await fetchAt(demo, `https://console.cloud.google.com${DEMO_SINK}`, { method: 'POST', body: '{"clients": 1}' });
    expect(bad.status).toBe(400);
    const notJson = await fetchAt(demo, `https://console.cloud.google.com${DEMO_SINK}`, { method: 'POST', body: 'x' });
    expect(notJson.status).toBe(400);
  });

  it('without demoSink the replica posts nothing (every test and variant as before)', async () => {
    const window = new Window({
      url: 'https://console.cloud.google.com/projectcreate',
      settings: SETTINGS,
    });
    let posted = 0;
    (window as unknown as { fetch: () => Promise<unknown> }).fetch = () => {
      posted++;
      return Promise.resolve({ ok: true });
    };
    window.document.write(replicaHtml({ ui: 'new' }));
    await window.happyDOM.waitUntilComplete();
    expect(window.document.title).toBe('Google Cloud console (replica)');
    expect(window.localStorage.getItem('console-replica-state')).not.toBeNull();
    await window.happyDOM.close();
    expect(posted).toBe(0);
  });

  it('runs under Node type stripping, as npm start loads it (no parameter properties, enums …)', () => {
    const node = resolve('node_modules/.bin/node');
    const code = "const m = await import('./scripts/demo.ts'); console.log(typeof m.startDemo);";
    const r = spawnSync(node, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX|SyntaxError/);
    expect(r.stdout.trim()).toBe('function');
  }, 60_000);
});
