/**
 * The sites a browser reaches at their real HTTPS names on this machine, shared by `npm start`'s demo
 * (scripts/demo.ts), the Firefox journey's HTTPS proxy (test/firefox/site-proxy.ts) and the TLS front of a
 * real-looking Odoo domain (test/firefox/tls-front.ts, also the Chromium journey's): a `Site` answers one
 * host, `byHost` picks the site a request's Host names, and `tlsServer` serves them with a throw-away
 * self-signed certificate naming every host. The replica Console's site is test/support/replica.ts
 * `consoleSite`. Nothing here touches the machine's DNS or trust store: each browser is pointed at it by
 * its own flags or preferences.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { type AddressInfo, isIP, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeOdoo } from '../fake-odoo/server.ts';

export type Site = (req: IncomingMessage, res: ServerResponse) => void;

/** A plain-text answer (an error of the server itself, never a page of a site). */
export function endText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** A site that forwards every request to the fake Odoo (cookies, redirects and all). */
export function odooSite(odoo: FakeOdoo): Site {
  const target = new URL(odoo.origin);
  return (req, res) => {
    // The proxy of an Odoo Online / odoo.sh database: it tells Odoo (run with proxy_mode) the scheme and
    // host the browser used, so an admin login writes the https address to web.base.url (captures fact 6).
    const headers = { ...req.headers, 'x-forwarded-proto': 'https', 'x-forwarded-host': req.headers.host ?? '' };
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    req.pipe(upstream);
  };
}

/** Google's browser pages of the fake Odoo's Google stand-in (consent, approve, error pages). */
export function googleSite(odoo: FakeOdoo): Site {
  return (req, res) => {
    const answer = odoo.google.handleBrowser(new URL(req.url ?? '/', 'https://accounts.google.com'));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
}

/** Odoo's Gmail relay (19.0 Enterprise), the fake Odoo's, at `https://<host>`. */
export function relaySite(odoo: FakeOdoo, host: string): Site {
  return (req, res) => {
    const answer = odoo.relay.handleBrowser(new URL(req.url ?? '/', `https://${host}`));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
}

/** The site the request's Host names (port 443 implied); any other host gets `refused` (status, then text). */
export function byHost(sites: Record<string, Site>, refused: { status: number; text: string }): Site {
  return (req, res) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const site = sites[host];
    if (site) site(req, res);
    else endText(res, refused.status, `${refused.text}: ${host}`);
  };
}

/** A self-signed certificate for `hosts` (names or IP addresses), valid one day, made in a temporary directory removed at once. */
export function throwAwayCertificate(hosts: string[], openssl = 'openssl'): { key: string; cert: string; spki: string } {
  const dir = mkdtempSync(join(tmpdir(), 'throw-away-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = hosts.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
    const subject = ['-subj', `/CN=${hosts[0] ?? 'localhost'}`, '-addext', `subjectAltName=${san}`];
    const x509 = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', ...subject, '-keyout', key, '-out', cert];
    execFileSync(openssl, x509, { stdio: 'ignore' });
    const keyPem = readFileSync(key, 'utf8');
    const der = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
    return { key: keyPem, cert: readFileSync(cert, 'utf8'), spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TlsServer {
  server: Server;
  /** The throw-away certificate (PEM): its subjectAltName lists the hosts. */
  certificate: string;
  /** base64 SHA-256 of the certificate's public key, as Chromium's `--ignore-certificate-errors-spki-list` takes it. */
  spki: string;
  /** Listens on 127.0.0.1 (`port` 0: any free port) and says which port. */
  listen(port?: number): Promise<number>;
  /** Drops every open connection (keep-alive included) and closes. */
  close(): Promise<void>;
}

/** An HTTPS server for `hosts` answering with `site`; connections handed to it by a proxy (`'connection'`) count too. */
export function tlsServer(site: Site, hosts: string[], openssl = 'openssl'): TlsServer {
  const { key, cert, spki } = throwAwayCertificate(hosts, openssl);
  const server = createServer({ key, cert }, site);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    certificate: cert,
    spki,
    async listen(port = 0) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      return (server.address() as AddressInfo).port;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
