/**
 * The demo of `npm start` with Google's side included (the default; `--real-google` turns it off): every
 * page of the journey at the address a person's browser uses, with no Google account and no network.
 *
 * - `https://acme.odoo.com`: the fake Odoo (test/fake-odoo/) in proxy mode behind a TLS front, so
 *   `web.base.url` and the redirect URI are an Odoo Online database's.
 * - `https://console.cloud.google.com` (and `console.developers.google.com`): the REPLICA of the Console
 *   the end-to-end tests use (test/fixtures/console/), not Google's.
 * - `https://accounts.google.com`: the fake Odoo's STAND-IN for Google's consent page (test/fake-odoo/
 *   google.ts), signed in as the demo Gmail address; Google's token endpoint, which Odoo's server calls,
 *   is the same stand-in, in-process.
 * - `https://gmail.api.odoo.com`: Odoo's Gmail relay (19.0 Enterprise), the fake's.
 *
 * One local TLS server (127.0.0.1, a free port) answers all of them by their Host, with a throw-away
 * self-signed certificate naming them. Only the Chromium launched with `chromiumArgs` goes there: its
 * `--host-resolver-rules` map those names to that server, and `--ignore-certificate-errors-spki-list`
 * accepts that one certificate (by its public key) and no other. Nothing else on the machine changes —
 * not the system's DNS, not its trust store.
 *
 * Google's servers would know what its Console created; the replica keeps that "server state" in the
 * page's localStorage. So that the consent stand-in knows the client the replica created, the replica
 * (only when `__CONSOLE_CONFIG.demoSink` is set, as here) also posts that state to `DEMO_SINK` on the
 * Console's own origin each time it saves it, and this server registers its clients with the stand-in.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ADMIN, DEMO } from '../test/fake-odoo/db.ts';
import { type FakeOdoo, startFakeOdoo } from '../test/fake-odoo/server.ts';
import { googleSite, odooSite, type Site } from '../test/firefox/site-proxy.ts';
import type { DebianPackage } from './debian-packages.ts';

/** The throw-away certificate is made with openssl (Debian's `openssl`, present on most systems). */
export const OPENSSL: DebianPackage = { name: 'openssl', file: '/usr/bin/openssl' };

export const ODOO_HOST = 'acme.odoo.com';
export const CONSOLE_HOSTS = ['console.cloud.google.com', 'console.developers.google.com'];
export const ACCOUNTS_HOST = 'accounts.google.com';
export const RELAY_HOST = 'gmail.api.odoo.com';
export const DEMO_GMAIL = 'odoo.sender@gmail.com';
/** Where the replica posts its server state (on the Console's origin: same-origin, no CORS). */
export const DEMO_SINK = '/__demo/console-state';

export interface DemoOptions {
  /** Odoo version and edition of the fake Odoo (`npm start -- --version`, `--edition`). */
  version?: string;
  edition?: 'community' | 'enterprise';
  /** Port of the fake Odoo itself on 127.0.0.1 (behind the TLS front); 0: any free port. */
  odooPort?: number;
  /** Port of the TLS server that answers every demo host; 0 (default): any free port. */
  tlsPort?: number;
  /** The Gmail address: the Odoo admin's e-mail, the Console's signed-in account, the one Google's stand-in signs in. */
  gmail?: string;
}

export interface Demo {
  odoo: FakeOdoo;
  /** `https://acme.odoo.com` */
  odooOrigin: string;
  gmail: string;
  /** Every host the TLS server answers. */
  hosts: string[];
  /** Port of that server on 127.0.0.1. */
  tlsPort: number;
  /** The throw-away certificate (PEM): its subjectAltName lists `hosts`. */
  certificate: string;
  /** base64 SHA-256 of the certificate's public key, as `--ignore-certificate-errors-spki-list` takes it. */
  spki: string;
  /** What makes one Chromium (and only it) reach the demo at the real addresses. */
  chromiumArgs: string[];
  stop(): Promise<void>;
}

/** What the stand-in needs of the replica's server state (test/fixtures/console/replica.js, `state`). */
export const ConsoleState = z.object({
  consent: z
    .object({
      audience: z.string(),
      publishing: z.string(),
      testUsers: z.array(z.string()),
    })
    .nullable(),
  clients: z.array(
    z.object({
      id: z.string().min(1),
      secret: z.string().min(1),
      redirectUris: z.array(z.string()),
    }),
  ),
});
export type ConsoleState = z.infer<typeof ConsoleState>;

