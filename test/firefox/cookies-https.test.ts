/**
 * The session cookie on a real-looking HTTPS Odoo domain, from Firefox's background page
 * (toolchain.md §11 left this unchecked): `https://acme.odoo.com:<port>` resolves to this machine
 * (pref network.dns.localDomains) and a TLS front with a throw-away self-signed certificate forwards to
 * the fake Odoo. The login form sets `session_id` (HttpOnly, SameSite=Lax) for acme.odoo.com; the
 * extension's probe from the background must carry it — site-based cookie rules (SameSite, Firefox's
 * Total Cookie Protection) apply to a domain here, not to a bare IP as in popup.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, waitForStep } from './harness.ts';

const HOST = 'acme.odoo.com';
let odoo: FakeOdoo;
let front: Server;
let origin: string;
let firefox: FirefoxSession;
let certDir: string;

beforeEach(async () => {
  odoo = await startFakeOdoo();
  certDir = mkdtempSync(join(tmpdir(), 'odoo-tls-'));
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  const subject = ['-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`];
  const x509 = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', ...subject, '-keyout', key, '-out', cert];
  execFileSync('openssl', x509, { stdio: 'ignore' });
  const target = new URL(odoo.origin);
  front = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  origin = `https://${HOST}:${(front.address() as AddressInfo).port}`;
  firefox = await launchFirefox({ prefs: { 'network.dns.localDomains': HOST }, acceptInsecureCerts: true });
});
afterEach(async () => {
  await firefox.close();
  await new Promise((resolve) => front.close(resolve));
  await odoo.stop();
  rmSync(certDir, { recursive: true, force: true });
});

it('Firefox background fetches to https://acme.odoo.com carry the HttpOnly SameSite=Lax session cookie', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto(`${origin}/web/login`);
  await tab.type('#login', 'admin');
  await tab.type('#password', 'admin');
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  expect(new URL(tab.url()).host).toBe(new URL(origin).host);

  const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
  await popup.type(await fieldByLabel(popup, 'Odoo URL'), origin);
  await clickButton(popup, 'Connect to Odoo');
  expect(await waitForStep(popup, 'odoo', 'done')).toBe('Logged in to db acme as an administrator (Odoo 17.0 Community)');

  const granted = await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll());
  expect(granted.origins).toContain(`https://${HOST}/*`);
  const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
  expect(rpc.map((r) => r.rpcMethod ?? r.path)).toEqual(['/web/session/get_session_info', 'read', 'search_read']);
  expect(rpc.every((r) => r.authenticated)).toBe(true);
  // The requests came from the extension (its moz-extension:// origin), not from the Odoo tab.
  expect(rpc.every((r) => r.origin === undefined || r.origin.startsWith('moz-extension://'))).toBe(true);
});
