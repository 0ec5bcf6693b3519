/**
 * A real-looking HTTPS Odoo domain in front of the fake Odoo: `https://<host>:<port>` resolves to this
 * machine (Firefox pref `network.dns.localDomains`, passed by the caller) and this TLS server, with a
 * throw-away self-signed certificate for that name (launch Firefox with `acceptInsecureCerts`), forwards
 * every request to the fake Odoo. Site-based rules (cookies, authorized domain) then apply to a domain,
 * not to a bare IP.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { odooSite } from './site-proxy.ts';

export interface TlsFront {
  /** `https://<host>:<port>` */
  origin: string;
  close(): Promise<void>;
}

export async function startTlsFront(odoo: FakeOdoo, host: string): Promise<TlsFront> {
  const certDir = mkdtempSync(join(tmpdir(), 'odoo-tls-'));
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  const subject = ['-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`];
  const x509 = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', ...subject, '-keyout', key, '-out', cert];
  execFileSync('openssl', x509, { stdio: 'ignore' });
  const front = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, odooSite(odoo));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://${host}:${(front.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => front.close(resolve));
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
