/**
 * Real HTTPS names, on port 443, with no network: Firefox uses this machine as its HTTPS proxy (the
 * `prefs` below), and every CONNECT for a served host is answered here — TLS with a throw-away
 * self-signed certificate naming all of them (launch Firefox with `acceptInsecureCerts`), then each
 * request answered by the site its Host names. Any other host is refused, so nothing leaves the machine.
 *
 * Unlike the per-page BiDi interception of `routeConsole` (harness.ts), this also reaches the tabs the
 * extension opens itself (the Console's "New project" page, Google's consent page) and the background's
 * own requests, at exactly the URLs a person's browser uses: `https://acme.odoo.com`,
 * `https://console.cloud.google.com`, `https://accounts.google.com`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeOdoo } from '../fake-odoo/server.ts';

export type Site = (req: IncomingMessage, res: ServerResponse) => void;

export interface SiteProxy {
  /** Firefox preferences that send every https:// request through this proxy. */
  prefs: Record<string, unknown>;
  /** The hosts CONNECT asked for, served or refused, in order (for assertions). */
  connects: { host: string; served: boolean }[];
  close(): Promise<void>;
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

/** The same HTML for every path (the replica Console is one single-page app). */
export function htmlSite(html: string): Site {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
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

export async function startSiteProxy(sites: Record<string, Site>): Promise<SiteProxy> {
  const hosts = Object.keys(sites);
  const dir = mkdtempSync(join(tmpdir(), 'site-proxy-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
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
  const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const site = sites[host];
    if (site) site(req, res);
    else {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`not served: ${host}`);
    }
  });
  const connects: SiteProxy['connects'] = [];
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => {
    // Plain-HTTP proxying is not offered: only https:// goes through this proxy (see prefs).
    res.writeHead(405);
    res.end();
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const served = port === '443' && host in sites;
    connects.push({ host, served });
    if (!served) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // The https server does the TLS handshake on the tunnelled socket and serves it like any connection.
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
    },
    connects,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => tls.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
