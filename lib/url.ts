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

/**
 * An IP address rather than a name, told apart as tldts (the public-suffix library the rules were first
 * written with, now the tests' oracle) does on a hostname: dot-ended or not, 7–15 digits and exactly three
 * inner dots (IPv4), or hex digits and at least one colon, brackets allowed (IPv6).
 */
export function isIpHost(hostname: string): boolean {
  const host = hostname.replace(/(.)\.+$/, '$1');
  if (host.length < 3) return host === '::';
  const v6 = host.slice(host.startsWith('[') ? 1 : 0, host.endsWith(']') ? -1 : undefined);
  if (v6.length <= 39 && v6.includes(':') && /^[0-9a-f:]*$/i.test(v6)) return true;
  return host.length >= 7 && host.length <= 15 && /^[0-9.]+$/.test(host) && /^[^.](?:[^.]*\.){3}[^.]*[^.]$/.test(host);
}
