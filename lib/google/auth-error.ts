/**
 * Google's sign-in error pages: `https://accounts.google.com/signin/oauth/error?authError=…` and
 * `…/signin/oauth/error/v2?authError=…` (google-console.md §6.1). `authError` is base64url of a small
 * protobuf — field 1 the error code, field 2 the message — so the code is read from the URL, which is
 * more reliable than scraping the localized page.
 */
import { parseUrl } from '../url';

export const KNOWN_AUTH_ERRORS = [
  'redirect_uri_mismatch',
  'access_denied',
  'admin_policy_enforced',
  'org_internal',
  'invalid_client',
  'deleted_client',
  'disabled_client',
  'unauthorized_client',
  'invalid_request',
  'origin_mismatch',
] as const;
export type AuthErrorCode = (typeof KNOWN_AUTH_ERRORS)[number];

export interface SignInError {
  /** The code as Google wrote it (known or not). */
  code: string;
  known: AuthErrorCode | null;
  message: string | null;
  clientId: string | null;
  /** The redirect URI the request carried, when the message or the URL says it. */
  redirectUri: string | null;
}

function base64UrlToBytes(value: string): Uint8Array | null {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const bin = atob(padded);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The length-delimited string fields of a protobuf message, by field number (others skipped). */
export function protobufStrings(bytes: Uint8Array): Map<number, string> {
  const out = new Map<number, string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let i = 0;
  const varint = (): number | null => {
    let result = 0;
    let shift = 0;
    while (i < bytes.length && shift < 35) {
      const b = bytes[i++] ?? 0;
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
    return null;
  };
  while (i < bytes.length) {
    const tag = varint();
    if (tag === null) break;
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2) {
      const len = varint();
      if (len === null || i + len > bytes.length) break;
      if (!out.has(field)) out.set(field, decoder.decode(bytes.subarray(i, i + len)));
      i += len;
    } else if (wire === 0) {
      if (varint() === null) break;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else break;
  }
  return out;
}

const REDIRECT_IN_TEXT = /redirect_uri=(\S+?)(?=[\s"'<>]|&(?:[A-Za-z_]+=)|$)/;

export function redirectUriInText(text: string): string | null {
  const m = REDIRECT_IN_TEXT.exec(text);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export const isSignInErrorUrl = (url: URL): boolean =>
  url.hostname === 'accounts.google.com' && /^\/signin\/oauth\/error(\/v2)?\/?$/.test(url.pathname);

/** Reads a sign-in error page's URL; `pageText` (optional) adds the "Request details" line. */
export function parseSignInError(href: string, pageText = ''): SignInError | null {
  const url = parseUrl(href);
  if (!url) return null;
  if (!isSignInErrorUrl(url)) return null;
  const raw = url.searchParams.get('authError');
  const fields = raw ? protobufStrings(base64UrlToBytes(raw) ?? new Uint8Array()) : new Map<number, string>();
  // The page's "Error 400: code" line (English) / "Lỗi 400: code" (Vietnamese, UNVERIFIED wording).
  const textCode = /(?:Error|Lỗi) \d{3}: ([a-z_]+)/.exec(pageText)?.[1] ?? null;
  const code = fields.get(1)?.trim() || textCode || 'unknown';
  const message = fields.get(2) ?? null;
  const known = (KNOWN_AUTH_ERRORS as readonly string[]).includes(code) ? (code as AuthErrorCode) : null;
  return {
    code,
    known,
    message,
    clientId: url.searchParams.get('client_id'),
    redirectUri: redirectUriInText(message ?? '') ?? redirectUriInText(pageText),
  };
}

/** base64url(protobuf{1: code, 2: message}) — builds `authError` values for tests and replicas. */
export function encodeAuthError(code: string, message: string): string {
  const enc = new TextEncoder();
  const field = (n: number, s: string) => {
    const body = enc.encode(s);
    const len: number[] = [];
    let v = body.length;
    while (v > 0x7f) {
      len.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    len.push(v);
    return [(n << 3) | 2, ...len, ...body];
  };
  const bytes = Uint8Array.from([...field(1, code), ...field(2, message)]);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
