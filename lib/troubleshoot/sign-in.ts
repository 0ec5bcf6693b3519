/**
 * What went wrong at Google's sign-in, and the exact fix — from the error code Google put in the URL
 * (lib/google/auth-error.ts) and what the extension knows (Odoo's redirect URI, the registered ones,
 * the account type, the test users). Sources: the seed guide's FAQ, google-console.md §6.2–6.4,
 * field-notes.md P1–P10.
 */
import type { SignInError } from '../google/auth-error';
import { consoleLink } from '../google/console-urls';
import { redirectUriRefusal } from '../google/redirect-uri';
import { diagnoseMismatch, type UriDifference } from '../google/uri-compare';
import { type Msg, msg } from '../i18n';
import type { StepId } from '../setup/steps';
import type { PreventInput } from './input';

export interface Diagnosis {
  /** Stable id, e.g. `redirect_uri_mismatch`; the key of its texts under `diag.<id>`. */
  id: string;
  /** The checklist step that turns "needs attention" with this fix. */
  step: StepId;
  title: Msg;
  cause: Msg;
  fix: Msg;
  /** Where the fix is done. */
  link?: string;
  /** A value to copy for the fix (a redirect URI, an address). */
  value?: string;
  /** Details, e.g. each difference between two URIs. */
  details?: Msg[];
}

/**
 * What a sign-in error is diagnosed with: the same facts "Before you connect" checks (`PreventInput`,
 * both derived from one snapshot in lib/state/derive.ts), with the redirect URI Odoo computes now.
 */
export type TroubleshootContext = Pick<
  PreventInput,
  'registeredRedirectUris' | 'gmail' | 'accountType' | 'projectId' | 'clientId' | 'testUsers' | 'saas' | 'hosts'
> & {
  /** `web.base.url` + `/google_gmail/confirm`, as Odoo computes it now. */
  expectedRedirectUri: string | null;
  /** The Odoo address the person uses: the https address to propose when Odoo sends an http one. */
  odooOrigin?: string | null;
};

const DIFF_KEYS: Record<UriDifference, Parameters<typeof msg>[0]> = {
  scheme: 'diag.uriDiff.scheme',
  www: 'diag.uriDiff.www',
  host: 'diag.uriDiff.host',
  hostCase: 'diag.uriDiff.hostCase',
  idn: 'diag.uriDiff.idn',
  port: 'diag.uriDiff.port',
  defaultPort: 'diag.uriDiff.defaultPort',
  path: 'diag.uriDiff.path',
  trailingSlash: 'diag.uriDiff.trailingSlash',
  pathCase: 'diag.uriDiff.pathCase',
  query: 'diag.uriDiff.query',
  fragment: 'diag.uriDiff.fragment',
  whitespace: 'diag.uriDiff.whitespace',
};

export function uriDifferenceMsgs(diffs: UriDifference[], a: string, b: string): Msg[] {
  return diffs.map((d) => msg(DIFF_KEYS[d], { sent: a, registered: b }));
}

function clientPage(ctx: TroubleshootContext): string {
  return ctx.clientId ? consoleLink(`/auth/clients/${ctx.clientId}`, ctx.projectId) : consoleLink('/auth/clients', ctx.projectId);
}

export function diagnoseSignInError(error: SignInError, ctx: TroubleshootContext): Diagnosis {
  const base = (id: string, step: StepId, extra: Partial<Diagnosis> = {}): Diagnosis => ({
    id,
    step,
    title: msg('diag.title', { code: error.code }),
    cause: msg(`diag.${id}.cause` as Parameters<typeof msg>[0], { gmail: ctx.gmail ?? '', clientId: ctx.clientId ?? '' }),
    fix: msg(`diag.${id}.fix` as Parameters<typeof msg>[0], { gmail: ctx.gmail ?? '', clientId: ctx.clientId ?? '' }),
    ...extra,
  });

  switch (error.known) {
    case 'redirect_uri_mismatch': {
      const sent = error.redirectUri ?? ctx.expectedRedirectUri;
      if (!sent) return base('redirect_uri_mismatch', 'client', { link: clientPage(ctx) });
      const d = diagnoseMismatch({ sent, registered: ctx.registeredRedirectUris, expected: ctx.expectedRedirectUri });
      const refusal = redirectUriRefusal(sent, { facts: ctx.hosts, origin: ctx.odooOrigin ?? null, saas: ctx.saas ?? false });
      // A URI Google refuses (http behind a TLS proxy, P1; a raw IP) is never the value to add: its
      // scheme difference is the fix's subject, said without proxy_mode for Odoo Online (§5.6, P1).
      const differences = refusal ? d.differences.filter((x) => x !== 'scheme') : d.differences;
      const details = d.closest ? uriDifferenceMsgs(differences, sent, d.closest) : [];
      // Odoo sent something else than its web.base.url gives now: the base URL moved (P3).
      if (ctx.expectedRedirectUri && d.sentDiffersFromExpected.length) {
        details.push(msg('diag.redirect_uri_mismatch.baseUrlMoved', { expected: ctx.expectedRedirectUri }));
      }
      if (refusal) {
        return {
          id: 'redirect_uri_mismatch',
          step: 'client',
          title: msg('diag.title', { code: error.code }),
          cause: msg('diag.redirect_uri_mismatch.causeRefused', { sent }),
          fix: refusal.fix,
          details: [...refusal.problems, ...details],
        };
      }
      return {
        id: 'redirect_uri_mismatch',
        step: 'client',
        title: msg('diag.title', { code: error.code }),
        cause: msg(d.closest ? 'diag.redirect_uri_mismatch.causeKnown' : 'diag.redirect_uri_mismatch.cause', { sent }),
        fix: msg('diag.redirect_uri_mismatch.fix', { sent }),
        link: clientPage(ctx),
        value: sent,
        details,
      };
    }
    case 'access_denied':
      return base('access_denied', 'testUser', {
        link: consoleLink('/auth/audience', ctx.projectId),
        ...(ctx.gmail ? { value: ctx.gmail } : {}),
      });
    case 'org_internal':
      return base('org_internal', 'consent', { link: consoleLink('/auth/audience', ctx.projectId) });
    case 'admin_policy_enforced':
      return base('admin_policy_enforced', 'consent', {
        link: 'https://admin.google.com/ac/owl/list?tab=configuredApps',
        ...(ctx.clientId ? { value: ctx.clientId } : {}),
      });
    case 'invalid_client':
    case 'deleted_client':
    case 'disabled_client':
      return base(error.known, 'client', { link: consoleLink('/auth/clients', ctx.projectId) });
    case 'unauthorized_client': {
      // The URI to register on the new client — only one Google accepts; else Odoo's fix first (§5.6).
      const expected = ctx.expectedRedirectUri;
      const refusal = expected
        ? redirectUriRefusal(expected, { facts: ctx.hosts, origin: ctx.odooOrigin ?? null, saas: ctx.saas ?? false })
        : null;
      return base('unauthorized_client', 'client', {
        link: consoleLink('/auth/clients/create', ctx.projectId),
        ...(expected && !refusal ? { value: expected } : {}),
        ...(refusal ? { details: [...refusal.problems, refusal.fix] } : {}),
      });
    }
    case 'invalid_request':
    case 'origin_mismatch':
    case null:
      return base('unknown', 'connect', { cause: msg('diag.unknown.cause', { code: error.code, message: error.message ?? '' }) });
  }
}
