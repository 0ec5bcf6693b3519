/**
 * "Also receive mail from this Gmail" through the real background against the fake Odoo of 15.0–19.0 (which
 * replays real Odoo's incoming flow, captures facts 15–22): the click creates the incoming server and opens
 * Google's consent, the return to the server's form runs Test & Confirm; never a second server; Odoo's
 * refusals kept; and how many round trips deep each part is.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isIncomingReturn, onIncomingTab, STALE_FETCH_MS } from '@/lib/background/incoming';
import { removeAllListeners } from '@/lib/messaging';
import { incomingItem } from '@/lib/state/incoming';
import { monitorItem } from '@/lib/state/items';
import { inRounds } from '../support/rounds';
import { connectedBackground, consentThroughGoogle, type FakeOdooClient } from './fake-odoo-fetch';
import { POPUP, sendAs } from './helpers';

const GMAIL = 'sales@acme.com';
const CREDENTIALS = { clientId: '123-incoming.apps.googleusercontent.com', clientSecret: 'GOCSPX-incoming' };

let client: FakeOdooClient;
afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  await client.stop();
});

async function start(version: string, credentials = true) {
  client = await connectedBackground({ version }, GMAIL);
  if (credentials) {
    client.odoo.db.params.set('google_gmail_client_id', CREDENTIALS.clientId);
    client.odoo.db.params.set('google_gmail_client_secret', CREDENTIALS.clientSecret);
  }
}

const servers = () => [...client.odoo.db.table('fetchmail.server').values()];
/** Where Odoo's confirm route sends the browser back (captures fact 16). */
const formOf = (version: string, id: number) =>
  Number.parseInt(version, 10) >= 18
    ? `${client.odoo.origin}/odoo/fetchmail.server/${id}`
    : `${client.odoo.origin}/web#id=${id}&model=fetchmail.server&view_type=form`;

describe.each(['15.0', '16.0', '17.0', '18.0', '19.0'])('also receive mail on %s', (version) => {
  it("one click, Google's two screens, then Test & Confirm on the return: Confirmed, and where mail lands", async () => {
    await start(version);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(POPUP, 'receiveMail', {})).toEqual({ ok: true, value: { action: 'created' } });
    expect(servers()).toHaveLength(1);
    const id = Number(servers()[0]?.id);
    expect(await incomingItem.get()).toMatchObject({ status: 'waiting', serverId: id, gmail: GMAIL });
    const consentUrl = String(create.mock.calls[0]?.[0].url);
    expect(new URL(consentUrl).origin).toBe('https://accounts.google.com');
    expect(new URL(consentUrl).searchParams.get('redirect_uri')).toBe(`${client.odoo.origin}/google_gmail/confirm`);

    // Google's two screens (the fake's stand-in), and Odoo's redirect to the server's form.
    expect(await consentThroughGoogle(client, id, CREDENTIALS, GMAIL, 'fetchmail.server')).toBe(303);
    expect(isIncomingReturn(formOf(version, id), client.odoo.origin, id)).toBe(true);
    await onIncomingTab(formOf(version, id), 'complete');
    expect(await incomingItem.get()).toMatchObject({
      status: 'confirmed',
      error: null,
      server: { confirmed: true, token: true, lastFetch: null, landing: { kind: 'nowhere' } },
    });
    expect(servers()[0]?.state).toBe('done');

    // Again: the same server, nothing new (15.0's flag is written again: the lookup runs beside fields_get).
    expect(await sendAs(POPUP, 'receiveMail', {})).toMatchObject({
      ok: true,
      value: { action: version === '15.0' ? 'updated' : 'unchanged' },
    });
    expect(servers()).toHaveLength(1);
  });
});

