/**
 * The diagnoses the troubleshooter made (Google's sign-in error pages, Odoo's `/google_gmail/confirm`
 * answers), kept until the fix is verified — the shape of the `diagnoses` item (lib/state/items.ts),
 * written only by the background. Texts are stored as `Msg` (key + params), never as sentences; no secret, no token: the
 * most a diagnosis carries is a redirect URI, a Client ID or the Gmail address to add.
 */
import * as z from 'zod/mini';
import { MsgData, STEP_IDS } from '../setup/steps';
import type { Diagnosis } from './sign-in';

export const DIAGNOSIS_SOURCES = ['signIn', 'confirm'] as const;
export type DiagnosisSource = (typeof DIAGNOSIS_SOURCES)[number];

export const StoredDiagnosis = z.lazy(() =>
  z.object({
    id: z.string().check(z.maxLength(60)),
    step: z.enum(STEP_IDS),
    source: z.enum(DIAGNOSIS_SOURCES),
    /** The Odoo origin of the setup when it was made; another origin means it does not apply. */
    origin: z.nullable(z.string()),
    at: z.number(),
    title: MsgData,
    cause: MsgData,
    fix: MsgData,
    link: z.optional(z.string()),
    value: z.optional(z.string()),
    details: z.optional(z.array(MsgData)),
  }),
);
export type StoredDiagnosis = z.infer<typeof StoredDiagnosis>;

export function toStored(d: Diagnosis, source: DiagnosisSource, origin: string | null, at: number): StoredDiagnosis {
  return {
    id: d.id,
    step: d.step,
    source,
    origin,
    at,
    title: d.title,
    cause: d.cause,
    fix: d.fix,
    ...(d.link ? { link: d.link } : {}),
    ...(d.value ? { value: d.value } : {}),
    ...(d.details?.length ? { details: d.details } : {}),
  };
}

/** Adds `d`, replacing an older diagnosis of the same step. */
export const withDiagnosis = (list: StoredDiagnosis[], d: StoredDiagnosis): StoredDiagnosis[] => [
  ...list.filter((x) => x.step !== d.step),
  d,
];

/** What proves a fix: facts the extension learns later. */
export interface Evidence {
  /** The monitor found a refresh token (the connect went through) at this time. */
  tokenAt: number | null;
  /** Redirect URIs registered on the client, as the Console last showed them. */
  registeredRedirectUris: string[];
  /** Odoo's redirect URI as computed now. */
  expectedRedirectUri: string | null;
  testUsers: string[];
  /** The Client ID changed (a new capture or paste) after the diagnosis. */
  clientIdAt: number | null;
  /** The Gmail module is installed and up to date now. */
  moduleUpToDate: boolean;
  origin: string | null;
}

/** The diagnoses whose fix is not verified yet. */
export function unresolved(list: StoredDiagnosis[], e: Evidence): StoredDiagnosis[] {
  return list.filter((d) => {
    if (d.origin && e.origin && d.origin !== e.origin) return false;
    // A connect that got a token after the failure proves every fix before it.
    if (e.tokenAt !== null && e.tokenAt > d.at) return false;
    switch (d.id) {
      case 'redirect_uri_mismatch':
        // Odoo now sends a registered URI (the client got it, or web.base.url was corrected).
        return !(e.expectedRedirectUri && e.registeredRedirectUris.includes(e.expectedRedirectUri));
      case 'access_denied':
        return !(d.value && e.testUsers.includes(d.value.toLowerCase()));
      case 'invalid_client':
      case 'deleted_client':
      case 'disabled_client':
      case 'unauthorized_client':
      case 'tokenExchange':
        return !(e.clientIdAt !== null && e.clientIdAt > d.at);
      case 'forbiddenOutdated':
        return !e.moduleUpToDate;
      default:
        return true;
    }
  });
}