/** The replica's page, configured for the demo (as test/e2e/console-fixtures.ts `serveConsole` does). */
export function replicaHtml(config: Record<string, unknown>): string {
  const dir = resolve(import.meta.dirname, '../test/fixtures/console');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const js = readFileSync(join(dir, 'replica.js'), 'utf8');
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return html
    .replace('<!--CONFIG-->', () => `<script>window.__CONSOLE_CONFIG = ${json};</script>`)
    .replace('<!--APP-->', () => `<script>${js}</script>`);
}

/** Google learns what its Console created: each client of the replica's state, with the consent screen's audience. */
export function registerConsoleState(odoo: FakeOdoo, state: ConsoleState): void {
  const consent = state.consent;
  for (const client of state.clients) {
    odoo.google.registerClient({
      clientId: client.id,
      clientSecret: client.secret,
      redirectUris: client.redirectUris,
      audience: consent?.audience === 'internal' ? 'internal' : 'external',
      publishing: consent?.publishing === 'production' ? 'production' : 'testing',
      testUsers: (consent?.testUsers ?? []).map((u) => u.toLowerCase()),
    });
  }
}

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The replica Console at every path (one single-page app, `config` as its `__CONSOLE_CONFIG`), and the sink
 * its server state is posted to (Google's side learns the clients its Console created). Also the Firefox
 * journey's Console (test/firefox/journey.test.ts).
 */
export function consoleSite(odoo: FakeOdoo, config: Record<string, unknown>): Site {
  const withSink = { ...config, demoSink: DEMO_SINK };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === DEMO_SINK) {
      if (req.method !== 'POST') return end(res, 405, 'POST only');
      readBody(req)
        .then((body) => {
          const parsed = ConsoleState.safeParse(JSON.parse(body));
          if (!parsed.success) return end(res, 400, 'not the replica state');
          registerConsoleState(odoo, parsed.data);
          res.writeHead(204).end();
        })
        .catch(() => end(res, 400, 'not JSON'));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(replicaHtml(withSink));
  };
}

function relaySite(odoo: FakeOdoo): Site {
  return (req, res) => {
    const answer = odoo.relay.handleBrowser(new URL(req.url ?? '/', `https://${RELAY_HOST}`));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
}

const end = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
};

/** A self-signed certificate for `hosts`, valid one day, in a temporary directory removed at once. */
function throwAwayCertificate(hosts: string[]): { key: string; cert: string; spki: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-demo-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      OPENSSL.file,
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hosts[0] ?? 'localhost'}`].concat([
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
    const keyPem = readFileSync(key, 'utf8');
    const der = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
    return { key: keyPem, cert: readFileSync(cert, 'utf8'), spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const gmail = options.gmail ?? DEMO_GMAIL;
  const odooOrigin = `https://${ODOO_HOST}`;
  const odoo = await startFakeOdoo({
    port: options.odooPort ?? 0,
    version: options.version ?? '17.0',
    edition: options.edition ?? 'community',
    db: 'demo',
    // The admin's e-mail is the Gmail address, so the popup proposes it after Connect to Odoo.
    users: [{ ...ADMIN, email: gmail }, DEMO],
    baseUrl: odooOrigin,
    // Odoo Online runs Odoo with --proxy-mode behind its TLS proxy: an admin's login keeps web.base.url https.
    proxyMode: true,
  });
  odoo.google.signIn(gmail);
  // Google's "Choose an account" page before its consent screen, as a person meets it.
  odoo.google.accountChooser = true;

  const sites: Record<string, Site> = {
    [ODOO_HOST]: odooSite(odoo),
    [ACCOUNTS_HOST]: googleSite(odoo),
    [RELAY_HOST]: relaySite(odoo),
  };
  const replica = consoleSite(odoo, { ui: 'new', accountType: 'personal', email: gmail });
  for (const host of CONSOLE_HOSTS) sites[host] = replica;
  const hosts = Object.keys(sites);

  let tls: Server;
  try {
    const { key, cert, spki } = throwAwayCertificate(hosts);
    tls = createServer({ key, cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:443$/, '');
      const site = sites[host];
      if (site) site(req, res);
      else end(res, 421, `not served by the demo: ${host}`);
    });
    const sockets = new Set<Socket>();
    tls.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      tls.once('error', reject);
      tls.listen(options.tlsPort ?? 0, '127.0.0.1', resolve);
    });
    const tlsPort = (tls.address() as AddressInfo).port;
    const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${tlsPort}`).join(', ');
    return {
      odoo,
      odooOrigin,
      gmail,
      hosts,
      tlsPort,
      certificate: cert,
      spki,
      chromiumArgs: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${spki}`, '--disable-quic'],
      async stop() {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => tls.close(resolve));
        await odoo.stop();
      },
    };
  } catch (error) {
    await odoo.stop();
    throw error;
  }
}
