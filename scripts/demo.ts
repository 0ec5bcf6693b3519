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
 * Console's own origin each time it saves it, and this server registers its clients with the stand-in
 * (test/support/replica.ts `consoleSite`, the same site the Firefox journey serves; the sites and the TLS
 * server are test/support/sites.ts).
 */
import { ADMIN, DEMO } from '../test/fake-odoo/db.ts';
import { type FakeOdoo, startFakeOdoo } from '../test/fake-odoo/server.ts';
import { CONSOLE_HOSTS, consoleSite } from '../test/support/replica.ts';
import { byHost, googleSite, odooSite, relaySite, type Site, tlsServer } from '../test/support/sites.ts';
import type { DebianPackage } from './debian-packages.ts';

/** The throw-away certificate is made with openssl (Debian's `openssl`, present on most systems). */
export const OPENSSL: DebianPackage = { name: 'openssl', file: '/usr/bin/openssl' };

export const ODOO_HOST = 'acme.odoo.com';
export const ACCOUNTS_HOST = 'accounts.google.com';
export const RELAY_HOST = 'gmail.api.odoo.com';
export const DEMO_GMAIL = 'odoo.sender@gmail.com';

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
    [RELAY_HOST]: relaySite(odoo, RELAY_HOST),
  };
  const replica = consoleSite(odoo, { ui: 'new', accountType: 'personal', email: gmail });
  for (const host of CONSOLE_HOSTS) sites[host] = replica;
  const hosts = Object.keys(sites);

  try {
    const tls = tlsServer(byHost(sites, { status: 421, text: 'not served by the demo' }), hosts, OPENSSL.file);
    const tlsPort = await tls.listen(options.tlsPort ?? 0);
    const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${tlsPort}`).join(', ');
    return {
      odoo,
      odooOrigin,
      gmail,
      hosts,
      tlsPort,
      certificate: tls.certificate,
      spki: tls.spki,
      chromiumArgs: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${tls.spki}`, '--disable-quic'],
      async stop() {
        await tls.close();
        await odoo.stop();
      },
    };
  } catch (error) {
    await odoo.stop();
    throw error;
  }
}
