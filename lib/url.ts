/** `new URL(value)`, or null where it throws — one helper instead of a try/catch in every reader. */
export function parseUrl(value: string | URL): URL | null {
  try {
    return new URL(String(value));
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A host on this machine: Odoo there is reached over plain http, and Google takes its redirect URI as is. */
export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname);
