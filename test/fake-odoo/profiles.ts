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
}

export function profileFor(label: string): VersionProfile {
  const saas = /^saas~(\d+)\.(\d+)$/.exec(label);
  const plain = /^(\d+)\.(\d+)$/.exec(label);
  const m = saas ?? plain;
  if (!m) throw new Error(`Unknown Odoo version ${label}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const modernUrls = major >= 18 || (major === 17 && minor >= 2);
  return { label, major, minor, saas: !!saas, home: modernUrls ? '/odoo' : '/web', sessionHasBaseUrl: true };
}

export function serverVersion(p: VersionProfile, edition: Edition) {
  const e = edition === 'enterprise' ? 'e' : '';
  return {
    server_version: `${p.label}${e ? '+e' : ''}`,
    server_version_info: [p.saas ? `saas~${p.major}` : p.major, p.minor, 0, 'final', 0, e],
  };
}

/** The google_gmail manifest version per series, as `adapt_version` stores it (§1.1). */
export function gmailModuleVersion(p: VersionProfile): string {
  return p.major === 15 ? '15.0.1.0' : `${p.major}.0.1.2`;
}
