/**
 * A fake Odoo that speaks Odoo's wire format (docs/evidence/odoo-gmail.md), for the tests and
 * the demo. It is independent of the extension's code on purpose: it reimplements Odoo's behaviour
 * from the reference, so a test passes only when the extension speaks real Odoo.
 *
 * Its answers are checked against real Odoo 15.0–19.0's recorded wire traffic by
 * test/unit/odoo-conformance.test.ts ("captures fact N, step S" below: test/fixtures/odoo/recorded/).
 *
 * Routes (each cites its section):
 * - GET/POST /web/login                 login form; sets the `session_id` cookie (HttpOnly) §8.2, probe-11
 * - GET /web/session/logout
 * - GET /web, /odoo[/…]                 the backend; anonymous visitors are redirected to /web/login
 * - POST /web/webclient/version_info    JSON-RPC, auth='none'                                          step 01
 * - POST /web/session/authenticate      JSON-RPC, auth='none': a login, its session_info               steps 03–05
 * - POST /web/session/get_session_info  JSON-RPC, auth='user'                                          §8.1
 * - POST /web/session/destroy           JSON-RPC, auth='user': logout, no `result`                     step 50
 * - POST /web/dataset/call_kw[/m/f]     JSON-RPC, auth='user', dispatched to models/*                  §8.1
 * - GET /google_gmail/confirm           Google's redirect back, Odoo's checks in order (gmail-confirm.ts) §1.6
 * - GET /google_gmail/iap_confirm       19.0: the Gmail relay's last hop with the tokens (gmail-confirm.ts, gmail-relay.ts) §1.6
 * Errors are Odoo's JSON-RPC error envelopes (HTTP 200) — see errors.ts; a request that is not JSON on a
 * JSON route gets werkzeug's HTML instead (captures fact 3).
 *
 * The session cookie follows Odoo's rules per series (captures fact 4; the Set-Cookie column of the
 * recordings): 15.0 sends it on every answer but werkzeug's HTTP error pages; 16.0+ only on an answer
 * that is not an error, when the session is new, was rotated (login, logout) or changed
 * (`get_session_info` touches it; 18.0+ also the first request after a login).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Db, type DbOptions, type Session, type User } from './db.ts';
import { accessError, errorEnvelope, notFound, OdooException, sessionExpired } from './errors.ts';
import { gmailConfirm, gmailIapConfirm } from './gmail-confirm.ts';
import { pyRepr } from './gmail-facts.ts';
import type { FakeRelay } from './gmail-relay.ts';
import type { FakeGoogle } from './google.ts';
import { MODELS } from './models/index.ts';
import { serverVersion, versionInfo } from './profiles.ts';
import { deletedCidsCookie, escapeHtml, loginRedirect, redirectBody, sessionCookie, werkzeugPage } from './wire.ts';

export interface FakeOdooOptions extends DbOptions {
  host?: string;
  port?: number;
  /** Added before every answer (a slow Odoo). */
  latencyMs?: number;
  /**
   * Odoo's `--proxy-mode`: trust `X-Forwarded-Proto` / `X-Forwarded-Host` from the proxy in front (Odoo
   * Online and odoo.sh run it so). Off by default, as in Odoo: behind a TLS proxy the address Odoo sees
   * is then `http://<Host>` (field-notes P1).
   */
  proxyMode?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The request carried a `session_id` cookie of a logged-in session. */
  authenticated: boolean;
  model?: string;
  rpcMethod?: string;
  body?: string;
  origin?: string;
  at: number;
}

/**
 * One kind of call answered late (a slow Odoo: a registry reload, a busy worker, a slow SMTP test).
 * Like Odoo, the call is still carried out when the client has stopped waiting: a worker runs the
 * request to its end whether or not anyone reads the answer (odoo-gmail.md §8.1 — JSON-RPC is a plain
 * HTTP request; nothing in Odoo cancels it on disconnect).
 */
export interface ReplyDelay {
  ms: number;
  /** Only calls to this model (call_kw) — or, with neither, every JSON-RPC call. */
  model?: string;
  method?: string;
}

export interface Conflict {
  times: number;
  model?: string;
  method?: string;
}

