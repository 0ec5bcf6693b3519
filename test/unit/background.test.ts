import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/lib/background';
import { dispatch } from '@/lib/background/router';
import { senderKind } from '@/lib/background/senders';
import { removeAllListeners } from '@/lib/messaging';
import { probeItem, setupItem } from '@/lib/state/items';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';
import { odooRoutes, replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';
const PATTERN = 'https://acme.odoo.com/*';

let permissions: ReturnType<typeof installPermissions>;
let odoo: ReturnType<typeof replay>;

beforeEach(() => {
  permissions = installPermissions();
  odoo = replay(odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' }));
  vi.stubGlobal('fetch', odoo.fetch);
  startBackground();
});
afterEach(() => {
  removeAllListeners();
  vi.unstubAllGlobals();
});

describe('who may talk to the background', () => {
  it.each([
    [POPUP, 'extensionPage'],
    [CONSOLE_TAB, 'consoleContent'],
    [{ ...POPUP, id: 'another-extension' }, null],
    [{ id: 'test-extension-id', url: 'https://evil.example.com/', tab: { id: 3 }, frameId: 0 }, null],
    [{ ...CONSOLE_TAB, frameId: 2 }, null],
    [{ ...CONSOLE_TAB, url: 'http://console.cloud.google.com/' }, null],
    [{ id: 'test-extension-id' }, null],
    [{}, null],
  ])('%j → %s', (sender, kind) => expect(senderKind(sender)).toBe(kind));

  it('refuses a popup-only message from the Console content script, before reading it', async () => {
    const handler = vi.fn();
    const reply = await dispatch('saveSetup', handler, { odooUrl: ORIGIN, gmail: '', accountType: null }, CONSOLE_TAB);
    expect(reply).toEqual({ ok: false, error: { key: 'err.sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    [null],
    ['https://acme.odoo.com'],
    [{ odooUrl: 42, gmail: '', accountType: null }],
    [{ odooUrl: ORIGIN, gmail: '', accountType: 'business' }],
    [{ odooUrl: 'x'.repeat(5000), gmail: '', accountType: null }],
  ])('refuses malformed payload #%# with a clear error', async (payload) => {
    const handler = vi.fn();
    const reply = await dispatch('saveSetup', handler, payload, POPUP);
    expect(reply).toEqual({ ok: false, error: { key: 'err.payload', params: { name: 'saveSetup' } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers with an error when a handler throws', async () => {
    const reply = await dispatch('probeOdoo', async () => Promise.reject(new RangeError('x')), {}, POPUP);
    expect(reply).toEqual({ ok: false, error: { key: 'err.internal', params: { detail: 'RangeError' } } });
  });
});

describe('saveSetup and probeOdoo through the message channel', () => {
  it('validates again in the background and stores nothing that is invalid', async () => {
    const reply = await sendAs(POPUP, 'saveSetup', { odooUrl: 'ftp://x', gmail: 'me@', accountType: null });
    expect(reply).toMatchObject({ ok: false, error: { key: 'err.form' }, fieldErrors: { odooUrl: {}, gmail: {} } });
    expect(await setupItem.get()).toBeNull();
  });

  it('stores the origin, then probes only with the permission granted', async () => {
    expect(await sendAs(POPUP, 'saveSetup', { odooUrl: `${ORIGIN}/`, gmail: '', accountType: null })).toMatchObject({
      ok: true,
      value: { odooOrigin: ORIGIN },
    });
    expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: 'permissionDenied' } });
    expect(odoo.calls).toHaveLength(0);

    permissions.granted.add(PATTERN);
    const reply = await sendAs(POPUP, 'probeOdoo', {});
    expect(reply).toMatchObject({ ok: true, value: { status: 'ok', odoo: { db: 'acme', version: '17.0' } } });
    expect(await probeItem.get()).toMatchObject({ origin: ORIGIN, status: 'ok' });
  });

  it("proposes the Odoo user's address and guesses the account type from it", async () => {
    permissions.granted.add(PATTERN);
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: '', accountType: null });
    await sendAs(POPUP, 'probeOdoo', {});
    expect(await setupItem.get()).toEqual({
      odooOrigin: ORIGIN,
      gmail: 'admin@acme.com',
      accountType: 'workspace',
      gmailProposed: true,
    });
    // Saving the form unchanged keeps it marked as a proposal; typing another address makes it the person's.
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'admin@acme.com', accountType: 'workspace' });
    expect((await setupItem.get())?.gmailProposed).toBe(true);
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'sales@acme.com', accountType: 'workspace' });
    expect(await setupItem.get()).toMatchObject({ gmail: 'sales@acme.com', gmailProposed: false });
  });

  it('never overwrites an address the person typed', async () => {
    permissions.granted.add(PATTERN);
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    await sendAs(POPUP, 'probeOdoo', {});
    expect(await setupItem.get()).toMatchObject({ gmail: 'me@gmail.com', accountType: 'personal', gmailProposed: false });
  });

  it('shares one probe between concurrent callers', async () => {
    permissions.granted.add(PATTERN);
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    await Promise.all([sendAs(POPUP, 'probeOdoo', {}), sendAs(POPUP, 'probeOdoo', {})]);
    expect(odoo.calls.filter((c) => c.url.endsWith('/web/session/get_session_info'))).toHaveLength(1);
  });

  it('forgets the probe of the previous origin when the URL changes', async () => {
    permissions.granted.add(PATTERN);
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    await sendAs(POPUP, 'probeOdoo', {});
    await sendAs(POPUP, 'saveSetup', { odooUrl: 'https://other.odoo.com', gmail: 'me@gmail.com', accountType: null });
    expect(await probeItem.get()).toBeNull();
  });

  it("probes when the grant overtakes the popup's saveSetup (Firefox closes the popup at its prompt)", async () => {
    // Not awaited: the fake awaits the onAdded listeners, which now wait for the setup.
    const granted = permissions.request({ origins: [PATTERN] });
    expect(await probeItem.get()).toBeNull();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    await vi.waitFor(async () => expect((await probeItem.get())?.status).toBe('ok'));
    expect(odoo.calls.filter((c) => c.url.endsWith('/web/session/get_session_info'))).toHaveLength(1);
    await granted;
  });

  it('a grant for another origin does not probe the stored one', async () => {
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    void permissions.request({ origins: ['https://other.odoo.com/*'] });
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'you@gmail.com', accountType: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(await probeItem.get()).toBeNull();
    expect(odoo.calls).toHaveLength(0);
  });

  it('probes when the permission is granted from a prompt that outlived the popup, and shows a revoke', async () => {
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: null });
    await permissions.request({ origins: [PATTERN] });
    await vi.waitFor(async () => expect((await probeItem.get())?.status).toBe('ok'));
    await permissions.revoke(PATTERN);
    await vi.waitFor(async () => expect((await probeItem.get())?.status).toBe('permissionDenied'));
  });
});
