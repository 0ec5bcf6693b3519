/**
 * Real HTTPS names, on port 443, with no network: Firefox uses this machine as its HTTPS proxy (the
 * `prefs` below), and every CONNECT for a served host is answered here — TLS with a throw-away
 * self-signed certificate naming all of them (launch Firefox with `acceptInsecureCerts`), then each
 * request answered by the site its Host names (test/support/sites.ts; the replica Console's is
 * test/support/replica.ts `consoleSite`). Any other host is refused, so nothing leaves the machine.
 *
 * Unlike the per-page BiDi interception of `routeConsole` (harness.ts), this also reaches the tabs the
 * extension opens itself (the Console's "New project" page, Google's consent page) and the background's
 * own requests, at exactly the URLs a person's browser uses: `https://acme.odoo.com`,
 * `https://console.cloud.google.com`, `https://accounts.google.com`.
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { byHost, type Site, tlsServer } from '../support/sites.ts';

export interface SiteProxy {
  /** Firefox preferences that send every https:// request through this proxy. */
  prefs: Record<string, unknown>;
  /** The hosts CONNECT asked for, served or refused, in order (for assertions). */
  connects: { host: string; served: boolean }[];
  close(): Promise<void>;
}

export async function startSiteProxy(sites: Record<string, Site>): Promise<SiteProxy> {
  // Not listening itself: it serves the sockets the proxy hands it.
  const tls = tlsServer(byHost(sites, { status: 502, text: 'not served' }), Object.keys(sites));
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
    tls.server.emit('connection', socket);
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
      await tls.close();
    },
  };
}
