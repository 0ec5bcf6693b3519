/**
 * A fake Odoo that speaks Odoo's wire format (../shared/reference/odoo-gmail.md), for the tests and
 * the demo. It is independent of the extension's code on purpose: it reimplements Odoo's behaviour
 * from the reference, so a test passes only when the extension speaks real Odoo.
 *
 * Routes (each cites its section):
 * - GET/POST /web/login                 login form; sets the `session_id` cookie (HttpOnly, SameSite=Lax) §8.2
 * - GET /web/session/logout
 * - GET /web, /odoo[/…]                 the backend; anonymous visitors are redirected to /web/login
 * - POST /web/session/get_session_info  JSON-RPC, auth='user'                                          §8.1
 * - POST /web/dataset/call_kw[/m/f]     JSON-RPC, auth='user', dispatched to models/*                  §8.1
 * - GET /google_gmail/confirm           Google's redirect back, Odoo's checks in order (gmail-confirm.ts) §1.6
 * - GET /google_gmail/iap_confirm       19.0: the Gmail relay's last hop with the tokens (gmail-confirm.ts, gmail-relay.ts) §1.6
 * Errors are Odoo's JSON-RPC error envelopes (HTTP 200) — see errors.ts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Db, type DbOptions, type Session, type User } from './db.ts';
import { errorEnvelope, OdooException, sessionExpired } from './errors.ts';
import { gmailConfirm, gmailIapConfirm } from './gmail-confirm.ts';
import type { FakeRelay } from './gmail-relay.ts';
import type { FakeGoogle } from './google.ts';
import { MODELS } from './models/index.ts';
import { serverVersion } from './profiles.ts';

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

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export async function startFakeOdoo(options: FakeOdooOptions = {}): Promise<FakeOdoo> {
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  let port = options.port ?? 0;
  let fault: Fault = null;
  let latency = options.latencyMs ?? 0;
  let replyDelay: ReplyDelay | null = null;
  const requests: RecordedRequest[] = [];
  const csrfSecret = randomBytes(16);
  // The origin is known once listening; the db needs it for web.base.url.
  let db: Db;
  let origin = '';

  const sessionOf = (req: IncomingMessage): Session | undefined => {
    const sid = parseCookies(req.headers.cookie)[COOKIE];
    return sid ? db.sessions.get(sid) : undefined;
  };
  const setSessionCookie = (res: ServerResponse, session: Session) => {
    // Odoo: httponly=True, samesite='Lax', max_age one week (odoo/http.py `_set_cookie`).
    res.setHeader('Set-Cookie', `${COOKIE}=${session.sid}; Max-Age=604800; HttpOnly; Path=/; SameSite=Lax`);
  };
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
  const csrfToken = (session: Session) => createHmac('sha1', csrfSecret).update(session.sid).digest('hex');

  const html = (res: ServerResponse, status: number, title: string, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
    );
  };
  const json = (res: ServerResponse, payload: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(payload));
  };
  const redirect = (res: ServerResponse, location: string) => {
    res.writeHead(303, { Location: location, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<a href="${escapeHtml(location)}">${escapeHtml(location)}</a>`);
  };

  function loginPage(res: ServerResponse, session: Session, redirectTo: string, error?: string) {
    // Shape of Odoo's `web.login` template (17.0): an oe_login_form with csrf_token, login, password.
    html(
      res,
      200,
      'Login | Odoo',
      `<main><form class="oe_login_form" role="form" action="/web/login" method="post">
<input type="hidden" name="csrf_token" value="${csrfToken(session)}">
<div class="mb-3 field-login"><label for="login" class="form-label">Email</label><input type="text" placeholder="Email" name="login" id="login" required autofocus autocapitalize="off" class="form-control"></div>
<div class="mb-3"><label for="password" class="form-label">Password</label><input type="password" placeholder="Password" name="password" id="password" required class="form-control"></div>
${error ? `<p class="alert alert-danger" role="alert">${escapeHtml(error)}</p>` : ''}
<input type="hidden" name="redirect" value="${escapeHtml(redirectTo)}">
<div class="oe_login_buttons"><button type="submit" class="btn btn-primary">Log in</button></div>
</form><p>Database: ${escapeHtml(db.name)}</p></main>`,
    );
  }

  function sessionInfo(user: User) {
    // Keys of `ir.http.session_info()` that the extension reads (§8.1), plus a few it must ignore.
    return {
      uid: user.id,
      is_system: user.isSystem,
      is_admin: user.isAdmin,
      is_public: false,
      user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid: user.id },
      db: db.name,
      ...serverVersion(db.profile, db.edition),
      ...(db.profile.sessionHasBaseUrl ? { 'web.base.url': db.params.get('web.base.url') ?? '' } : {}),
      name: user.name,
      username: user.login,
      partner_display_name: user.name,
      partner_id: user.id + 1,
      support_url: 'https://www.odoo.com/buy',
      home_action_id: false,
    };
  }

  async function handleJson(req: IncomingMessage, res: ServerResponse, path: string) {
    const body = await readBody(req);
    const session = sessionOf(req);
    const user = session?.uid ? db.users.get(session.uid) : undefined;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      authenticated: !!user,
      body,
      at: Date.now(),
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
    };
    requests.push(record);
    // Odoo dispatches JSON routes on the mimetype; anything else is a 400 (odoo/http.py, §8.1).
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (type !== 'application/json' && type !== 'application/json-rpc') {
      html(
        res,
        400,
        '400 Bad Request',
        `<h1>Bad Request</h1><p>Request inferred type is compatible with ['http'] but '${escapeHtml(path)}' is type='json'.</p>`,
      );
      return;
    }
    let payload: { id?: unknown; params?: Record<string, unknown> };
    try {
      payload = JSON.parse(body);
    } catch {
      html(res, 400, '400 Bad Request', '<h1>Bad Request</h1><p>Invalid JSON data</p>');
      return;
    }
    const id = payload.id ?? null;
    const called = payload.params ?? {};
    if (
      replyDelay &&
      (!replyDelay.model || replyDelay.model === called.model) &&
      (!replyDelay.method || replyDelay.method === called.method)
    ) {
      await new Promise((r) => setTimeout(r, replyDelay?.ms ?? 0));
    }
    try {
      let result: unknown;
      if (path === '/web/session/authenticate') {
        // `res.users.authenticate` through JSON-RPC (captures steps 03–05, baseurl-*): a new session, and
        // an administrator's login rewrites web.base.url to the address it came through.
        const login = [...db.users.values()].find((u) => u.login === called.login);
        if (called.db !== db.name) throw new OdooException('odoo.exceptions.AccessError', 'Database not found.');
        if (!login || login.password !== called.password)
          throw new OdooException('odoo.exceptions.AccessDenied', 'Access Denied');
        if (session) db.sessions.delete(session.sid);
        const fresh = db.newSession(login.id);
        setSessionCookie(res, fresh);
        db.adminLoggedInFrom(login, baseLocation(req));
        json(res, { jsonrpc: '2.0', id, result: sessionInfo(login) });
        return;
      }
      if (!user) throw sessionExpired();
      if (path === '/web/session/get_session_info') {
        result = sessionInfo(user);
      } else {
        const params = payload.params ?? {};
        const model = String(params.model ?? '');
        const method = String(params.method ?? '');
        record.model = model;
        record.rpcMethod = method;
        const impl = MODELS[model];
        if (!impl) throw new OdooException('builtins.KeyError', model);
        if (method.startsWith('_')) {
          throw new OdooException(
            'odoo.exceptions.AccessError',
            `Private methods (such as ${method}) cannot be called remotely.`,
          );
        }
        const fn = impl.methods[method];
        if (!fn)
          throw new OdooException('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
        const args = Array.isArray(params.args) ? params.args : [];
        const kwargs = (params.kwargs ?? {}) as Record<string, unknown>;
        result = await fn({ db, user, origin }, args, kwargs);
      }
      json(res, { jsonrpc: '2.0', id, result });
    } catch (error) {
      const odooError =
        error instanceof OdooException
          ? error
          : new OdooException(
              `builtins.${error instanceof Error ? error.constructor.name : 'Exception'}`,
              String(error instanceof Error ? error.message : error),
            );
      json(res, errorEnvelope(id, odooError));
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
    if (
      req.method === 'POST' &&
      (path === '/web/session/get_session_info' ||
        path === '/web/session/authenticate' ||
        path === '/web/dataset/call_kw' ||
        path.startsWith('/web/dataset/call_kw/'))
    ) {
      return handleJson(req, res, path);
    }
    requests.push({ method: req.method ?? 'GET', path, authenticated: !!sessionOf(req)?.uid, at: Date.now() });

    if (path === '/web/login') {
      let session = sessionOf(req);
      if (!session) {
        session = db.newSession();
        setSessionCookie(res, session);
      }
      if (req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        if (form.get('csrf_token') !== csrfToken(session)) {
          return html(res, 400, '400 Bad Request', '<h1>Bad Request</h1><p>Session expired (invalid CSRF token)</p>');
        }
        const user = [...db.users.values()].find((u) => u.login === form.get('login') && u.password === form.get('password'));
        if (!user) return loginPage(res, session, form.get('redirect') ?? '', 'Wrong login/password');
        // Odoo rotates the session id on authentication.
        db.sessions.delete(session.sid);
        const fresh = db.newSession(user.id);
        db.adminLoggedInFrom(user, baseLocation(req));
        setSessionCookie(res, fresh);
        return redirect(res, form.get('redirect') || db.profile.home);
      }
      if (session.uid) return redirect(res, url.searchParams.get('redirect') || db.profile.home);
      return loginPage(res, session, url.searchParams.get('redirect') ?? '');
    }
    if ((path === '/google_gmail/confirm' || path === '/google_gmail/iap_confirm') && req.method === 'GET') {
      const session = sessionOf(req);
      const user = session?.uid ? db.users.get(session.uid) : undefined;
      if (!user) return redirect(res, `/web/login?redirect=${encodeURIComponent(url.pathname + url.search)}`);
      const answer =
        path === '/google_gmail/confirm' ? gmailConfirm(db, user, url.searchParams) : gmailIapConfirm(db, user, url.searchParams);
      if (!answer) return html(res, 404, '404 Not Found', '<h1>Not Found</h1>');
      if (answer.location) return redirect(res, answer.location);
      res.writeHead(answer.status, { 'Content-Type': answer.contentType });
      res.end(answer.body);
      return;
    }
    if (path === '/web/session/logout') {
      const session = sessionOf(req);
      if (session) db.sessions.delete(session.sid);
      return redirect(res, '/web/login');
    }
    if (path === '/web' || path === '/odoo' || path.startsWith('/odoo/') || path === '/') {
      const session = sessionOf(req);
      const user = session?.uid ? db.users.get(session.uid) : undefined;
      if (!user) return redirect(res, `/web/login?redirect=${encodeURIComponent(url.pathname + url.search)}`);
      return html(
        res,
        200,
        'Odoo',
        `<div class="o_web_client"><header class="o_main_navbar">Odoo ${escapeHtml(db.profile.label)} — ${escapeHtml(db.name)}</header><main><h1>Discuss</h1><p>Logged in as ${escapeHtml(user.name)}</p></main></div>`,
      );
    }
    return html(res, 404, '404: Not Found', '<h1>Not Found</h1><p>The requested URL was not found on the server.</p>');
  }

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