export type Fault = { kind: 'status'; status: number; body: string; contentType: string } | null;

export interface FakeOdoo {
  origin: string;
  port: number;
  db: Db;
  requests: RecordedRequest[];
  /** Answer every request with this instead (502 from a proxy, a 500 page, an HTML login wall …). */
  setFault(fault: Fault): void;
  setLatency(ms: number): void;
  /** Answer matching JSON-RPC calls this much later (null: no delay). The call is still carried out. */
  setReplyDelay(delay: ReplyDelay | null): void;
  /**
   * The next `times` matching `call_kw` calls lose to a concurrent write: rolled back, nothing kept, and
   * answered as Odoo does once its own retries are spent — `psycopg2.errors.SerializationFailure`
   * (odoo-gmail.md §8.7). Null: none.
   */
  setConflict(conflict: Conflict | null): void;
  /**
   * Forget every session, as Odoo does when a session expires or is logged out elsewhere: the browser
   * keeps its `session_id` cookie, and the next RPC gets `odoo.http.SessionExpiredException` in the
   * JSON-RPC error envelope (code 100, "Odoo Session Expired" — odoo-gmail.md §8.1, errors.ts).
   */
  expireSessions(): void;
  /**
   * Log a user in without the form (returns the cookie value): a session whose login is not replayed,
   * so web.base.url is left as it is.
   */
  login(login: string): string;
  /**
   * Someone logs in through `address` (another host name, http instead of https, an IP…), over HTTP as
   * a browser elsewhere would: `/web/session/authenticate` with that Host (and, for https, the
   * forwarded headers a proxy adds). An administrator's login rewrites web.base.url unless frozen
   * (captures fact 6). Returns the new session's cookie value.
   */
  loginFrom(address: string, login?: string, password?: string): Promise<string>;
  /** Google's side (consent page, token endpoint) this Odoo talks to; tests route accounts.google.com to it. */
  google: FakeGoogle;
  /** Odoo's Gmail relay (19.0 Enterprise); tests route gmail.api.odoo.com to it. */
  relay: FakeRelay;
  /**
   * Google revokes the grant (password change, 7 days of Testing, access removed). Like real Odoo, the
   * access token Odoo cached stays on the record: until it expires, Test Connection still sends it, and
   * Gmail's refusal shows at MAIL FROM (captures fact 12). `expireAccessTokens()` moves time on.
   */
  revokeToken(): void;
  /** Odoo's cached access tokens expire (an hour passed): the next use refreshes them at Google. */
  expireAccessTokens(): void;
  /** The `ir.mail_server` records, as stored (tests assert on them). */
  mailServers(): Record<string, unknown>[];
  /** Odoo goes down: open connections are cut and the port refuses connections (fetch rejects). */
  stop(): Promise<void>;
  /** Listen again on the same port with the same database and sessions (Odoo back after a restart). */
  restart(): Promise<void>;
}

const COOKIE = 'session_id';

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = decodeURIComponent(v.join('='));
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** How an answer went, which decides its `Set-Cookie` (captures fact 4). */
type Outcome = 'ok' | 'error' | 'http-error';

/** One request and its answer: the session it runs in and what happened to that session. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The `session_id` the request carried. */
  cookieSid: string | undefined;
  session: Session;
  /** The session changed (saved again: a new `Set-Cookie` in 16.0+). */
  dirty: boolean;
  /** A login or a logout replaced the session id. */
  rotated: boolean;
  /** Cookies set before `session_id` (17.0+ logout deletes `cids`). */
  extraCookies: string[];
}

/**
 * The JSON-RPC routes: who may call them, and the Python function 15.0 names when one is called as a
 * plain HTTP request (captures probe-04).
 */
const JSON_ROUTES: Record<string, { auth: 'none' | 'user'; fn: string }> = {
  '/web/webclient/version_info': { auth: 'none', fn: 'WebClient.version_info' },
  '/web/session/authenticate': { auth: 'none', fn: 'Session.authenticate' },
  '/web/session/get_session_info': { auth: 'user', fn: 'Session.get_session_info' },
  '/web/session/destroy': { auth: 'user', fn: 'Session.destroy' },
  '/web/dataset/call_kw': { auth: 'user', fn: 'DataSet.call_kw' },
};
const jsonRoute = (path: string) =>
  JSON_ROUTES[path] ?? (path.startsWith('/web/dataset/call_kw/') ? JSON_ROUTES['/web/dataset/call_kw'] : undefined);

