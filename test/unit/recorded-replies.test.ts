/**
 * Real Odoo 15.0–19.0 on the wire (test/fixtures/odoo/recorded/<version>/, one exchange a file; what they
 * taught is cited as "captures fact N"). Every recorded reply goes through the extension's own path:
 * `jsonRpc` with a fetch that answers the recorded status, Content-Type and body, then the zod schema the
 * extension reads that call with, then — where one exists — the function that acts on it.
 *
 * Which schema applies is derived from the recorded request (call_kw's model and method, or the path),
 * never from file names. A recorded call of a kind nobody classified fails, and so does an Odoo call in
 * lib/ that has no entry in RULES: a new call has to say here how its reply is read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Msg } from '@/lib/i18n';
import { odooErrorMsg } from '@/lib/odoo/error-messages';
import type { RpcErrorKind } from '@/lib/odoo/errors';
import {
  ActUrl,
  gmailTokenPresence,
  IdRows,
  Notification,
  openGmailConsent,
  ServerFactsRow,
  testGmailConnection,
} from '@/lib/odoo/gmail-connection';
import {
  AliasRow,
  confirmIncomingServer,
  detectIncomingSchema,
  IncomingRow,
  openIncomingConsent,
  readImapFailure,
} from '@/lib/odoo/gmail-incoming';
import {
  openPersonalConsent,
  PersonalServerRow,
  PersonalUserRow,
  readSetupFailure,
  testPersonalServer,
} from '@/lib/odoo/gmail-personal';
import {
  detectServerSchema,
  FieldsGetReply,
  isGmailServer,
  type ServerSchema,
  schemaFromFields,
  TOKEN_FIELD,
} from '@/lib/odoo/gmail-schema';
import { IdReply, ServerRow, ServerValuesRows } from '@/lib/odoo/gmail-setup';
import { jsonRpc } from '@/lib/odoo/rpc';
import { CountReply, ModuleRow, ParamValue, SessionInfo, UserRow } from '@/lib/odoo/schemas';
import { parseOdooVersion } from '@/lib/odoo/version';
import { PageRows } from '@/lib/odoo/website';
import { failure, type Route, replay } from './odoo-replay';

// ---------------------------------------------------------------------------------------------
// The recordings, read from the repository only.

const ROOT = resolve('test/fixtures/odoo/recorded');

/** The recorder's file format. `nofromfilter-*` / `baseurl-*` kept fewer keys (no headers, no body_raw). */
const Recorded = z.object({
  request: z.object({
    url: z.string(),
    body_raw: z.optional(z.nullable(z.string())),
    body_json: z.optional(z.unknown()),
  }),
  response: z.object({
    status: z.int(),
    headers: z.optional(z.record(z.string(), z.string())),
    body_raw: z.optional(z.string()),
    body_json: z.optional(z.unknown()),
  }),
});

const CallParams = z.object({
  model: z.string(),
  method: z.string(),
  args: z.array(z.unknown()),
  kwargs: z.optional(z.record(z.string(), z.unknown())),
});
type CallParams = z.infer<typeof CallParams>;

const OdooError = z.object({
  error: z.object({
    code: z.number(),
    data: z.object({ name: z.string(), message: z.string() }),
  }),
});

interface Exchange {
  version: string;
  /** `16.0/06-get_session_info.json`: only for messages. */
  file: string;
  url: URL;
  /** `model.method` for call_kw (either of its two paths, captures fact 14), else the path; `google` for Google's side. */
  kind: string;
  call: CallParams | null;
  status: number;
  contentType: string;
  body: string;
  /** The reply parsed as JSON, undefined for HTML or text. */
  reply: unknown;
}

const parseJson = (text: string | null | undefined): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