describe('failures are kept, in Odoo’s words', () => {
  it('no client ID and secret in Odoo: "Please configure your Gmail credentials." and no tab', async () => {
    await start('17.0', false);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await sendAs(POPUP, 'receiveMail', {});
    expect(reply).toMatchObject({
      ok: false,
      error: { key: 'odoo.err.refused', params: { text: 'Please configure your Gmail credentials.' } },
    });
    expect(await incomingItem.get()).toMatchObject({ status: 'failed', error: { key: 'odoo.err.refused' } });
    expect(create).not.toHaveBeenCalled();
  });

  it('back on the form without a consent: Test & Confirm fails with fact 18’s text, the server stays Not Confirmed', async () => {
    await start('18.0');
    await sendAs(POPUP, 'receiveMail', {});
    const id = Number(servers()[0]?.id);
    await onIncomingTab(formOf('18.0', id), 'complete');
    expect(await incomingItem.get()).toMatchObject({
      status: 'failed',
      error: { key: 'incoming.reading.tokenRevoked' },
      refusal: { odooText: 'Connection test failed: An error occurred when fetching the access token.', reading: 'tokenRevoked' },
    });
    expect(servers()[0]?.state).toBe('draft');
  });

  it("left on Odoo's confirm page (Google's error, or Odoo refused): refused, and nothing is confirmed", async () => {
    await start('16.0');
    await sendAs(POPUP, 'receiveMail', {});
    await onIncomingTab(`${client.odoo.origin}/google_gmail/confirm?error=access_denied`, 'complete');
    expect(await incomingItem.get()).toMatchObject({ status: 'refused', error: { key: 'incoming.err.refused' } });
    // Another page of the Odoo, or another server's form, is not the return.
    expect(isIncomingReturn(`${client.odoo.origin}/odoo/fetchmail.server/99`, client.odoo.origin, 1)).toBe(false);
    expect(isIncomingReturn('https://evil.example/odoo/fetchmail.server/1', client.odoo.origin, 1)).toBe(false);
  });
});

describe('one Odoo operation at a time', () => {
  it('a second click while the first runs is refused as busy, and there is still one server', async () => {
    await start('17.0');
    const [first, second] = await Promise.all([sendAs(POPUP, 'receiveMail', {}), sendAs(POPUP, 'receiveMail', {})]);
    expect(first).toEqual({ ok: true, value: { action: 'created' } });
    expect(second).toEqual({ ok: false, error: { key: 'odoo.err.busy' } });
    expect(servers()).toHaveLength(1);
    // The same holds against the outgoing side's operations: one lock for all of the person's clicks.
    const [outgoing, incoming] = await Promise.all([sendAs(POPUP, 'setupMailServer', {}), sendAs(POPUP, 'receiveMail', {})]);
    expect(outgoing).toMatchObject({ ok: true });
    expect(incoming).toEqual({ ok: false, error: { key: 'odoo.err.busy' } });
  });
});

describe('round trips (lock-step rounds)', () => {
  it('the click is 4 deep for a new server (2 when it holds the values already); the return 2', async () => {
    await start('17.0');
    const rounds = inRounds(client.fetch);
    vi.stubGlobal('fetch', rounds.fetch);
    await sendAs(POPUP, 'receiveMail', {});
    expect(rounds.depth()).toBe(4); // fields_get ∥ lookup → create → read-back → consent URL
    const id = Number(servers()[0]?.id);
    await consentThroughGoogle(client, id, CREDENTIALS, GMAIL, 'fetchmail.server');
    rounds.reset();
    await onIncomingTab(formOf('17.0', id), 'complete');
    expect(rounds.depth()).toBe(2); // Test & Confirm → (record ∥ token count ∥ alias)
    rounds.reset();
    await sendAs(POPUP, 'receiveMail', {});
    expect(rounds.depth()).toBe(2); // fields_get ∥ lookup → consent URL
  });
});

