/**
 * A setup as a file, to hand to a colleague: which Odoo and Gmail address, and what the Console assistant
 * learnt of the Google side (project, client ID, audience, domains, test users, redirect URIs), with the
 * publishing choice and links. Never a secret or a token: the extension keeps none in `local:` storage, the
 * file is built from fields named one by one, and a file holding any other key — a `client_secret`, a token —
 * is refused whole on import (strict schemas), so a file edited by hand cannot slip one in.
 *
 * The colleague's extension keeps an imported setup beside its own (lib/state/setups.ts); switching to it asks
 * for the Odoo origin's permission at that click and probes it, as Connect to Odoo does.
 */
import * as z from 'zod/mini';
import { parseClientId } from '../google/formats';
import { type Msg, msg } from '../i18n';
import type { GoogleState, PublishLinks } from '../state/items';
import { ACCOUNT_TYPES, type Setup } from './setup';

export const SETUP_FILE_KIND = 'gmail-odoo-setup';
/** A setup file is a few KB; anything much larger is not one. */
export const MAX_SETUP_FILE_BYTES = 64 * 1024;

const list = z.lazy(() => z.array(z.string().check(z.maxLength(320))).check(z.maxLength(100)));

export const SetupFile = z.lazy(() =>
  z.strictObject({
    kind: z.literal(SETUP_FILE_KIND),
    version: z.literal(1),
    exportedAt: z.iso.datetime(),
    setup: z.strictObject({
      odooOrigin: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
      gmail: z.nullable(z.email().check(z.maxLength(320))),
      accountType: z.nullable(z.enum(ACCOUNT_TYPES)),
    }),
    /** What the Odoo was when exported: shown to the colleague before their own probe. */
    odoo: z.nullable(z.strictObject({ db: z.string().check(z.maxLength(200)), version: z.string().check(z.maxLength(40)) })),
    google: z.strictObject({
      projectId: z.nullable(z.string().check(z.maxLength(100))),
      clientId: z.nullable(z.string().check(z.maxLength(200))),
      audience: z.nullable(z.enum(['internal', 'external'])),
      publishing: z.nullable(z.enum(['testing', 'production'])),
      authorizedDomains: list,
      testUsers: list,
      redirectUris: list,
    }),
    publishChoice: z.nullable(z.enum(['testing', 'production'])),
    publishLinks: z.nullable(
      z.strictObject({
        home: z.nullable(z.url()),
        privacy: z.nullable(z.url()),
        source: z.enum(['website', 'person', 'none']),
        at: z.number(),
      }),
    ),
  }),
);
export type SetupFile = z.infer<typeof SetupFile>;

export interface SetupFileInput {
  setup: Setup;
  odoo: { db: string; version: string } | null;
  google: GoogleState;
  publishChoice: 'testing' | 'production' | null;
  publishLinks: PublishLinks | null;
}

/** The file for a setup: its fields named one by one (nothing else of storage can come along). */
export function buildSetupFile(s: SetupFileInput, now = new Date()): SetupFile {
  const { projectId, clientId, audience, publishing, authorizedDomains, testUsers, redirectUris } = s.google;
  return {
    kind: SETUP_FILE_KIND,
    version: 1,
    exportedAt: now.toISOString(),
    setup: { odooOrigin: s.setup.odooOrigin, gmail: s.setup.gmail, accountType: s.setup.accountType },
    odoo: s.odoo,
    google: { projectId, clientId, audience, publishing, authorizedDomains, testUsers, redirectUris },
    publishChoice: s.publishChoice,
    publishLinks: s.publishLinks,
  };
}

/** A name for the file: the database's, else the host's, in what a file system takes. */
export function setupFileName(s: SetupFileInput): string {
  const name = s.odoo?.db ?? new URL(s.setup.odooOrigin).host;
  return `gmail-odoo-${name.replace(/[^\w.-]+/g, '-')}.json`;
}

/** A key anywhere in the data whose name says secret or token (the file is refused, whatever its value). */
function secretKey(data: unknown, depth = 0): string | null {
  if (depth > 8 || data === null || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data)) {
    if (/secret|token|password|refresh|authorization_code/i.test(key)) return key;
    const inner = secretKey(value, depth + 1);
    if (inner) return inner;
  }
  return null;
}

export type SetupFileResult = { ok: true; file: SetupFile } | { ok: false; error: Msg };

/** Reads a setup file; every refusal says why, and nothing is kept from a refused file. */
export function parseSetupFile(text: string): SetupFileResult {
  if (text.length > MAX_SETUP_FILE_BYTES) return { ok: false, error: msg('setups.file.tooLarge') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: msg('setups.file.notJson') };
  }
  const secret = secretKey(data);
  if (secret) return { ok: false, error: msg('setups.file.secret', { key: secret }) };
  if (!data || typeof data !== 'object' || (data as { kind?: unknown }).kind !== SETUP_FILE_KIND)
    return { ok: false, error: msg('setups.file.notSetup') };
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > 1) return { ok: false, error: msg('setups.file.newer', { version }) };
  const parsed = z.safeParse(SetupFile, data);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    return { ok: false, error: msg('setups.file.invalid', { path }) };
  }
  const file = parsed.data;
  if (new URL(file.setup.odooOrigin).origin !== file.setup.odooOrigin)
    return { ok: false, error: msg('setups.file.invalid', { path: 'setup.odooOrigin' }) };
  if (file.google.clientId !== null && !parseClientId(file.google.clientId).ok)
    return { ok: false, error: msg('setups.file.invalid', { path: 'google.clientId' }) };
  return { ok: true, file };
}
