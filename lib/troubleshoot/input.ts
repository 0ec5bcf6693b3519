/**
 * The facts the troubleshooter works from, before the connect ("Before you connect", ./prevent.ts) and after
 * a sign-in error (./sign-in.ts, which takes a part of them): built once from the scoped snapshot
 * (lib/state/derive.ts). Its own module so that the two share the type without importing each other.
 */

import type { HostFacts } from '../google/suffix-facts';

export interface PreventInput {
  /** The origin the person uses (and the extension talks to). */
  odooOrigin: string;
  /** Odoo's `web.base.url` as read by the probe, if any. */
  webBaseUrl: string | null;
  /** `web.base.url.freeze` is set in Odoo (null: unknown). */
  baseUrlFrozen: boolean | null;
  /** The value `webBaseUrl` replaced when Odoo was seen to change it (an admin login elsewhere), if any. */
  baseUrlWas?: string | null;
  /** `web.base.url` + `/google_gmail/confirm`. */
  redirectUri: string | null;
  /** What the public suffix list says of the hosts known (lib/google/suffix-facts.ts; none yet: no TLD problem). */
  hosts: HostFacts;
  /** Odoo reports a saas~ version (Odoo Online: Odoo runs the proxy). */
  saas?: boolean;
  odooMajor: number | null;
  edition: 'community' | 'enterprise' | null;
  accountType: 'workspace' | 'personal' | null;
  gmail: string | null;
  audience: 'internal' | 'external' | null;
  publishing: 'testing' | 'production' | null;
  /** Redirect URIs known to be registered on the client (empty: unknown). */
  registeredRedirectUris: string[];
  testUsers: string[];
  projectId: string | null;
  clientId: string | null;
  /** When the Gmail account was last connected (refresh token obtained), ms. */
  lastConnectAt: number | null;
  now: number;
}
