/**
 * The troubleshooter's background side: who may ask for a diagnosis, the diagnosis made with
 * what the extension knows and stored, Odoo's confirm page read through executeScript, web.base.url
 * frozen on a confirmed value, and diagnoses cleared once a later fact proves their fix.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { senderKind } from '@/lib/background/senders';
import { clearVerified, onConfirmTab } from '@/lib/background/troubleshoot';
import { removeAllListeners } from '@/lib/messaging';
import { diagnosesItem, googleItem, monitorItem, probeItem, publishChoiceItem, setupItem } from '@/lib/state/items';
import { aSetup } from '../support/builders';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const GMAIL = 'me@gmail.com';
const ERROR_URL = 'https://accounts.google.com/signin/oauth/error?authError=Cg&client_id=1-a.apps.googleusercontent.com';
const SIGN_IN_TAB = { id: 'test-extension-id', url: ERROR_URL, tab: { id: 9, url: ERROR_URL }, frameId: 0 };
const REPORT = {
  code: 'redirect_uri_mismatch',
  message: null,
  clientId: null,
  redirectUri: 'http://acme.example.com/google_gmail/confirm',
};

let client: FakeOdooClient;

async function start(options: { baseUrl?: string; version?: string; gmail?: 'installed' | 'outdated' } = {}) {
  client = await fakeOdooClient(options);
  installPermissions(['http://127.0.0.1/*']);
  vi.stubGlobal('fetch', client.fetch);
  startBackground();
  await setupItem.set(aSetup({ odooOrigin: client.odoo.origin, gmail: GMAIL }));
  await sendAs(POPUP, 'probeOdoo', {});
}

afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  await client?.stop();
});

describe('who may ask for a sign-in diagnosis', () => {
  it.each([
    [SIGN_IN_TAB, 'signInContent'],
    [{ ...SIGN_IN_TAB, url: 'https://accounts.google.com/signin/oauth/error/v2?authError=Cg' }, 'signInContent'],
    [{ ...SIGN_IN_TAB, url: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x' }, null],
    [{ ...SIGN_IN_TAB, url: 'https://accounts.google.com/signin/oauth/errorx' }, null],
    [{ ...SIGN_IN_TAB, url: 'http://accounts.google.com/signin/oauth/error' }, null],
    [{ ...SIGN_IN_TAB, url: 'https://accounts.google.com.evil.example/signin/oauth/error' }, null],
    [{ ...SIGN_IN_TAB, frameId: 3 }, null],
    [{ ...SIGN_IN_TAB, tab: undefined }, null],
    [{ ...SIGN_IN_TAB, id: 'another-extension' }, null],
  ])('%j → %s', (sender, kind) => expect(senderKind(sender)).toBe(kind));

  it('refuses the popup, the Console script and a malformed report', async () => {
    await start();
    for (const sender of [POPUP, CONSOLE_TAB]) {
      expect(await sendAs(sender, 'diagnoseSignIn', REPORT)).toEqual({ ok: false, error: { key: 'err.sender' } });
    }
    expect(await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', { ...REPORT, code: 'x'.repeat(500) })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
    expect(await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', { ...REPORT, secret: 'x' })).toMatchObject({ ok: false });
    expect(await diagnosesItem.get()).toEqual([]);
    // And the page's script may not freeze Odoo's base URL.
    expect(await sendAs(SIGN_IN_TAB, 'freezeBaseUrl', { baseUrl: 'https://x.example' })).toEqual({
      ok: false,
      error: { key: 'err.sender' },
    });
  });
});

describe('diagnoseSignIn', () => {
  it('compares what Odoo sent with what it computes now and stores the diagnosis (no secret)', async () => {
    await start({ baseUrl: 'https://acme.example.com' });
    await googleItem.update((g) => ({ ...g, projectId: 'odoo-123', clientId: '1-a.apps.googleusercontent.com' }));
    const sent = 'https://acme.example.com:8443/google_gmail/confirm';
    const reply = (await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', { ...REPORT, redirectUri: sent })) as {
      ok: true;
      value: { id: string; link: string };
    };
    expect(reply).toMatchObject({
      ok: true,
      value: { id: 'redirect_uri_mismatch', step: 'client', value: sent },
    });
    expect(reply.value.link).toBe(
      'https://console.cloud.google.com/auth/clients/1-a.apps.googleusercontent.com?project=odoo-123',
    );
    const stored = await diagnosesItem.get();
    expect(stored).toMatchObject([{ id: 'redirect_uri_mismatch', step: 'client', source: 'signIn', origin: client.odoo.origin }]);
    expect(JSON.stringify(stored)).not.toContain('GOCSPX');
  });

  it('an http URI Google refuses: no value to add, web.base.url https + freeze with proxy_mode (self-hosted)', async () => {
    await start({ baseUrl: 'http://acme.example.com' });
    const reply = (await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', REPORT)) as { ok: true; value: Record<string, unknown> };
    expect(reply.value).toMatchObject({
      id: 'redirect_uri_mismatch',
      cause: { key: 'diag.redirect_uri_mismatch.causeRefused' },
      fix: { key: 'diag.refused.fixProxy', params: { baseUrl: 'https://acme.example.com' } },
    });
    expect(reply.value.value).toBeUndefined();
    expect((await diagnosesItem.get())[0]?.value).toBeUndefined();
  });

  it('access_denied: the setup address, for the Audience page', async () => {
    await start();
    const reply = await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', { ...REPORT, code: 'access_denied', redirectUri: null });
    expect(reply).toMatchObject({
      ok: true,
      value: { id: 'access_denied', step: 'testUser', value: GMAIL, link: 'https://console.cloud.google.com/auth/audience' },
    });
  });

  it('keeps one diagnosis per step: the latest', async () => {
    await start();
    await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', { ...REPORT, code: 'invalid_client' });
    await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', REPORT);
    expect((await diagnosesItem.get()).map((d) => d.id)).toEqual(['redirect_uri_mismatch']);
  });
});

describe("Odoo's /google_gmail/confirm", () => {
  function stubScripting(page: { title: string; text: string }) {
    const executeScript = vi.fn(async (options: { func?: unknown; files?: string[] }) =>
      options.func && !options.files ? [{ result: page }] : [{ result: undefined }],
    );
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    return executeScript;
  }

  it('reads the page of the stored Odoo, diagnoses the outdated module, and shows the panel', async () => {
    await start({ version: '15.0', gmail: 'outdated' });
    const executeScript = stubScripting({
      title: '403 Forbidden',
      text: "Forbidden\nYou don't have the permission to access the requested resource.",
    });
    const d = await onConfirmTab(4, `${client.odoo.origin}/google_gmail/confirm?code=x&state=y`, 'complete');
    expect(d).toMatchObject({ id: 'forbiddenOutdated', step: 'module' });
    expect(await diagnosesItem.get()).toMatchObject([{ id: 'forbiddenOutdated', source: 'confirm' }]);
    const calls = executeScript.mock.calls.map(([o]) => o as { target: unknown; files?: string[] });
    expect(calls[0]?.target).toEqual({ tabId: 4, frameIds: [0] });
    expect(calls[1]?.files).toEqual(['/diagnosis-panel.js']);
    expect(calls).toHaveLength(3);
  });

  it('ignores another origin, another path, a loading tab and a page without a known failure', async () => {
    await start();
    const executeScript = stubScripting({ title: 'Odoo', text: 'Welcome' });
    expect(await onConfirmTab(4, 'https://evil.example/google_gmail/confirm', 'complete')).toBeNull();
    expect(await onConfirmTab(4, `${client.odoo.origin}/odoo/settings`, 'complete')).toBeNull();
    expect(await onConfirmTab(4, `${client.odoo.origin}/google_gmail/confirm`, 'loading')).toBeNull();
    expect(executeScript).not.toHaveBeenCalled();
    expect(await onConfirmTab(4, `${client.odoo.origin}/google_gmail/confirm`, 'complete')).toBeNull();
    expect(await diagnosesItem.get()).toEqual([]);
  });
});

describe('freezeBaseUrl', () => {
  it('sets web.base.url to the confirmed origin and the freeze flag, then re-probes', async () => {
    await start({ baseUrl: 'http://odoo.internal:8069' });
    expect((await probeItem.get())?.odoo).toMatchObject({ baseUrl: 'http://odoo.internal:8069', baseUrlFrozen: false });
    const reply = await sendAs(POPUP, 'freezeBaseUrl', { baseUrl: `${client.odoo.origin}/web?debug=1` });
    expect(reply).toEqual({ ok: true, value: { baseUrl: client.odoo.origin } });
    expect(client.odoo.db.params.get('web.base.url')).toBe(client.odoo.origin);
    expect(client.odoo.db.params.get('web.base.url.freeze')).toBe('True');
    expect((await probeItem.get())?.odoo).toMatchObject({ baseUrl: client.odoo.origin, baseUrlFrozen: true });
  });

  it.each(['javascript:alert(1)', 'not a url', 'https://user:pw@acme.example.com'])('refuses %s', async (value) => {
    await start();
    expect(await sendAs(POPUP, 'freezeBaseUrl', { baseUrl: value })).toMatchObject({
      ok: false,
      error: { key: 'prevent.freeze.badUrl' },
    });
    expect(client.odoo.db.params.get('web.base.url.freeze')).toBeUndefined();
  });
});

describe('clearing a diagnosis once its fix is proven', () => {
  it('a token found after the failure clears it; one found before does not', async () => {
    await start();
    await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', REPORT);
    const at = (await diagnosesItem.get())[0]?.at ?? 0;
    const monitor = {
      origin: client.odoo.origin,
      serverId: 1,
      trigger: 'connect' as const,
      status: 'ok' as const,
      token: true,
      test: null,
      detail: null,
      verdict: 'green' as const,
      notifiedAt: null,
      lastGreenAt: null,
    };
    await monitorItem.set({ ...monitor, at: at - 1000 });
    await clearVerified();
    expect(await diagnosesItem.get()).toHaveLength(1);
    await monitorItem.set({ ...monitor, at: at + 1000 });
    await clearVerified();
    expect(await diagnosesItem.get()).toEqual([]);
  });

  it('a redirect URI now registered on the client clears the mismatch', async () => {
    await start();
    await sendAs(SIGN_IN_TAB, 'diagnoseSignIn', REPORT);
    await googleItem.update((g) => ({ ...g, redirectUris: [`${client.odoo.origin}/google_gmail/confirm`] }));
    await clearVerified();
    expect(await diagnosesItem.get()).toEqual([]);
  });
});

describe('choosePublishing', () => {
  it('only the popup may choose; the Console assistant then reads the choice', async () => {
    await start();
    expect(await sendAs(CONSOLE_TAB, 'choosePublishing', { choice: 'production' })).toEqual({
      ok: false,
      error: { key: 'err.sender' },
    });
    expect(await sendAs(POPUP, 'choosePublishing', { choice: 'published' })).toMatchObject({ ok: false });
    expect(await sendAs(POPUP, 'choosePublishing', { choice: 'production' })).toEqual({ ok: true, value: null });
    expect(await publishChoiceItem.get()).toBe('production');
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'audience' })).toMatchObject({
      ok: true,
      value: { publishChoice: 'production' },
    });
  });
});
