/**
 * What differs between Odoo versions, as far as the extension can see (odoo-gmail.md §0 matrix).
 */
export type Edition = 'community' | 'enterprise';

export interface VersionProfile {
  /** `15.0` … `19.0`, or an Odoo Online series like `saas~17.4`. */
  label: string;
  major: number;
  minor: number;
  saas: boolean;
  /** After login, Odoo ≤17.0 lands on `/web`, 17.2+ and 18+ on `/odoo` (§1.6 redirect column). */
  home: '/web' | '/odoo';
  /** `web.base.url` in session_info (all versions seen; a profile may drop it to test the fallback). */
  sessionHasBaseUrl: boolean;
  /**
   * `server_version` as the server reports it, without the Enterprise `+e`. A packaged nightly carries its
   * build date: the recorded 16.0 says `"16.0-20240216"` while `server_version_info` stays
   * `[16, 0, 0, 'final', 0, '']` (captures fact 5, 16.0 steps 01/05).
   */
  serverVersion: string;
}

/** `server_version` of the recorded Community servers, where it is not the bare series (captures fact 5). */
const RECORDED_SERVER_VERSION: Record<string, string> = { '16.0': '16.0-20240216' };

/**
 * The profile of a series. `serverVersion` overrides what `server_version` says (another nightly, a
 * plain `16.0`); by default it is what the recordings show for that series, the bare label otherwise.
 */
export function profileFor(label: string, serverVersion?: string, edition: Edition = 'community'): VersionProfile {
  const saas = /^saas~(\d+)\.(\d+)$/.exec(label);
  const plain = /^(\d+)\.(\d+)$/.exec(label);
  const m = saas ?? plain;
  if (!m) throw new Error(`Unknown Odoo version ${label}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const modernUrls = major >= 18 || (major === 17 && minor >= 2);
  const recorded = edition === 'community' ? RECORDED_SERVER_VERSION[label] : undefined;
  return {
    label,
    major,
    minor,
    saas: !!saas,
    home: modernUrls ? '/odoo' : '/web',
    sessionHasBaseUrl: true,
    serverVersion: serverVersion ?? recorded ?? label,
  };
}

export function serverVersion(p: VersionProfile, edition: Edition) {
  const e = edition === 'enterprise' ? 'e' : '';
  return {
    server_version: `${p.serverVersion}${e ? '+e' : ''}`,
    server_version_info: [p.saas ? `saas~${p.major}` : p.major, p.minor, 0, 'final', 0, e],
  };
}

/** `/web/webclient/version_info` (captures step 01): the version, its series and the RPC protocol. */
export function versionInfo(p: VersionProfile, edition: Edition) {
  return { ...serverVersion(p, edition), server_serie: p.label, protocol_version: 1 };
}

/** The google_gmail manifest version per series, as `adapt_version` stores it (§1.1). */
export function gmailModuleVersion(p: VersionProfile): string {
  return p.major === 15 ? '15.0.1.0' : `${p.major}.0.1.2`;
}
