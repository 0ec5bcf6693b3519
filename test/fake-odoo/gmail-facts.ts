/**
 * What google_gmail does differently per Odoo series (docs/evidence/odoo-gmail.md §0 matrix and
 * the sections cited on each line). Keyed on the major version, so `saas~17.4` behaves like 17.0 here.
 */
import type { VersionProfile } from './profiles.ts';

export interface GmailFacts {
  /** §1.2/§1.3: 15.0 marks a Gmail server with the boolean `use_google_gmail_service`; 16.0+ with `smtp_authentication='gmail'`. */
  flag15: boolean;
  /** §1.2: `google_gmail_authorization_code` exists in 15.0–18.0, dropped in 19.0. */
  authCodeField: boolean;
  /** §3: the scope of the consent URL. */
  scope: string;
  /** §6: who may call `open_google_gmail_uri` — group_system in 15–18, `env.is_admin()` in 19. */
  linkCheck: 'group_system' | 'is_admin';
  /** §6: 19.0 refuses an invalid or empty `smtp_user` before building the URL. */
  validEmailCheck: boolean;
  /** §1.6: the ≤18.0 callback raises Forbidden for non-system users first. */
  callbackGroupCheck: boolean;
  /** §1.6: 19.0 renders a QWeb error page; ≤18.0 answers plain text. */
  callbackTemplates: boolean;
  /** §1.6 step 9: `/web#id=…` (15/16/17) or `/odoo/<model>/<id>` (18+) — captures fact 10, step 23. */
  redirect: 'web' | 'odoo';
  /** §6: 19.0's act_url carries `target: 'self'`. */
  actUrlTarget: boolean;
  /** §2: `smtp_encryption` selection. */
  encryption: string[];
  /** §2: `smtp_authentication` selection before google_gmail adds `gmail`. */
  authentication: string[];
  /** captures fact 8, 19.0 step 20: 19.0 lists `outlook` after `gmail`. */
  outlook: boolean;
  /** §1.3: 18.0+ quotes the server name with curly quotes in the password message, 16/17 use Python's %r. */
  curlyQuotes: boolean;
  /** §1.3: early 16.0 (@ c9a8210d) demanded `from_filter == smtp_user`. */
  fromFilterConstraint: boolean;
  /** §1.3: 15.0 and later 16+ demand a Username on Gmail servers. */
  usernameConstraint: boolean;
  /** §1.5: `module_google_gmail` setting exists in 16.0+ (not in early-2022 15.0). */
  moduleGmailSetting: boolean;
  /** §1.3 (19.0 mail): `owner_user_id` on ir.mail_server. */
  ownerUser: boolean;
}

export function gmailFacts(p: VersionProfile): GmailFacts {
  const m = p.major;
  return {
    flag15: m === 15,
    authCodeField: m <= 18,
    scope: m >= 19 ? 'https://mail.google.com/ https://www.googleapis.com/auth/userinfo.email' : 'https://mail.google.com/',
    linkCheck: m >= 19 ? 'is_admin' : 'group_system',
    validEmailCheck: m >= 19,
    callbackGroupCheck: m <= 18,
    callbackTemplates: m >= 19,
    redirect: m >= 18 ? 'odoo' : 'web',
    actUrlTarget: m >= 19,
    encryption: m >= 19 ? ['none', 'starttls_strict', 'starttls', 'ssl_strict', 'ssl'] : ['none', 'starttls', 'ssl'],
    authentication: m >= 17 ? ['login', 'certificate', 'cli'] : ['login', 'certificate'],
    outlook: m >= 19,
    curlyQuotes: m >= 18,
    fromFilterConstraint: m === 16,
    usernameConstraint: m !== 16,
    moduleGmailSetting: m >= 16,
    ownerUser: m >= 19,
  };
}

/** Python's `repr()` of a str, as `%r` renders it in 16.0/17.0 messages. */
export const pyRepr = (s: string): string => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`);