/** werkzeug's session store (15.0) keeps a well-formed id it does not know; 16.0+ start a new session. */
const WERKZEUG_SID = /^[0-9a-f]{40}$/;
const YEAR_S = 365 * 24 * 60 * 60;

/** A `call_kw` the conflict is about: its model and method, when given. */
const conflicts = (c: Conflict, params: Record<string, unknown>) =>
  params.model !== undefined && (!c.model || c.model === params.model) && (!c.method || c.method === params.method);

export async function startFakeOdoo(options: FakeOdooOptions = {}): Promise<FakeOdoo> {
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  let port = options.port ?? 0;
  let fault: Fault = null;
  let latency = options.latencyMs ?? 0;
  let replyDelay: ReplyDelay | null = null;
  let conflict: Conflict | null = null;
  const requests: RecordedRequest[] = [];
  const csrfSecret = randomBytes(16);
  /** Where 15.0 says its controller function lives (`<function … at 0x…>`, probe-04). */
  const functionAddress = `0x7f${randomBytes(5).toString('hex')}`;
  // The origin is known once listening; the db needs it for web.base.url.
  let db: Db;
  let origin = '';
  const major = () => db.profile.major;

  /** The session a request runs in: its cookie's, else a new anonymous one (stored once its cookie is sent). */
  const begin = (req: IncomingMessage, res: ServerResponse): Exchange => {
    const cookieSid = parseCookies(req.headers.cookie)[COOKIE];
    let session = cookieSid ? db.sessions.get(cookieSid) : undefined;
    let dirty = false;
    if (!session) {
      const keep = major() <= 15 && cookieSid !== undefined && WERKZEUG_SID.test(cookieSid);
      session = { sid: keep && cookieSid ? cookieSid : db.newSid(), uid: null };
    } else if (session.fresh && session.uid) {
      // 18.0+ note the device of the first request after a login (baseurl-02, probe-08).
      session.fresh = false;
      dirty = major() >= 18;
    }
    return { req, res, cookieSid, session, dirty, rotated: false, extraCookies: [] };
  };
  const userOf = (ex: Exchange): User | undefined => (ex.session.uid ? db.users.get(ex.session.uid) : undefined);
  /** Login (or logout, `user` undefined): a new session id, the old session gone. */
  const rotate = (ex: Exchange, user: User | undefined) => {
    db.sessions.delete(ex.session.sid);
    ex.session = user ? { sid: db.newSid(), uid: user.id, fresh: true } : { sid: db.newSid(), uid: null };
    ex.rotated = true;
  };
  const sendsCookie = (ex: Exchange, outcome: Outcome): boolean => {
    if (major() <= 15) return outcome !== 'http-error';
    return outcome === 'ok' && (ex.dirty || ex.rotated || ex.session.sid !== ex.cookieSid);
  };
  const send = (ex: Exchange, status: number, headers: Record<string, string>, body: string, outcome: Outcome) => {
    const cookies = [...ex.extraCookies];
    if (sendsCookie(ex, outcome)) {
      db.sessions.set(ex.session.sid, ex.session);
      const cookie = sessionCookie(db.profile, ex.session.sid);
      cookies.push(cookie);
      // 19.0 sends the same Set-Cookie twice on login (captures fact 4, step 05).
      if (ex.rotated && ex.session.uid && major() >= 19) cookies.push(cookie);
    }
    ex.res.writeHead(status, cookies.length ? { ...headers, 'Set-Cookie': cookies } : headers);
    ex.res.end(body);
  };
  const html = (ex: Exchange, status: number, body: string, outcome: Outcome) =>
    send(ex, status, { 'Content-Type': 'text/html; charset=utf-8' }, body, outcome);
  /** werkzeug's HTTPException page (`description` is HTML already). */
  const httpError = (ex: Exchange, status: number, title: string, description: string) =>
    html(ex, status, werkzeugPage(status, title, description), 'http-error');
  const redirect = (ex: Exchange, location: string, outcome: Outcome = 'ok') =>
    send(ex, 303, { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, redirectBody(location), outcome);
  /** `application/json` in 15.0, with `; charset=utf-8` from 16.0 (captures fact 3). */
  const json = (ex: Exchange, payload: unknown, outcome: Outcome) =>
    send(
      ex,
      200,
      { 'Content-Type': major() <= 15 ? 'application/json' : 'application/json; charset=utf-8' },
      JSON.stringify(payload),
      outcome,
    );
  const page = (ex: Exchange, title: string, body: string) =>
    html(
      ex,
      200,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
      'ok',
    );

  /** `request.httprequest.url_root` without its slash: what an admin login writes to web.base.url. */
  const baseLocation = (req: IncomingMessage): string => {
    const header = (name: string) => {
      const v = req.headers[name];
      return (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim() || undefined;
    };
    const host = (options.proxyMode && header('x-forwarded-host')) || header('host') || new URL(origin).host;
    const scheme = (options.proxyMode && header('x-forwarded-proto')) || 'http';
    return `${scheme}://${host}`;
  };
  /** Odoo's `request.csrf_token()`: an HMAC of the session id and an expiry, `<40 hex>o<expiry>` (probe-11). */
  const csrfToken = (session: Session, until = Math.floor(Date.now() / 1000) + YEAR_S) =>
    `${createHmac('sha1', csrfSecret).update(`${session.sid}${until}`).digest('hex')}o${until}`;
  const csrfValid = (session: Session, token: string | null) => {
    const until = Number(token?.split('o')[1]);
    return !!token && until > Date.now() / 1000 && token === csrfToken(session, until);
  };

  function loginPage(ex: Exchange, redirectTo: string, error?: string) {
    // Shape of Odoo's `web.login` template: an oe_login_form posting to /web/login with csrf_token,
    // login, password and redirect (probe-11 in every version; the page around it is the fake's).
    page(
      ex,
      'Login | Odoo',
      `<main><form class="oe_login_form" role="form" action="/web/login" method="post">
<input type="hidden" name="csrf_token" value="${csrfToken(ex.session)}">
<div class="mb-3 field-login"><label for="login" class="form-label">Email</label><input type="text" placeholder="Email" name="login" id="login" required autofocus autocapitalize="off" class="form-control"></div>
<div class="mb-3"><label for="password" class="form-label">Password</label><input type="password" placeholder="Password" name="password" id="password" required class="form-control"></div>
${error ? `<p class="alert alert-danger" role="alert">${escapeHtml(error)}</p>` : ''}
<input type="hidden" name="redirect" value="${escapeHtml(redirectTo)}">
<div class="oe_login_buttons"><button type="submit" class="btn btn-primary">Log in</button></div>
</form><p>Database: ${escapeHtml(db.name)}</p></main>`,
    );
  }

  /**
   * `ir.http.session_info()`: the keys the extension reads (§8.1) and the per-version presence facts
   * (captures fact 5): `is_public` / `is_internal_user` from 17.0, `company_id` in 15.0–16.0, `user_id`
   * in 15.0–17.0. The web client's other keys (menus, currencies, tours…) are left out.
   */
  function sessionInfo(user: User) {
    const m = major();
    return {
      uid: user.id,
      is_system: user.isSystem,
      is_admin: user.isAdmin,
      ...(m >= 17 ? { is_public: false, is_internal_user: true } : {}),
      user_context: { lang: 'en_US', tz: user.tz ?? false, uid: user.id },
      db: db.name,
      ...serverVersion(db.profile, db.edition),
      support_url: 'https://www.odoo.com/buy',
      name: user.name,
      username: user.login,
      partner_display_name: user.name,
      ...(m <= 16 ? { company_id: 1 } : {}),
      partner_id: user.id + 1,
      ...(db.profile.sessionHasBaseUrl ? { 'web.base.url': db.params.get('web.base.url') ?? '' } : {}),
      home_action_id: false,
      ...(m <= 17 ? { user_id: [user.id] } : {}),
    };
  }

  /** A body that is not JSON on a JSON route: werkzeug's HTML, per series (captures fact 3, probe-01/02/04). */
  function wrongType(ex: Exchange, path: string, fn: string) {
    const get = ex.req.method === 'GET';
    if (major() <= 15) {
      // 15.0 dispatches it as a plain HTTP request: a POST lacks the form's CSRF token.
      const text = get
        ? `<function ${fn} at ${functionAddress}>, ${path}: Function declared as capable of handling request of type 'json' but called with a request of type 'http'`
        : 'Session expired (invalid CSRF token)';
      return httpError(ex, 400, 'Bad Request', escapeHtml(text));
    }
    if (major() <= 18) {
      return httpError(
        ex,
        400,
        'Bad Request',
        escapeHtml(`Request inferred type is compatible with ['http'] but '${path}' is type='json'.`),
      );
    }
    const types = get ? "['http', 'json2']" : "['http']";
    return httpError(
      ex,
      415,
      'Unsupported Media Type',
      `${escapeHtml(`Request inferred type is compatible with ${types} but '${path}' is type='jsonrpc'.`)}<br><br>Please verify the Content-Type request header and try again.`,
    );
  }

  /** Invalid JSON (captures fact 3, probe-03): werkzeug's page quoting it (15.0), or the bare text. */
  function invalidJson(ex: Exchange, body: string) {
    if (major() <= 15) return httpError(ex, 400, 'Bad Request', escapeHtml(`Invalid JSON data: ${pyRepr(body)}`));
    // 16.0+ answer it once the session is open: a new visitor gets its cookie with the 400.
    return html(ex, 400, 'Invalid JSON data', 'ok');
  }

  /** `/web/session/authenticate` (captures steps 03–05, baseurl-*): a new session, its session_info. */
  function authenticate(ex: Exchange, params: Record<string, unknown>) {
    if (params.db !== db.name) {
      // 15.0 tries to connect to the database; 16.0+ check the name first (step 04).
      if (major() <= 15) {
        throw new OdooException(
          'psycopg2.OperationalError',
          `connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "${String(params.db)}" does not exist\n`,
        );
      }
      throw accessError('Database not found.');
    }
    const user = [...db.users.values()].find((u) => u.login === params.login);
    if (!user || user.password !== params.password) throw new OdooException('odoo.exceptions.AccessDenied', 'Access Denied');
    rotate(ex, user);
    // An administrator's login rewrites web.base.url to the address it came through (captures fact 6).
    db.adminLoggedInFrom(user, baseLocation(ex.req));
    return sessionInfo(user);
  }

  /** `/web/dataset/call_kw[/<model>/<method>]` (captures fact 14, steps 08, probe-08/09/10). */
  async function callKw(user: User, params: Record<string, unknown>, record: RecordedRequest): Promise<unknown> {
    const model = String(params.model ?? '');
    const method = String(params.method ?? '');
    record.model = model;
    record.rpcMethod = method;
    const known = MODELS[model];
    const impl = known && (!known.available || known.available(db)) ? known : undefined;
    // 18.0+: the route's read-only check looks the model up before the call — werkzeug's NotFound.
    if (!impl && major() >= 18) throw notFound();
    // Python binds `call_kw(model, method, args, kwargs)` before running it.
    const missing = ['args', 'kwargs'].filter((k) => !(k in params));
    if (missing.length) {
      const plural = missing.length > 1 ? 's' : '';
      throw new OdooException(
        'builtins.TypeError',
        `DataSet.call_kw() missing ${missing.length} required positional argument${plural}: ${missing.map((k) => `'${k}'`).join(' and ')}`,
      );
    }
    if (method.startsWith('_')) {
      throw accessError(
        major() >= 17
          ? `Private methods (such as '${model}.${method}') cannot be called remotely.`
          : `Private methods (such as ${method}) cannot be called remotely.`,
      );
    }
    // 15.0–17.0: `request.env[model]` (captures fact 1, step 08).
    if (!impl) throw new OdooException('builtins.KeyError', model);
    const fn = impl.methods[method];
    if (!fn) throw new OdooException('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
    const args = Array.isArray(params.args) ? params.args : [];
    const kwargs = (params.kwargs ?? {}) as Record<string, unknown>;
    return fn({ db, user, origin }, args, kwargs);
  }

  async function handleJson(ex: Exchange, path: string, route: { auth: 'none' | 'user'; fn: string }) {
    const { req } = ex;
    const body = await readBody(req);
    const user = userOf(ex);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      authenticated: !!user,
      body,
      at: Date.now(),
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
    };
    requests.push(record);
    // Odoo dispatches JSON routes on the mimetype; anything else is werkzeug's HTML (§8.1).
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (type !== 'application/json' && type !== 'application/json-rpc') return wrongType(ex, path, route.fn);
    let payload: { id?: unknown; params?: Record<string, unknown> };
    try {
      const parsed: unknown = JSON.parse(body);
      payload = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    } catch {
      return invalidJson(ex, body);
    }
    // A notification (no `id`) is answered all the same, with `"id": null` (probe-05); ids are echoed as sent (probe-06).
    const id = payload.id ?? null;
    const params = payload.params ?? {};
    if (
      replyDelay &&
      (!replyDelay.model || replyDelay.model === params.model) &&
      (!replyDelay.method || replyDelay.method === params.method)
    ) {
      await new Promise((r) => setTimeout(r, replyDelay?.ms ?? 0));
    }
    try {
      let result: unknown;
      if (route.auth === 'user' && !user) throw sessionExpired();
      if (path === '/web/webclient/version_info') result = versionInfo(db.profile, db.edition);
      else if (path === '/web/session/authenticate') result = authenticate(ex, params);
      else if (path === '/web/session/get_session_info' && user) {
        ex.dirty = true; // `session.touch()`: 16.0+ send the cookie again (step 06)
        result = sessionInfo(user);
      } else if (path === '/web/session/destroy') {
        rotate(ex, undefined); // logout: an anonymous session with a new id (step 50)
        if (major() >= 17) ex.extraCookies.push(deletedCidsCookie());
      } else if (user && conflict && conflict.times > 0 && conflicts(conflict, params)) {
        conflict.times--;
        record.model = String(params.model);
        record.rpcMethod = String(params.method);
        throw new OdooException('psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update\n');
      } else if (user) result = await callKw(user, params, record);
      // Python's None is no `result` key at all (captures fact 2, steps 32 and 50).
      json(ex, result === undefined || result === null ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result }, 'ok');
    } catch (error) {
      const odooError =
        error instanceof OdooException
          ? error
          : new OdooException(
              `builtins.${error instanceof Error ? error.constructor.name : 'Exception'}`,
              String(error instanceof Error ? error.message : error),
            );
      // Raised before the request body is read: no id to echo — 16.0+'s session check (steps 02/07/51)
      // and 18.0+'s NotFound (step 08).
      const early =
        odooError.odooName === 'werkzeug.exceptions.NotFound' ||
        (odooError.odooName === 'odoo.http.SessionExpiredException' && major() >= 16);
      json(ex, errorEnvelope(early ? null : id, odooError, major()), 'error');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (fault) {
      requests.push({ method: req.method ?? 'GET', path, authenticated: false, at: Date.now() });
      res.writeHead(fault.status, { 'Content-Type': fault.contentType });
      res.end(fault.body);
      return;
    }
    const ex = begin(req, res);
    const route = jsonRoute(path);
    if (route) return handleJson(ex, path, route);
    const user = userOf(ex);
    requests.push({ method: req.method ?? 'GET', path, authenticated: !!user, at: Date.now() });
    const rawUrl = req.url ?? '/';
    const rawQuery = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : null;
    // auth='user' pages send a visitor without a session to the login form (captures fact 10, step 27).
    const toLogin = () =>
      redirect(ex, loginRedirect(db.profile, req.headers.host ?? new URL(origin).host, path, rawQuery), 'error');

    if (path === '/web/login') {
      if (req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        if (!csrfValid(ex.session, form.get('csrf_token'))) {
          return httpError(ex, 400, 'Bad Request', escapeHtml('Session expired (invalid CSRF token)'));
        }
        const found = [...db.users.values()].find((u) => u.login === form.get('login') && u.password === form.get('password'));
        if (!found) return loginPage(ex, form.get('redirect') ?? '', 'Wrong login/password');
        // Odoo rotates the session id on authentication.
        rotate(ex, found);
        db.adminLoggedInFrom(found, baseLocation(req));
        return redirect(ex, form.get('redirect') || db.profile.home);
      }
      // A signed-in visitor is sent on only when the URL says where (probe-11: the form otherwise).
      const target = url.searchParams.get('redirect');
      if (target && user) return redirect(ex, target);
      return loginPage(ex, target ?? '');
    }
    if ((path === '/google_gmail/confirm' || path === '/google_gmail/iap_confirm') && req.method === 'GET') {
      if (!user) return toLogin();
      const answer =
        path === '/google_gmail/confirm' ? gmailConfirm(db, user, url.searchParams) : gmailIapConfirm(db, user, url.searchParams);
      if (!answer) return notFoundPage(ex);
      if (answer.location) return redirect(ex, answer.location);
      return send(
        ex,
        answer.status,
        { 'Content-Type': answer.contentType },
        answer.body,
        answer.status >= 400 ? 'http-error' : 'ok',
      );
    }
    if (path === '/web/session/logout') {
      rotate(ex, undefined);
      return redirect(ex, '/web/login');
    }
    if (path === '/web' || path === '/odoo' || path.startsWith('/odoo/') || path === '/') {
      if (!user) return toLogin();
      return page(
        ex,
        'Odoo',
        `<div class="o_web_client"><header class="o_main_navbar">Odoo ${escapeHtml(db.profile.label)} — ${escapeHtml(db.name)}</header><main><h1>Discuss</h1><p>Logged in as ${escapeHtml(user.name)}</p></main></div>`,
      );
    }
    return notFoundPage(ex);
  }

  const notFoundPage = (ex: Exchange) =>
    httpError(
      ex,
      404,
      'Not Found',
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    );

  function listen(): Promise<void> {
    server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      });
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  await listen();
  origin = `http://${host}:${port}`;
  db = new Db(options, origin);

  return {
    origin,
    port,
    db,
    requests,
    setFault: (f) => {
      fault = f;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    setReplyDelay: (delay) => {
      replyDelay = delay;
    },
    setConflict: (c) => {
      conflict = c ? { ...c } : null;
    },
    expireSessions: () => db.sessions.clear(),
    get google() {
      return db.google;
    },
    get relay() {
      return db.relay;
    },
    revokeToken: () => db.google.revokeAll(),
    expireAccessTokens: () => {
      // An hour passed: the access token Odoo cached has expired, so the next login must refresh it
      // first (§4) — a revoked grant then surfaces as "An error occurred when fetching the access token."
      const past = Math.floor(Date.now() / 1000) - 1;
      for (const server of db.table('ir.mail_server').values()) {
        if (server.google_gmail_access_token_expiration) server.google_gmail_access_token_expiration = past;
      }
    },
    mailServers: () => [...db.table('ir.mail_server').values()].map((r) => ({ ...r })),
    loginFrom: (address, login = 'admin', password = login) =>
      new Promise<string>((resolve, reject) => {
        const at = new URL(address);
        const headers: Record<string, string> = { Host: at.host, 'Content-Type': 'application/json' };
        if (at.protocol === 'https:') Object.assign(headers, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': at.host });
        const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: db.name, login, password } });
        const req = httpRequest({ host, port, method: 'POST', path: '/web/session/authenticate', headers }, (res) => {
          res.resume();
          const cookie = String(res.headers['set-cookie']?.[0] ?? '');
          const sid = /session_id=([^;]+)/.exec(cookie)?.[1];
          res.on('end', () => (sid ? resolve(sid) : reject(new Error(`login through ${address} refused`))));
        });
        req.on('error', reject);
        req.end(body);
      }),
    login(login) {
      const user = [...db.users.values()].find((u) => u.login === login);
      if (!user) throw new Error(`no user ${login}`);
      return db.newSession(user.id).sid;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    restart: () => listen(),
  };
}

/** A web server that is not Odoo: a generic site answering every path with HTML. */
export async function startNotOdoo(): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const status = req.method === 'POST' ? 405 : 200;
    res.writeHead(status, { 'Content-Type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
