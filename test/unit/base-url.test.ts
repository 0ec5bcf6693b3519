/**
 * Found when real Odoo was recorded: a stale web.base.url shown as Odoo's. Real Odoo rewrites web.base.url at every
 * administrator login to the address that login came through, unless frozen (captures fact 6,
 * `baseurl-*`; the fake does the same). The extension reads it again when the popup opens, before
 * "Connect your Gmail account" and at each monitor check, and a change is said on the spot.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { removeAllListeners } from '@/lib/messaging';
import { type ProbeResult, withBaseUrl } from '@/lib/odoo/probe';
import { googleItem, odooGmailItem, probeItem, setupItem } from '@/lib/state/items';
import { preventiveChecks } from '@/lib/troubleshoot/prevent';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';
import { installPermissions, POPUP, sendAs } from './helpers';
import { knownHosts } from './host-facts';

const GMAIL = 'sales@acme.com';
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

describe('withBaseUrl: what a new reading does to the stored probe', () => {
  const probe = (baseUrl: string, extra: Partial<NonNullable<ProbeResult['odoo']>> = {}): ProbeResult => ({
    origin: 'https://acme.odoo.com',
    at: 1,
    status: 'ok',
    odoo: {
      db: 'acme',
      version: '17.0',
      major: 17,
      minor: 0,
      saas: false,
      edition: 'community',
      isSystem: true,
      baseUrl,
      baseUrlFrozen: false,
      userName: null,
      userEmail: null,
      ...extra,
    },
  });

  it('a changed value keeps the one it replaced; the same value changes nothing', () => {
    const moved = withBaseUrl(probe('https://acme.odoo.com'), { baseUrl: 'http://localhost:8069', frozen: false }, 5);
    expect(moved.changed).toBe(true);
    expect(moved.probe.odoo).toMatchObject({
      baseUrl: 'http://localhost:8069',
      baseUrlWas: { value: 'https://acme.odoo.com', at: 5 },
    });
    const same = withBaseUrl(moved.probe, { baseUrl: 'http://localhost:8069', frozen: false }, 9);
    expect(same.changed).toBe(false);
    expect(same.probe.odoo?.baseUrlWas).toEqual({ value: 'https://acme.odoo.com', at: 5 });
  });

  it('moving twice keeps the first value (what the client was set up with); moving back settles it; freezing clears it', () => {
    const once = withBaseUrl(probe('https://acme.odoo.com'), { baseUrl: 'http://localhost:8069', frozen: false }, 5).probe;
    const twice = withBaseUrl(once, { baseUrl: 'http://10.0.0.5:8069', frozen: false }, 7).probe;
    expect(twice.odoo?.baseUrlWas?.value).toBe('https://acme.odoo.com');
    expect(withBaseUrl(twice, { baseUrl: 'https://acme.odoo.com', frozen: false }).probe.odoo?.baseUrlWas).toBeUndefined();
    const frozen = withBaseUrl(twice, { baseUrl: 'http://10.0.0.5:8069', frozen: true }).probe.odoo;
    expect(frozen?.baseUrlFrozen).toBe(true);
    expect(frozen?.baseUrlWas).toBeUndefined();
  });

  it('Before you connect says it, with the freeze action, until frozen', () => {
    const base = {
      odooOrigin: 'https://acme.odoo.com',
      webBaseUrl: 'https://erp.acme.com',
      baseUrlFrozen: false,
      baseUrlWas: 'https://acme.odoo.com',
      redirectUri: 'https://erp.acme.com/google_gmail/confirm',
      hosts: knownHosts('https://acme.odoo.com', 'https://erp.acme.com'),
      odooMajor: 17,
      edition: 'community' as const,
      accountType: 'workspace' as const,
      gmail: GMAIL,
      audience: 'internal' as const,
      publishing: 'production' as const,
      registeredRedirectUris: [],
      testUsers: [],
      projectId: null,
      clientId: null,
      lastConnectAt: null,
      now: 0,
    };
    const changed = preventiveChecks(base).find((w) => w.id === 'webBaseUrlChanged');
    expect(changed).toMatchObject({ severity: 'warn', action: 'freezeBaseUrl', step: 'client' });
    expect(changed?.cause).toEqual({
      key: 'prevent.webBaseUrlChanged.cause',
      params: {
        was: 'https://acme.odoo.com',
        baseUrl: 'https://erp.acme.com',
        redirectUri: 'https://erp.acme.com/google_gmail/confirm',
      },
    });
    expect(preventiveChecks({ ...base, baseUrlFrozen: true }).map((w) => w.id)).not.toContain('webBaseUrlChanged');
    expect(preventiveChecks({ ...base, baseUrlWas: null }).map((w) => w.id)).not.toContain('webBaseUrlChanged');
  });
});

describe('web.base.url read again, against the fake Odoo', () => {
  let client: FakeOdooClient;
  let origin: string;
  let elsewhere: string;

  beforeEach(async () => {
    client = await fakeOdooClient({ version: '18.0' });
    origin = client.odoo.origin;
    elsewhere = `http://localhost:${new URL(origin).port}`;
    installPermissions(['http://127.0.0.1/*']);
    vi.stubGlobal('fetch', client.fetch);
    startBackground();
    await setupItem.set(aSetup({ odooOrigin: origin, gmail: GMAIL, accountType: 'workspace' }));
    expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { odoo: { baseUrl: origin } } });
  });
  afterEach(async () => {
    removeAllListeners();
    vi.unstubAllGlobals();
    await client.stop();
  });

  const stored = async () => (await probeItem.get())?.odoo;

  it('the popup opening reads it again: an admin login through another address is seen, with the value it replaced', async () => {
    // Nothing moved: the popup's look changes nothing.
    expect(await sendAs(POPUP, 'recheckBaseUrl', {})).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ baseUrl: origin, baseUrlFrozen: false });
    expect((await stored())?.baseUrlWas).toBeUndefined();

    await client.odoo.loginFrom(elsewhere);
    expect(client.odoo.db.params.get('web.base.url')).toBe(elsewhere);
    expect(await sendAs(POPUP, 'recheckBaseUrl', {})).toMatchObject({ ok: true, value: { odoo: { baseUrl: elsewhere } } });
    expect(await stored()).toMatchObject({ baseUrl: elsewhere, baseUrlWas: { value: origin } });
    // Only the two parameters were asked for (one round trip, side by side).
    const last = client.calls().slice(-2);
    expect(last.map((c) => [c.method, c.args[0]])).toEqual([
      ['get_param', 'web.base.url'],
      ['get_param', 'web.base.url.freeze'],
    ]);

    // The fix: the person confirms the address and freezes it; the change is settled.
    expect(await sendAs(POPUP, 'freezeBaseUrl', { baseUrl: origin })).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ baseUrl: origin, baseUrlFrozen: true });
    expect((await stored())?.baseUrlWas).toBeUndefined();
    // Frozen: the next admin login elsewhere no longer moves it.
    await client.odoo.loginFrom(elsewhere);
    await sendAs(POPUP, 'recheckBaseUrl', {});
    expect(await stored()).toMatchObject({ baseUrl: origin, baseUrlFrozen: true });
  });

  async function readyServer() {
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: true, value: { clientId: ID } });
    expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
  }

  it('the monitor check reads it too', async () => {
    await readyServer();
    await client.odoo.loginFrom(elsewhere);
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await stored()).toMatchObject({ baseUrl: elsewhere, baseUrlWas: { value: origin } });
  });

  it('Connect your Gmail account: a moved URI the client is known not to list stops before Google, and says why', async () => {
    await readyServer();
    await googleItem.set({ ...(await googleItem.get()), redirectUris: [`${origin}/google_gmail/confirm`] });
    await client.odoo.loginFrom(elsewhere);
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(POPUP, 'connectGmail', {})).toEqual({
      ok: false,
      error: {
        key: 'odoo.err.redirectMoved',
        params: { redirectUri: `${elsewhere}/google_gmail/confirm`, was: origin },
      },
    });
    expect(opened).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ baseUrl: elsewhere, baseUrlWas: { value: origin } });
    expect((await odooGmailItem.get())?.connect).toBeNull();
  });

  it('Connect your Gmail account: with the registered URIs unknown, the connect goes on, and the new value is stored', async () => {
    await readyServer();
    await client.odoo.loginFrom(elsewhere);
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true, value: { via: 'google' } });
    expect(await stored()).toMatchObject({ baseUrl: elsewhere, baseUrlWas: { value: origin } });
    expect((await odooGmailItem.get())?.connect?.redirectUri).toBe(`${elsewhere}/google_gmail/confirm`);
  });
});