describe('the monitor watches the incoming server too, beside the outgoing check', () => {
  /** The outgoing server green, then the incoming one confirmed (19.0: the version that stores fetch errors). */
  async function bothConfirmed(version: string) {
    await start(version);
    client.odoo.google.registerClient({
      ...CREDENTIALS,
      redirectUris: [`${client.odoo.origin}/google_gmail/confirm`],
      testUsers: [GMAIL],
    });
    expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
    expect(await consentThroughGoogle(client, 1, CREDENTIALS, GMAIL)).toBe(303);
    await sendAs(POPUP, 'receiveMail', {});
    const id = Number(servers()[0]?.id);
    expect(await consentThroughGoogle(client, id, CREDENTIALS, GMAIL, 'fetchmail.server')).toBe(303);
    await onIncomingTab(formOf(version, id), 'complete');
    expect((await incomingItem.get())?.status).toBe('confirmed');
    return id;
  }
  const incomingCheck = async () => (await incomingItem.get())?.check;
  const fetchmail = () => servers()[0] ?? {};

  it('green: token, Confirmed, Test & Confirm passing — and the check stays 2 round trips deep', async () => {
    await bothConfirmed('17.0');
    const rounds = inRounds(client.fetch);
    vi.stubGlobal('fetch', rounds.fetch);
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(rounds.depth()).toBe(2);
    expect(await incomingCheck()).toMatchObject({ status: 'ok', reading: null });
    expect(client.calls().filter((c) => c.method === 'button_confirm_login')).toHaveLength(2); // the return's, the check's
  });

  it.each(['15.0', '18.0', '19.0'])("%s: a reading for each of Odoo's IMAP failure texts (facts 18, 22)", async (version) => {
    await bothConfirmed(version);
    // Revoked at Google, Odoo's cached access token expired: "…fetching the access token."
    client.odoo.revokeToken();
    Object.assign(fetchmail(), { google_gmail_access_token_expiration: 1 });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({
      status: 'failing',
      reading: 'tokenRevoked',
      odooText: 'Connection test failed: An error occurred when fetching the access token.',
    });
    expect(fetchmail().state).toBe('done'); // fact 18: the state is left as it was
    // A token Gmail's IMAP refuses: "[AUTHENTICATIONFAILED] Invalid credentials (Failure)".
    client.odoo.google.restoreAll();
    Object.assign(fetchmail(), {
      google_gmail_access_token: 'ya29.bogus',
      google_gmail_access_token_expiration: Math.floor(Date.now() / 1000) + 3600,
    });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({ status: 'failing', reading: 'imapRefused' });
  });

  it('19.0: a fetch error Odoo stored is read even when Test & Confirm passes again (fact 22)', async () => {
    await bothConfirmed('19.0');
    Object.assign(fetchmail(), {
      date: '2026-12-05 23:20:08',
      error_date: '2026-12-05 23:20:07',
      error_message: '[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({
      status: 'failing',
      reading: 'imapRefused',
      odooText: '[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    });
  });

  it('Not Confirmed, no token, a Last Fetch Date that stopped moving, the server gone — each said, none repaired', async () => {
    await bothConfirmed('16.0');
    const confirms = () => client.calls().filter((c) => c.method === 'button_confirm_login').length;
    const before = confirms();
    Object.assign(fetchmail(), { state: 'draft' });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({ status: 'notConfirmed' });
    expect(confirms()).toBe(before); // reported, not confirmed behind the person's back
    expect(fetchmail().state).toBe('draft');

    const old = new Date(Date.now() - STALE_FETCH_MS - 60_000).toISOString().slice(0, 19).replace('T', ' ');
    Object.assign(fetchmail(), { state: 'done', date: old });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({ status: 'stale' });

    Object.assign(fetchmail(), { google_gmail_refresh_token: false });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({ status: 'noToken' });

    client.odoo.db.table('fetchmail.server').clear();
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await incomingCheck()).toMatchObject({ status: 'serverMissing' });
    // The outgoing verdict is the outgoing server's alone.
    expect(await monitorItem.get()).toMatchObject({ status: 'ok' });
  });

  it('receiving stops while sending works: the badge turns red, and one notification names the address', async () => {
    await bothConfirmed('17.0');
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
    const notify = vi.spyOn(fakeBrowser.notifications, 'create');
    Object.assign(fetchmail(), { state: 'draft' });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await monitorItem.get()).toMatchObject({ status: 'ok' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('Not Confirmed');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]?.[1]).toMatchObject({ title: `Odoo no longer receives mail from ${GMAIL}` });
    // Once per red spell: the next check, still red, says nothing new.
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(notify).toHaveBeenCalledTimes(1);
    // Confirmed again: green again.
    Object.assign(fetchmail(), { state: 'done' });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
  });

  it('no incoming server set up: the check sends nothing for it', async () => {
    await start('17.0');
    expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
    await sendAs(POPUP, 'checkGmail', { trigger: 'manual' });
    expect(client.calls().some((c) => c.model === 'fetchmail.server' || c.model === 'mail.alias')).toBe(false);
  });
});
