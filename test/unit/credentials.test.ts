import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { wipeSecret } from '@/lib/background/credentials';
import { removeAllListeners } from '@/lib/messaging';
import { credentialsItem, googleItem, progressItem } from '@/lib/state/items';
import { FAKE_CLIENT_ID } from '../support/builders';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

beforeEach(() => {
  installPermissions();
  startBackground();
});
afterEach(() => removeAllListeners());

describe('credentials reach the background and stay in session storage only', () => {
  it('captured on the Console: the secret is in storage.session, the ID in local, the step done', async () => {
    const log = vi.spyOn(console, 'log');
    const reply = await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    expect(reply).toEqual({ ok: true, value: { clientId: ID } });
    expect(JSON.stringify(reply)).not.toContain(SECRET);
    expect(await credentialsItem.get()).toMatchObject({ clientId: ID, clientSecret: SECRET, source: 'console' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SECRET);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain(SECRET);
    expect((await googleItem.get()).clientId).toBe(ID);
    expect((await progressItem.get()).client?.state).toBe('done');
    expect(log).not.toHaveBeenCalled();
  });

  it('pasted in the popup, validated again in the background', async () => {
    expect(await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: 'GOCSPX-short', source: 'paste' })).toEqual({
      ok: false,
      error: { key: 'err.clientSecret.length' },
    });
    expect(await credentialsItem.get()).toBeNull();
    expect(await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a capture from a page that is not the Console, and a popup message pretending to be one', async () => {
    expect(await sendAs(POPUP, 'captureCredentials', { clientId: ID, clientSecret: SECRET })).toMatchObject({
      ok: false,
      error: { key: 'err.sender' },
    });
    expect(await credentialsItem.get()).toBeNull();
  });

  it('forgets the secret when asked', async () => {
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    await wipeSecret();
    expect(await credentialsItem.get()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(SECRET);
  });
});
