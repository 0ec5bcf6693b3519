/**
 * Odoo's version, from `server_version_info` (odoo-gmail.md §8.1): `[17, 0, 0, 'final', 0, '']` for
 * 17.0 Community, `['saas~17', 4, 0, 'final', 0, 'e']` for Odoo Online 17.4. The last element is 'e'
 * on Enterprise builds (google_gmail_mixin.py uses `release.version_info[-1] == 'e'`).
 */
import type * as z from 'zod/mini';
import type { ServerVersionInfo } from './schemas';

export interface OdooVersion {
  /** What a person reads: `17.0`, `saas~17.4`. */
  label: string;
  major: number;
  minor: number;
  saas: boolean;
  edition: 'community' | 'enterprise';
}

export const OLDEST_SUPPORTED = 15;
export const NEWEST_KNOWN = 19;

export function parseOdooVersion(info: z.infer<typeof ServerVersionInfo>, serverVersion = ''): OdooVersion | null {
  const [first, second] = info;
  const last = info.at(-1);
  let major: number;
  let saas = false;
  if (typeof first === 'number') major = first;
  else {
    const m = /^saas~(\d+)$/.exec(first ?? '');
    if (!m?.[1]) return null;
    major = Number(m[1]);
    saas = true;
  }
  const minor = typeof second === 'number' ? second : 0;
  if (!Number.isInteger(major) || major < 1) return null;
  const enterprise = last === 'e' || /\+e\b/.test(serverVersion);
  return {
    label: saas ? `saas~${major}.${minor}` : `${major}.${minor}`,
    major,
    minor,
    saas,
    edition: enterprise ? 'enterprise' : 'community',
  };
}

export type VersionSupport = 'supported' | 'tooOld' | 'newer';
export function versionSupport(v: OdooVersion): VersionSupport {
  if (v.major < OLDEST_SUPPORTED) return 'tooOld';
  if (v.major > NEWEST_KNOWN) return 'newer';
  return 'supported';
}
