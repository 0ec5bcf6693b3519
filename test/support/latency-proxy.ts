/**
 * A far Odoo on this machine: the fake Odoo behind its TLS front (test/support/sites.ts `odooSite`, as Odoo
 * Online runs Odoo: proxy mode, the forwarded scheme and host), and in front of that a TCP hop that holds every
 * byte for half the round-trip time in each direction — what a long network path does, the way `tc netem`
 * would, without touching the machine.
 *
 *   browser / Node ──TCP──▶ delay hop (+RTT/2 each way) ──TCP──▶ TLS front (throw-away certificate) ──HTTP──▶ fake Odoo
 *
 * So one request and its answer cost one round trip (RTT) more than here; a new connection costs one more
 * before its first byte arrives (TCP's handshake), and TLS's handshake, which passes through the hop like any
 * other bytes, one more again. The hop sees only encrypted bytes: the session cookie, the headers and the
 * certificate are the TLS front's, untouched. Nothing is delayed on the way from the TLS front to the fake
 * Odoo (both on this machine, as Odoo's proxy and workers are in one data centre).
 *
 * Node-loadable; imports only types from the extension (Playwright loads it: journey.spec.ts with
 * ODOO_RTT_MS, and the benchmark's round-trips test).
 */
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { odooSite, tlsServer } from './sites.ts';

export interface LatencyProxy {
  /** `https://<host>:<port>`: the delay hop's port, the TLS front's name. */
  origin: string;
  /** The delay hop's port on 127.0.0.1 (a browser maps the host name to it). */
  port: number;
  /** The TLS front's throw-away certificate (PEM), for a client that must trust it. */
  certificate: string;
  /** base64 SHA-256 of the certificate's public key (Chromium's `--ignore-certificate-errors-spki-list`). */
  spki: string;
  /** Connections opened through the hop so far (each paid TCP's and TLS's handshakes). */
  connections(): number;
  close(): Promise<void>;
}

/** One direction of a connection: each chunk goes on `oneWayMs` after it came, not before `notBefore`, in order. */
function delayed(from: Socket, to: Socket, oneWayMs: number, notBefore: number): void {
  const queue: { at: number; chunk: Buffer | null }[] = [];
  let scheduled = false;
  const schedule = () => {
    const next = queue[0];
    if (scheduled || !next) return;
    scheduled = true;
    setTimeout(drain, Math.max(0, next.at - performance.now()));
  };
  const drain = () => {
    scheduled = false;
    const now = performance.now();
    for (let next = queue[0]; next && next.at <= now; next = queue[0]) {
      queue.shift();
      if (to.destroyed) return;
      if (next.chunk) to.write(next.chunk);
      else to.end();
    }
    schedule();
  };
  const push = (chunk: Buffer | null) => {
    queue.push({ at: Math.max(performance.now(), notBefore) + oneWayMs, chunk });
    schedule();
  };
  from.on('data', (chunk: Buffer) => push(chunk));
  from.on('end', () => push(null));
}

/**
 * Starts the TLS front for `host` (its certificate names it; an IP address works too) and the delay hop in
 * front of it. `rttMs`: the round-trip time added.
 */
export async function startLatencyProxy(odoo: FakeOdoo, options: { host: string; rttMs: number }): Promise<LatencyProxy> {
  const front = tlsServer(odooSite(odoo), [options.host]);
  const frontPort = await front.listen();
  const half = options.rttMs / 2;
  const sockets = new Set<Socket>();
  let opened = 0;
  // Half-open allowed: an end is passed on in its turn, after the bytes before it.
  const hop = createServer({ allowHalfOpen: true }, (client) => {
    opened++;
    // The client's first byte leaves once TCP's handshake (one round trip) is done.
    const handshakeDone = performance.now() + options.rttMs;
    const upstream = connect({ port: frontPort, host: '127.0.0.1', allowHalfOpen: true });
    const pair: [Socket, Socket][] = [
      [client, upstream],
      [upstream, client],
    ];
    for (const [s, other] of pair) {
      sockets.add(s);
      s.on('error', () => other.destroy());
      s.on('close', (hadError) => {
        sockets.delete(s);
        if (hadError) other.destroy();
      });
    }
    delayed(client, upstream, half, handshakeDone);
    delayed(upstream, client, half, 0);
  });
  await new Promise<void>((resolve, reject) => {
    hop.once('error', reject);
    hop.listen(0, '127.0.0.1', resolve);
  });
  const port = (hop.address() as AddressInfo).port;
  return {
    origin: `https://${options.host}:${port}`,
    port,
    certificate: front.certificate,
    spki: front.spki,
    connections: () => opened,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hop.close(resolve));
      await front.close();
    },
  };
}
