import { describe, expect, it } from 'vitest';
import { moduleInfoFrom, probeOdoo } from '@/lib/odoo/probe';
import { parseOdooVersion } from '@/lib/odoo/version';
import { inRounds } from '../support/rounds';
import { fixture, odooRoutes, replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';

/** Odoo 17 whose session_info lacks web.base.url: the system parameter has it, the freeze is unset. */
function baseUrlFromParameter() {
  const session = fixture('session-17.0.json') as { result: Record<string, unknown> };
  delete session.result['web.base.url'];
  return replay(({ path, body }) => {
    if (path === '/web/session/get_session_info') return { json: session };
    if (body.params?.model === 'ir.config_parameter' && body.params.args?.[0] === 'web.base.url')
      return { json: { jsonrpc: '2.0', id: 3, result: 'https://erp.acme.com' } };
    if (body.params?.args?.[0] === 'web.base.url.freeze') return { json: { jsonrpc: '2.0', id: 5, result: false } };
    if (body.params?.args?.[0] === 'database.is_neutralized') return { json: { jsonrpc: '2.0', id: 6, result: false } };
    if (body.params?.args?.[0] === 'google_gmail_client_id')
      return { json: { jsonrpc: '2.0', id: 7, result: '123456789012-abc.apps.googleusercontent.com' } };
    return odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' })({ path, body });
  });
}

describe('probeOdoo against recorded replies of each version', () => {
  it.each([
    ['session-15.0.json', '15.0', 15, 'community', false],
    ['session-16.0.json', '16.0', 16, 'community', false],
    ['session-17.0.json', '17.0', 17, 'community', false],
    ['session-saas-17.4-e.json', 'saas~17.4', 17, 'enterprise', true],
    ['session-18.0-e.json', '18.0', 18, 'enterprise', false],
    ['session-19.0.json', '19.0', 19, 'community', false],
  ])('%s → Odoo %s', async (session, version, major, edition, saas) => {
    const r = replay(odooRoutes({ session, modules: 'modules-installed-17.0.json' }));
    const result = await probeOdoo(ORIGIN, { fetch: r.fetch });
    expect(result).toMatchObject({
      origin: ORIGIN,
      status: 'ok',
      odoo: {
        db: 'acme',
        version,
        major,
        edition,
        saas,
        isSystem: true,
        baseUrl: 'https://acme.odoo.com',
        userEmail: 'admin@acme.com',
      },
      gmailModule: { state: 'installed', outdated: false },
    });
    // get_session_info, the user's address, the module, web.base.url.freeze, database.is_neutralized and the
    // Client ID Odoo holds: six requests, all with the session cookie.
    expect(r.calls.map((c) => c.body.params?.method ?? new URL(c.url).pathname)).toEqual([
      '/web/session/get_session_info',
      'read',
      'search_read',
      'get_param',
      'get_param',
      'get_param',
    ]);
    expect(r.calls.slice(3).map((c) => c.body.params?.args?.[0])).toEqual([
      'web.base.url.freeze',
      'database.is_neutralized',
      'google_gmail_client_id',
    ]);
    expect(r.calls.every((c) => c.init.credentials === 'include')).toBe(true);
  });

  it('two round trips deep: session_info, then the address, web.base.url, the module, the freeze and the neutralization flag together', async () => {
    const r = baseUrlFromParameter();
    // Each request is tagged with the round trip it left in (test/support/rounds.ts).
    const rounds = inRounds(r.fetch);
    const result = await probeOdoo(ORIGIN, { fetch: rounds.fetch });
    expect(result).toMatchObject({
      status: 'ok',
      odoo: { baseUrl: 'https://erp.acme.com', baseUrlFrozen: false, neutralized: false },
    });
    expect(rounds.tags).toEqual([0, 1, 1, 1, 1, 1, 1]);
  });

  it('a neutralized copy (database.is_neutralized set, odoo-gmail.md §9.1) is said so; an unreadable flag is unknown, not false', async () => {
    const routes = odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' });
    const neutralized = replay(({ path, body }) =>
      body.params?.args?.[0] === 'database.is_neutralized'
        ? { json: { jsonrpc: '2.0', id: 6, result: 'true' } }
        : routes({ path, body }),
    );
    const copy = await probeOdoo(ORIGIN, { fetch: neutralized.fetch });
    expect(copy).toMatchObject({ status: 'ok', odoo: { neutralized: true }, gmailModule: { state: 'installed' } });

    const refused = replay(({ path, body }) =>
      body.params?.args?.[0] === 'database.is_neutralized'
        ? {
            json: {
              jsonrpc: '2.0',
              id: 6,
              error: { code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessError', message: 'no' } },
            },
          }
        : routes({ path, body }),
    );
    const unknown = await probeOdoo(ORIGIN, { fetch: refused.fetch });
    expect(unknown).toMatchObject({ status: 'ok', odoo: { neutralized: null } });
  });

  it('asks only for google_gmail and the four fields it needs', async () => {
    const r = replay(odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' }));
    await probeOdoo(ORIGIN, { fetch: r.fetch });
    expect(r.calls[2]?.body.params).toMatchObject({
      model: 'ir.module.module',
      method: 'search_read',
      args: [[['name', 'in', ['google_gmail']]]],
      kwargs: { fields: ['name', 'state', 'latest_version', 'installed_version'] },
    });
  });

  it('sees the outdated module of the "Forbidden" FAQ (15.0: database 0.1, code 1.0)', async () => {
    const r = replay(odooRoutes({ session: 'session-15.0.json', modules: 'modules-outdated-15.0.json' }));
    expect((await probeOdoo(ORIGIN, { fetch: r.fetch })).gmailModule).toEqual({
      state: 'installed',
      dbVersion: '15.0.0.1',
      codeVersion: '15.0.1.0',
      outdated: true,
    });
  });

  it('sees an uninstalled module', async () => {
    const r = replay(odooRoutes({ session: 'session-16.0.json', modules: 'modules-uninstalled-16.0.json' }));
    expect((await probeOdoo(ORIGIN, { fetch: r.fetch })).gmailModule).toMatchObject({ state: 'uninstalled', outdated: false });
  });

  it('reads web.base.url from the system parameter when session_info lacks it', async () => {
    const r = baseUrlFromParameter();
    expect((await probeOdoo(ORIGIN, { fetch: r.fetch })).odoo?.baseUrl).toBe('https://erp.acme.com');
  });

  it('a logged-in non-administrator: notAdmin, and no module read', async () => {
    const session = fixture('session-17.0.json') as { result: Record<string, unknown> };
    Object.assign(session.result, { uid: 6, is_system: false, is_admin: false });
    const r = replay(({ path, body }) =>
      path === '/web/session/get_session_info' ? { json: session } : odooRoutes({ session: 'session-17.0.json' })({ path, body }),
    );
    const result = await probeOdoo(ORIGIN, { fetch: r.fetch });
    expect(result).toMatchObject({ status: 'notAdmin', odoo: { db: 'acme', isSystem: false } });
    expect(r.calls.some((c) => c.body.params?.model === 'ir.module.module')).toBe(false);
  });

  it.each([
    ['nobody logged in', () => ({ json: fixture('error-session-expired.json') }), 'notLoggedIn'],
    [
      'uid false in session_info',
      () => ({
        json: { jsonrpc: '2.0', id: 1, result: { ...(fixture('session-17.0.json') as { result: object }).result, uid: false } },
      }),
      'notLoggedIn',
    ],
    ['a web server that is not Odoo', () => ({ status: 405, text: '<h1>405 Not Allowed</h1>' }), 'notOdoo'],
    ['HTML with 200 (SSO wall)', () => ({ text: '<html>Sign in with Okta</html>' }), 'notOdoo'],
    ['JSON-RPC but not session_info', () => ({ json: { jsonrpc: '2.0', id: 1, result: { hello: 1 } } }), 'notOdoo'],
    ['a 502 from the proxy', () => ({ status: 502, text: 'Bad Gateway' }), 'serverError'],
    ['nobody answering', () => undefined, 'unreachable'],
  ])('%s → %s', async (_label, route, status) => {
    const r = replay(route);
    expect((await probeOdoo(ORIGIN, { fetch: r.fetch })).status).toBe(status);
  });

  it('reports a connection lost between two calls instead of a half-known Odoo', async () => {
    let n = 0;
    const r = replay(({ path, body }) => (++n <= 2 ? odooRoutes({ session: 'session-17.0.json' })({ path, body }) : undefined));
    expect((await probeOdoo(ORIGIN, { fetch: r.fetch })).status).toBe('unreachable');
  });
});

describe('moduleInfoFrom: Odoo swaps the two version fields (odoo-gmail.md §8.5)', () => {
  it('compares the database version (latest_version) with the code (installed_version)', () => {
    expect(
      moduleInfoFrom([
        { id: 1, name: 'google_gmail', state: 'installed', latest_version: '16.0.1.2', installed_version: '16.0.1.2' },
      ]).outdated,
    ).toBe(false);
    expect(
      moduleInfoFrom([
        { id: 1, name: 'google_gmail', state: 'installed', latest_version: '16.0.1.0', installed_version: '16.0.1.2' },
      ]).outdated,
    ).toBe(true);
    expect(
      moduleInfoFrom([
        { id: 1, name: 'google_gmail', state: 'to upgrade', latest_version: '16.0.1.2', installed_version: '16.0.1.2' },
      ]).outdated,
    ).toBe(true);
    expect(moduleInfoFrom([])).toEqual({ state: 'missing', dbVersion: null, codeVersion: null, outdated: false });
  });
});

describe('parseOdooVersion', () => {
  it.each([
    [[15, 0, 0, 'final', 0, ''], '15.0', { label: '15.0', major: 15, edition: 'community', saas: false }],
    [[17, 0, 0, 'final', 0, 'e'], '17.0+e', { label: '17.0', major: 17, edition: 'enterprise' }],
    [
      ['saas~17', 4, 0, 'final', 0, 'e'],
      'saas~17.4+e',
      { label: 'saas~17.4', major: 17, minor: 4, saas: true, edition: 'enterprise' },
    ],
    [['saas~18', 2, 0, 'final', 0, ''], 'saas~18.2', { label: 'saas~18.2', major: 18, minor: 2, edition: 'community' }],
    [[19, 0, 0, 'final', 0, ''], '19.0+e', { label: '19.0', edition: 'enterprise' }],
  ])('%j', (info, server, expected) => expect(parseOdooVersion(info, server)).toMatchObject(expected));

  it('refuses nonsense', () => {
    expect(parseOdooVersion(['banana', 1])).toBeNull();
    expect(parseOdooVersion([0, 0])).toBeNull();
  });
});