function load(version: string, name: string): Exchange {
  const file = `${version}/${name}`;
  const { request, response } = Recorded.parse(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
  const url = new URL(request.url);
  const sent = request.body_json ?? parseJson(request.body_raw);
  const params = z.object({ params: CallParams }).safeParse(sent);
  const call = params.success ? params.data.params : null;
  const kind = url.hostname.endsWith('google.com') ? 'google' : call ? `${call.model}.${call.method}` : url.pathname;
  const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const reply = response.body_json ?? parseJson(response.body_raw);
  return {
    version,
    file,
    url,
    kind,
    call,
    status: response.status,
    // Only the JSON replies of nofromfilter-* / baseurl-* lost their headers.
    contentType: header ?? 'application/json',
    body: response.body_raw ?? JSON.stringify(response.body_json),
    reply: reply ?? undefined,
  };
}

const VERSIONS = readdirSync(ROOT)
  .filter((d) => /^\d+\.\d+$/.test(d))
  .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
const EXCHANGES = VERSIONS.flatMap((v) =>
  readdirSync(join(ROOT, v))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => load(v, f)),
);
const major = (ex: Exchange) => Number.parseInt(ex.version, 10);

/** A fetch answering what Odoo answered, byte for byte, with its status and Content-Type. */
const recordedAnswer = (ex: Exchange): ReturnType<Route> => ({ status: ex.status, text: ex.body, contentType: ex.contentType });
const answering = (ex: Exchange) => replay(() => recordedAnswer(ex)).fetch;

/** The reply through `jsonRpc`, as the extension sends that request. */
const viaRpc = (ex: Exchange) => jsonRpc(ex.url.origin, ex.url.pathname, ex.call ?? {}, { fetch: answering(ex) });

const errorOf = (ex: Exchange) => {
  const parsed = OdooError.safeParse(ex.reply);
  return parsed.success ? parsed.data.error : null;
};
const isEnvelope = (ex: Exchange) => z.looseObject({ jsonrpc: z.literal('2.0') }).safeParse(ex.reply).success;
const serverIdOf = (ex: Exchange) => z.tuple([z.array(z.int())], z.unknown()).parse(ex.call?.args)[0][0] as number;

// ---------------------------------------------------------------------------------------------
// What each kind of call is, for the extension.

type Check = (ex: Exchange, result: unknown) => Promise<void> | void;
type Rule =
  /** A call the extension makes: every schema it reads that reply with, then what it does with it. */
  | { made: true; readers: z.ZodMiniType[]; check?: Check }
  /** Recorded, but never sent by the extension. `readAs`: the same reply as that call (checked like it). */
  | { made: false; why: string; readAs?: string; page?: true };

/** The Client IDs written through the settings in a version's recordings: the consent URL must carry one of them. */
const clientIdsWritten = (version: string) =>
  EXCHANGES.filter((ex) => ex.version === version && ex.kind === 'res.config.settings.create').flatMap((ex) => {
    // personal-09 writes "Use Custom Email Servers" alone (captures fact 23).
    const written = z.tuple([z.looseObject({ google_gmail_client_identifier: z.optional(z.string()) })]).parse(ex.call?.args)[0];
    return written.google_gmail_client_identifier ? [written.google_gmail_client_identifier] : [];
  });

/** The server schema a version's own `fields_get` reply gives. */
function versionSchema(version: string): ServerSchema | null {
  const ex = EXCHANGES.find((e) => e.version === version && e.kind === 'ir.mail_server.fields_get');
  const reply = z.object({ result: FieldsGetReply }).safeParse(ex?.reply);
  return reply.success ? schemaFromFields(reply.data.result) : null;
}

const checkSession: Check = (ex, result) => {
  const info = SessionInfo.parse(result);
  if (!info.uid) return;
  // `server_version` may carry a nightly suffix ("16.0-20240216"): the label comes from `server_version_info` (captures fact 5).
  expect(parseOdooVersion(info.server_version_info, info.server_version)).toMatchObject({
    label: ex.version,
    major: major(ex),
    edition: 'community',
    saas: false,
  });
};

