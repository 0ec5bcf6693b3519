/**
 * Everything the extension remembers, as typed, versioned storage items (@wxt-dev/storage
 * `defineItem` with `version` + `migrations`). Reads are parsed with zod: a value written by an older
 * build, or damaged by hand, falls back to the default instead of crashing the popup.
 *
 * Where things live:
 * - `local:`   setup, last probe, step progress — survives browser restarts; never a secret.
 * - `session:` the client secret between its capture and Odoo's write — memory only, gone when the
 *              browser stops (docs/evidence/field-notes.md §3.6).
 */
import { storage, type WxtStorageItem } from '@wxt-dev/storage';
import { z } from 'zod';
import { ProbeResult } from '../odoo/probe';
import { Setup } from './setup';
import { StepProgressMap } from './steps';

export interface ValidatedItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(fn: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  watch(cb: (value: T) => void): () => void;
}

type StorageKey = `local:${string}` | `session:${string}` | `sync:${string}` | `managed:${string}`;

export function defineValidatedItem<T>(
  key: StorageKey,
  schema: z.ZodType<T>,
  options: { fallback: T; version: number; migrations?: Record<number, (old: unknown) => unknown> },
): ValidatedItem<T> {
  const item: WxtStorageItem<unknown, Record<string, unknown>> = storage.defineItem<unknown>(key, {
    fallback: options.fallback,
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const parse = (raw: unknown): T => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : options.fallback;
  };
  // One queue per item so that read-modify-write updates from one context never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    key,
    get: async () => parse(await item.getValue()),
    set: async (value) => item.setValue(schema.parse(value)),
    update(fn) {
      const run = queue.then(async () => {
        const next = schema.parse(fn(parse(await item.getValue())));
        await item.setValue(next);
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    remove: () => item.removeValue(),
    watch: (cb) => item.watch((raw) => cb(parse(raw))),
  };
}

/**
 * The OAuth client's secret between its capture (Console dialog, imported JSON, paste) and Odoo's
 * write. `storage.session`: memory only, cleared when the browser stops, not readable by content
 * scripts. Wiped as soon as Odoo has confirmed the write.
 */
export const Credentials = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  source: z.enum(['console', 'json', 'paste']),
  at: z.number(),
});
export type Credentials = z.infer<typeof Credentials>;
export const credentialsItem = defineValidatedItem('session:credentials', Credentials.nullable(), { fallback: null, version: 1 });

/** What the extension knows of the Google side (no secret): filled by the Console assistant. */
export const GoogleState = z.object({
  projectId: z.string().nullable(),
  clientId: z.string().nullable(),
  audience: z.enum(['internal', 'external']).nullable(),
  publishing: z.enum(['testing', 'production']).nullable(),
  authorizedDomains: z.array(z.string()),
  testUsers: z.array(z.string()),
  redirectUris: z.array(z.string()),
  /** When the client secret was captured (the secret itself is never here). */
  secretCapturedAt: z.number().nullable(),
});
export type GoogleState = z.infer<typeof GoogleState>;
export const EMPTY_GOOGLE_STATE: GoogleState = {
  projectId: null,
  clientId: null,
  audience: null,
  publishing: null,
  authorizedDomains: [],
  testUsers: [],
  redirectUris: [],
  secretCapturedAt: null,
};
export const googleItem = defineValidatedItem('local:google', GoogleState, { fallback: EMPTY_GOOGLE_STATE, version: 1 });

export const setupItem = defineValidatedItem('local:setup', Setup.nullable(), { fallback: null, version: 1 });
export const probeItem = defineValidatedItem('local:probe', ProbeResult.nullable(), { fallback: null, version: 1 });
/**
 * The publishing status the person chose for an External app ("Before you connect"): `production` asks the Console
 * assistant to guide "Publish app" on the Audience page (no 7-day token expiry, one "unverified app"
 * screen at connect); `testing` or null leaves the app in Testing.
 */
export const publishChoiceItem = defineValidatedItem('local:publishChoice', z.enum(['testing', 'production']).nullable(), {
  fallback: null,
  version: 1,
});
/**
 * The App home page and App privacy policy link Google wants on Branding before it lets an External app
 * go to production (google-console-2026.md §1): read from the Odoo website (its home and privacy page)
 * when the person chose production, or given by the person in the popup. Public addresses, no secret.
 */
export const PublishLinks = z.object({
  home: z.string().url().nullable(),
  privacy: z.string().url().nullable(),
  /** `website`: found on the Odoo's website; `person`: typed in the popup; `none`: Odoo has no website. */
  source: z.enum(['website', 'person', 'none']),
  at: z.number(),
});
export type PublishLinks = z.infer<typeof PublishLinks>;
export const publishLinksItem = defineValidatedItem('local:publishLinks', PublishLinks.nullable(), {
  fallback: null,
  version: 1,
});
export const progressItem = defineValidatedItem('local:progress', StepProgressMap, { fallback: {}, version: 1 });
