/**
 * A real-looking HTTPS Odoo domain in front of the fake Odoo: `https://<host>:<port>` resolves to this
 * machine (Firefox pref `network.dns.localDomains`, Chromium's `--host-resolver-rules`, passed by the
 * caller) and this TLS server, with a throw-away self-signed certificate for that name (launch the browser
 * accepting it), forwards every request to the fake Odoo (test/support/sites.ts `odooSite`). Site-based
 * rules (cookies, authorized domain) then apply to a domain, not to a bare IP.
 */
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { odooSite, tlsServer } from '../support/sites.ts';

export interface TlsFront {
  /** `https://<host>:<port>` */
  origin: string;
  close(): Promise<void>;
}

export async function startTlsFront(odoo: FakeOdoo, host: string): Promise<TlsFront> {
  const front = tlsServer(odooSite(odoo), [host]);
  const port = await front.listen();
  return { origin: `https://${host}:${port}`, close: () => front.close() };
}