const RULES: Record<string, Rule> = {
  // probe.ts
  '/web/session/get_session_info': { made: true, readers: [SessionInfo], check: checkSession },
  // …and gmail-personal.ts, the preferences' fields (captures fact 23).
  'res.users.read': { made: true, readers: [z.array(UserRow), z.array(PersonalUserRow)] },
  'ir.config_parameter.get_param': {
    made: true,
    readers: [ParamValue],
    check: (ex, result) => {
      // web.base.url is rewritten to the address of the last admin login (captures fact 6), here the recorder's.
      if (ex.call?.args[0] === 'web.base.url') expect(result).toBe(ex.url.origin);
    },
  },
  'ir.module.module.search_read': { made: true, readers: [z.array(ModuleRow)] },
  // gmail-setup.ts
  'ir.module.module.button_immediate_install': { made: true, readers: [z.unknown()] },
  'ir.module.module.button_immediate_upgrade': { made: true, readers: [z.unknown()] },
  'res.config.settings.create': { made: true, readers: [IdReply] },
  'res.config.settings.execute': {
    made: true,
    readers: [z.unknown()],
    check: (_ex, result) => expect(result).toEqual({ type: 'ir.actions.client', tag: 'reload' }), // captures fact 7
  },
  'ir.config_parameter.search_count': { made: true, readers: [CountReply] },
  'ir.mail_server.create': { made: true, readers: [IdReply] },
  'ir.mail_server.write': { made: true, readers: [z.unknown()] },
  // findGmailServer, gmailTokenPresence, readGmailServer / readTokenStamp: each reads the same rows its own way.
  // …and listPersonalServers (captures fact 28).
  'ir.mail_server.search_read': {
    made: true,
    readers: [z.array(ServerRow), IdRows, z.array(ServerFactsRow), z.array(PersonalServerRow)],
  },
  'ir.mail_server.read': {
    made: true,
    readers: [ServerValuesRows],
    check: async (ex, result) => {
      const [row] = ServerValuesRows.parse(result);
      const schema = versionSchema(ex.version);
      if (row && schema && ('use_google_gmail_service' in row || 'smtp_authentication' in row)) {
        // Every server the recorder read back is a Gmail OAuth server: the extension must see it as one.
        expect(isGmailServer(schema, row)).toBe(true);
      }
      const fields = ex.call?.args[1];
      if (row && Array.isArray(fields) && fields.length === 1 && fields[0] === TOKEN_FIELD) {
        // The extension's own token read, reached the way it is: the record exists, search_count fails.
        const fetch = replay(({ body }) => {
          if (body.params?.method === 'search_read') return { json: { jsonrpc: '2.0', id: 1, result: [{ id: serverIdOf(ex) }] } };
          if (body.params?.method === 'search_count') {
            return {
              json: {
                jsonrpc: '2.0',
                id: 2,
                error: {
                  code: 200,
                  message: 'Odoo Server Error',
                  data: { name: 'builtins.ValueError', message: 'not searchable' },
                },
              },
            };
          }
          return recordedAnswer(ex);
        }).fetch;
        await expect(gmailTokenPresence(ex.url.origin, serverIdOf(ex), { fetch })).resolves.toBe(
          row[TOKEN_FIELD] ? 'present' : 'absent',
        );
      }
    },
  },
  // gmail-connection.ts
  'ir.mail_server.search_count': { made: true, readers: [CountReply] },
  'ir.mail_server.open_google_gmail_uri': {
    made: true,
    readers: [ActUrl],
    check: async (ex, result) => {
      // `target: "self"` only in 19.0 (captures fact 16); the schema lets it through.
      expect(Object.hasOwn(ActUrl.parse(result), 'target')).toBe(major(ex) >= 19);
      const consent = await openGmailConsent(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) });
      expect(consent.via).toBe('google');
      // The redirect URI follows web.base.url, i.e. the address the recorder logged in through (captures fact 6).
      expect(consent.redirectUri).toBe(`${ex.url.origin}/google_gmail/confirm`);
      expect(clientIdsWritten(ex.version)).toContain(consent.clientId);
    },
  },
  'ir.mail_server.test_smtp_connection': {
    made: true,
    readers: [Notification],
    check: async (ex, result) => {
      // 18–19 add `params.next` (captures fact 13): success is read from `params.type` alone.
      expect(Object.hasOwn(Notification.parse(result).params ?? {}, 'next')).toBe(major(ex) >= 18);
      await expect(testGmailConnection(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) })).resolves.toEqual({ ok: true });
    },
  },
  'ir.mail_server.fields_get': {
    made: true,
    readers: [FieldsGetReply],
    check: async (ex) => {
      const schema = await detectServerSchema(ex.url.origin, { fetch: answering(ex) });
      expect(schema?.kind).toBe(major(ex) === 15 ? 'flag15' : 'auth16'); // captures fact 8
      expect(schema?.encryption).toContain('starttls');
    },
  },
  // gmail-incoming.ts (captures facts 15–22)
  'fetchmail.server.fields_get': {
    made: true,
    readers: [FieldsGetReply],
    check: async (ex) => {
      const schema = await detectIncomingSchema(ex.url.origin, { fetch: answering(ex) });
      expect(schema?.kind).toBe(major(ex) === 15 ? 'flag15' : 'type16'); // captures fact 15
    },
  },
  'fetchmail.server.create': { made: true, readers: [IdReply] },
  'fetchmail.server.write': { made: true, readers: [z.unknown()] },
  'fetchmail.server.read': { made: true, readers: [z.array(IncomingRow)] },
  // Not recorded (the recorder read by id): the same rows as `read`.
  'fetchmail.server.search_read': { made: true, readers: [z.array(IncomingRow)] },
  'fetchmail.server.search_count': { made: true, readers: [CountReply] },
  'mail.alias.search_read': { made: true, readers: [z.array(AliasRow)] },
  'fetchmail.server.open_google_gmail_uri': {
    made: true,
    readers: [ActUrl],
    check: async (ex) => {
      const consent = await openIncomingConsent(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) });
      // The same client and redirect URI as the outgoing server (captures fact 16).
      expect(consent.via).toBe('google');
      expect(consent.redirectUri).toBe(`${ex.url.origin}/google_gmail/confirm`);
      expect(clientIdsWritten(ex.version)).toContain(consent.clientId);
    },
  },
  'fetchmail.server.button_confirm_login': {
    made: true,
    readers: [z.unknown()],
    check: async (ex) => {
      await expect(confirmIncomingServer(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) })).resolves.toEqual({ ok: true });
    },
  },
  // gmail-personal.ts: Odoo 19 personal servers (captures facts 23–28)
  'res.users.action_setup_outgoing_mail_server': {
    made: true,
    readers: [z.unknown()],
    check: async (ex, result) => {
      if (ex.call?.args[0] === 'default') {
        // "Default" (never sent by the extension) deletes the server: a warning notification (fact 28).
        expect(Notification.parse(result).params?.type).toBe('warning');
        return;
      }
      // "Gmail": the consent URL on the company's client (fact 24), 19.0's `target: "self"`.
      expect(ActUrl.parse(result)).toMatchObject({ target: 'self' });
      const outcome = await openPersonalConsent(ex.url.origin, { fetch: answering(ex) });
      expect(outcome.ok && outcome.consent.via).toBe('google');
      if (!outcome.ok) return;
      expect(outcome.consent.redirectUri).toBe(`${ex.url.origin}/google_gmail/confirm`);
      expect(clientIdsWritten(ex.version)).toContain(outcome.consent.clientId);
    },
  },
  'res.users.action_test_outgoing_mail_server': {
    made: true,
    readers: [Notification],
    check: async (ex, result) => {
      // Without the `sticky` and `next` of test_smtp_connection (fact 26).
      expect(Object.hasOwn(Notification.parse(result).params ?? {}, 'next')).toBe(false);
      await expect(testPersonalServer(ex.url.origin, { fetch: answering(ex) })).resolves.toEqual({ ok: true });
    },
  },
  // lib/background/troubleshoot.ts (the result is not read)
  'ir.config_parameter.set_param': { made: true, readers: [z.unknown()] },
  // lib/background/publish-links.ts — the Odoo website's privacy page (for Publish app); the recorded
  // databases have no website, so only the fake Odoo's replies check it (publish-links.test.ts).
  'website.page.search_read': { made: true, readers: [PageRows] },

  '/web/session/authenticate': {
    made: false,
    why: "the extension works with the admin's browser session; it never signs in",
    readAs: '/web/session/get_session_info', // the same dict (captures fact 5)
  },
  '/web/webclient/version_info': { made: false, why: 'the version is read from session info' },
  '/web/session/destroy': { made: false, why: 'the extension never signs the admin out' },
  'res.config.settings.default_get': {
    made: false,
    why: 'the credentials are confirmed by get_param and a count; default_get would bring the secret back (captures fact 7)',
  },
  'ir.config_parameter.search_read': { made: false, why: 'the secret is counted, never read back' },
  'mail.mail.create': { made: false, why: 'the recorder sending a message; the extension sends no mail' },
  'mail.mail.send': { made: false, why: 'the recorder sending a message; the extension sends no mail' },
  'mail.mail.search_read': { made: false, why: 'the recorder sending a message; the extension sends no mail' },
  'no.such.model.search': { made: false, why: 'a deliberate unknown model (step 08)' },
  'ir.mail_server._smtp_login': { made: false, why: 'a deliberate private method (probe-10)' },
  // The incoming side (captures facts 15–22): what the recorder did that the extension does not.
  'fetchmail.server.fetch_mail': {
    made: false,
    why: "Fetch Now marks Gmail's unread messages read even when nothing receives them (captures fact 20); the extension reads the Last Fetch Date instead",
  },
  'ir.model.search_read': {
    made: false,
    why: "the recorder choosing Contacts as the target model; the extension reads object_id's name",
  },
  'ir.model.data.search_read': { made: false, why: 'the recorder finding the fetchmail cron' },
  'ir.cron.read': { made: false, why: 'the recorder checking the fetchmail cron' },
  'mail.message.search_read': { made: false, why: 'the recorder checking what a fetch left; the extension reads no mail' },
  'res.partner.search_read': { made: false, why: 'the recorder checking what a fetch left; the extension reads no mail' },
  // The personal-server recording (captures facts 23–28): what the recorder did that the extension does not.
  'res.users.create': { made: false, why: 'the recorder creating the second user' },
  'res.users.fields_get': {
    made: false,
    why: "the preferences' selection (default, gmail, outlook); the extension reads the user's own type",
  },
  'res.partner.create': { made: false, why: 'the recorder sending a message as the user; the extension sends no mail' },
  'res.partner.message_post': { made: false, why: 'the recorder sending a message as the user; the extension sends no mail' },
  'mail.message.read': { made: false, why: 'the recorder checking what a message left; the extension reads no mail' },
  'mail.notification.search_read': {
    made: false,
    why: 'the recorder checking what a message left; the extension reads no mail',
  },
  '/google_gmail/confirm': { made: false, why: "Google's redirect opens it in the admin's tab", page: true },
  '/web/login': { made: false, why: 'a page for people', page: true },
  google: { made: false, why: "Google's side of the consent, not Odoo", page: true },
};

const ruleOf = (kind: string): Rule | undefined => (Object.hasOwn(RULES, kind) ? RULES[kind] : undefined);
const isPage = (kind: string) => {
  const rule = ruleOf(kind);
  return rule?.made === false && rule.page === true;
};
/** The rule whose readers apply: the call's own, or the one whose reply it shares. */
function readingRule(ex: Exchange): { made: true; readers: z.ZodMiniType[]; check?: Check } | null {
  const rule = ruleOf(ex.kind);
  if (rule?.made) return rule;
  const shared = rule?.readAs ? ruleOf(rule.readAs) : undefined;
  return shared?.made ? shared : null;
}

// ---------------------------------------------------------------------------------------------

describe('the recordings and the rules cover each other', () => {
  it('holds 15.0 to 19.0', () => {
    expect(VERSIONS).toEqual(['15.0', '16.0', '17.0', '18.0', '19.0']);
  });

  it('every recorded exchange is of a kind classified in RULES', () => {
    const unclassified = EXCHANGES.filter((ex) => !ruleOf(ex.kind)).map((ex) => `${ex.file}: ${ex.kind}`);
    expect(unclassified).toEqual([]);
  });

  it('every Odoo call in lib/ has a rule saying how its reply is read, and every made rule is still called', () => {
    const sources = readdirSync('lib', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join('lib', f), 'utf8'));
    const called = new Set<string>();
    for (const src of sources) {
      for (const m of src.matchAll(/\b(?:callParsed|callKw)\(\s*\w+,\s*'([\w.]+)',\s*'(\w+)'/g)) called.add(`${m[1]}.${m[2]}`);
      for (const m of src.matchAll(/\bjsonRpc\(\s*\w+,\s*'(\/[^']*)'/g)) called.add(m[1] ?? '');
    }
    expect(called.size).toBeGreaterThan(10);
    expect([...called].filter((kind) => !ruleOf(kind)?.made)).toEqual([]);
    // Reverse: a made rule names a model/method or path that still appears in the sources (the module
    // buttons' method is chosen at run time, so the literals are looked for, not the call).
    const all = sources.join('\n');
    const stale = Object.entries(RULES)
      .filter(([, rule]) => rule.made)
      .map(([kind]) => kind)
      .filter((kind) => {
        if (kind.startsWith('/')) return !all.includes(`'${kind}'`);
        const dot = kind.lastIndexOf('.');
        return !all.includes(`'${kind.slice(0, dot)}'`) || !all.includes(`'${kind.slice(dot + 1)}'`);
      });
    expect(stale).toEqual([]);
  });

  it.each(VERSIONS)('%s: the replies the extension depends on were recorded and are checked below', (version) => {
    const kinds = new Set(
      EXCHANGES.filter((ex) => ex.version === version && readingRule(ex) && !errorOf(ex)).map((ex) => ex.kind),
    );
    for (const kind of [
      '/web/session/get_session_info',
      'res.users.read',
      'ir.config_parameter.get_param',
      'res.config.settings.create',
      'res.config.settings.execute',
      'ir.mail_server.fields_get',
      'ir.mail_server.create',
      'ir.mail_server.write',
      'ir.mail_server.read',
      'ir.mail_server.open_google_gmail_uri',
      'ir.mail_server.test_smtp_connection',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

describe("successful replies pass the extension's own schemas", () => {
  const read = EXCHANGES.filter((ex) => readingRule(ex) && isEnvelope(ex) && !errorOf(ex));

  it.each(read.map((ex) => [`${ex.file} (${ex.kind})`, ex] as const))('%s', async (_label, ex) => {
    const rule = readingRule(ex);
    const result = await viaRpc(ex);
    for (const reader of rule?.readers ?? []) {
      const parsed = reader.safeParse(result);
      expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
    }
    await rule?.check?.(ex, result);
  });

  it.each(
    EXCHANGES.filter((ex) => !ruleOf(ex.kind)?.made && isEnvelope(ex) && !errorOf(ex)).map(
      (ex) => [`${ex.file} (${ex.kind})`, ex] as const,
    ),
  )('a call the extension does not make still reads as a JSON-RPC success: %s', async (_label, ex) => {
    const expected = z.looseObject({ result: z.unknown() }).safeParse(ex.reply);
    // A method that returns None has no `result` key at all (captures fact 2): a null result, not "not Odoo".
    await expect(viaRpc(ex)).resolves.toEqual(
      expected.success && Object.hasOwn(expected.data, 'result') ? expected.data.result : null,
    );
  });

  it('the None replies (mail.mail.send, /web/session/destroy; 19.0 Fetch Now) were recorded and read as null', async () => {
    const none = EXCHANGES.filter((ex) => isEnvelope(ex) && !errorOf(ex) && !Object.hasOwn(Object(ex.reply), 'result'));
    expect(new Set(none.map((ex) => ex.kind))).toEqual(
      new Set(['mail.mail.send', '/web/session/destroy', 'fetchmail.server.fetch_mail']),
    );
    expect(new Set(none.map((ex) => ex.version))).toEqual(new Set(VERSIONS));
    // Fetch Now returns `true` in 15–18 and nothing in 19 (captures fact 19).
    expect(new Set(none.filter((ex) => ex.kind === 'fetchmail.server.fetch_mail').map((ex) => ex.version))).toEqual(
      new Set(['19.0']),
    );
    for (const ex of none) await expect(viaRpc(ex)).resolves.toBeNull();
  });

  it('Test Connection succeeded in every version, with `next` (18–19) and without (15–17)', () => {
    const ok = EXCHANGES.filter((ex) => ex.kind === 'ir.mail_server.test_smtp_connection' && !errorOf(ex));
    expect(new Set(ok.map((ex) => ex.version))).toEqual(new Set(VERSIONS));
  });
});

// ---------------------------------------------------------------------------------------------
// Errors: the kind is decided by `data.name` (captures fact 1), the person reads Odoo's own text.

/** Every exception name in the recordings. A new one fails until someone decides what it means. */
const KIND_BY_NAME: Record<string, RpcErrorKind> = {
  'odoo.http.SessionExpiredException': 'sessionExpired', // 02, 07, 51 — code 100 everywhere
  'odoo.exceptions.AccessDenied': 'accessDenied', // 03 wrong password
  'odoo.exceptions.AccessError': 'accessDenied', // 04 unknown database (16–19), probe-10 private method
  'odoo.exceptions.UserError': 'odooError', // Test Connection failures
  'builtins.KeyError': 'odooError', // 08 unknown model (15–17)
  'werkzeug.exceptions.NotFound': 'odooError', // 08 unknown model (18–19), code 404 inside an HTTP 200
  'builtins.ValueError': 'odooError', // 09 invalid field (17–19)
  'builtins.TypeError': 'odooError', // probe-09 call_kw without kwargs
  'psycopg2.OperationalError': 'odooError', // 04 unknown database (15.0)
  'odoo.exceptions.ValidationError': 'odooError', // incoming 27/32: Fetch Now's failure in 18.0 (captures fact 22)
  'imaplib.error': 'odooError', // incoming 32: 19.0 raises Gmail's IMAP refusal itself, not an odoo.exceptions name (fact 22)
};

function expectedMsg(kind: RpcErrorKind | undefined, text: string): Msg | undefined {
  if (kind === 'sessionExpired') return { key: 'odoo.err.signedOut' };
  if (kind === 'accessDenied') return { key: 'odoo.err.denied', params: { text } };
  if (kind === 'odooError') return { key: 'odoo.err.refused', params: { text } };
  return undefined;
}

describe('error replies become the right kind and message', () => {
  const errors = EXCHANGES.filter((ex) => errorOf(ex));

  it.each(errors.map((ex) => [`${ex.file} (${errorOf(ex)?.data.name})`, ex] as const))('%s', async (_label, ex) => {
    const { code, data } = errorOf(ex) ?? { code: -1, data: { name: '', message: '' } };
    const kind = Object.hasOwn(KIND_BY_NAME, data.name) ? KIND_BY_NAME[data.name] : undefined;
    expect(kind, `no decision for ${data.name}`).toBeDefined();
    // 19.0 says 0 where 15–18 say 200; 100 is session expired, 404 an unknown model (captures fact 1).
    const expectedCode =
      data.name === 'odoo.http.SessionExpiredException'
        ? 100
        : data.name === 'werkzeug.exceptions.NotFound'
          ? 404
          : major(ex) >= 19
            ? 0
            : 200;
    expect(code).toBe(expectedCode);

    const error = await failure(viaRpc(ex));
    expect(error.kind).toBe(kind);
    expect(error.details.odooName).toBe(data.name);
    expect(error.details.odooMessage).toBe(data.message);
    expect(odooErrorMsg(error)).toEqual(expectedMsg(kind, data.message));

    if (ex.kind === 'fetchmail.server.button_confirm_login') {
      // Test & Confirm's failures (captures fact 18): Odoo's text verbatim, each with a reading.
      const outcome = await confirmIncomingServer(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) });
      expect(outcome).toMatchObject({ ok: false, odooText: data.message });
      expect(outcome.ok ? 'ok' : outcome.reading).not.toBe('unknown');
    }
    if (ex.kind.startsWith('fetchmail.server.')) expect(readImapFailure(data.message)).not.toBe('unknown'); // facts 16, 18, 22
    if (ex.kind === 'res.users.action_setup_outgoing_mail_server') {
      // "Use Custom Email Servers" off, or no company client (fact 23): each read in plain words.
      const outcome = await openPersonalConsent(ex.url.origin, { fetch: answering(ex) });
      expect(outcome).toMatchObject({ ok: false, odooText: data.message });
      expect(readSetupFailure(data.message)).not.toBe('unknown');
    }
    if (ex.kind === 'ir.mail_server.test_smtp_connection') {
      // A failed Test Connection keeps Odoo's text verbatim (how it is read is the lead's: not asserted here).
      await expect(testGmailConnection(ex.url.origin, serverIdOf(ex), { fetch: answering(ex) })).resolves.toMatchObject({
        ok: false,
        odooText: data.message,
      });
    }
  });

  it('an unknown model: KeyError in 15–17, NotFound (code 404) in 18–19, both an Odoo refusal with its text', async () => {
    const unknown = EXCHANGES.filter((ex) => ex.call?.model === 'no.such.model');
    expect(unknown.map((ex) => [ex.version, errorOf(ex)?.data.name])).toEqual(
      VERSIONS.map((v) => [v, Number.parseInt(v, 10) >= 18 ? 'werkzeug.exceptions.NotFound' : 'builtins.KeyError']),
    );
    for (const ex of unknown) {
      const error = await failure(viaRpc(ex));
      expect([error.kind, odooErrorMsg(error).key]).toEqual(['odooError', 'odoo.err.refused']);
    }
  });

  it('session expired (no session, after logout) in every version', async () => {
    const expired = EXCHANGES.filter((ex) => errorOf(ex)?.data.name === 'odoo.http.SessionExpiredException');
    expect(new Set(expired.map((ex) => `${ex.version} ${ex.kind}`))).toEqual(
      new Set(VERSIONS.flatMap((v) => [`${v} /web/session/get_session_info`, `${v} res.users.read`])),
    );
    for (const ex of expired) expect(odooErrorMsg(await failure(viaRpc(ex)))).toEqual({ key: 'odoo.err.signedOut' });
  });

  const html = EXCHANGES.filter((ex) => !isPage(ex.kind) && ex.reply === undefined);
  it.each(html.map((ex) => [`${ex.file} (HTTP ${ex.status})`, ex] as const))(
    'a non-JSON answer of a JSON-RPC route stays an HTTP error: %s',
    async (_label, ex) => {
      // Wrong Content-Type → 400 (15–18) or 415 (19), invalid JSON → 400, in HTML (captures fact 3).
      expect(ex.contentType).toMatch(/^text\/html/);
      expect([400, 415]).toContain(ex.status);
      const error = await failure(viaRpc(ex));
      expect(error.kind).toBe('http');
      expect(error.details.status).toBe(ex.status);
      expect(odooErrorMsg(error)).toEqual({ key: 'odoo.err.http', params: { status: ex.status } });
    },
  );
});
