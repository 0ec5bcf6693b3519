/**
 * The administrator's test users, added at once (lib/background/test-users.ts): the popup's list is checked in
 * the background, kept with the Google state, and given to the Console assistant's context.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackground } from '@/lib/background';
import { removeAllListeners } from '@/lib/messaging';
import { consoleContext } from '@/lib/state/derive';
import { googleItem } from '@/lib/state/items';
import { readSnapshot } from '@/lib/state/snapshot';
import { installPermissions, POPUP, sendAs } from './helpers';

beforeEach(() => {
  installPermissions();
  startBackground();
});
afterEach(() => removeAllListeners());

describe('setTestUsersWanted', () => {
  it('keeps the addresses, lower case and once each, and the Console assistant gets them', async () => {
    const reply = await sendAs(POPUP, 'setTestUsersWanted', {
      emails: ['Ann@Example.com', '', ' bob@example.com ', 'ann@example.com'],
    });
    expect(reply).toEqual({ ok: true, value: { emails: ['ann@example.com', 'bob@example.com'] } });
    expect((await googleItem.get()).testUsersWanted).toEqual(['ann@example.com', 'bob@example.com']);
    const ctx = consoleContext(await readSnapshot(), {
      credentials: null,
      pendingProject: null,
      autopilot: false,
      arrived: true,
      reloads: 0,
    });
    expect(ctx.testUsersWanted).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('refuses a list with a bad address, or more than Google admits, and keeps the one it had', async () => {
    await sendAs(POPUP, 'setTestUsersWanted', { emails: ['ann@example.com'] });
    expect(await sendAs(POPUP, 'setTestUsersWanted', { emails: ['bob@example.com', 'not-an-address'] })).toEqual({
      ok: false,
      error: { key: 'testUsers.err.bad', params: { emails: 'not-an-address' } },
    });
    const many = Array.from({ length: 100 }, (_, i) => `user${i}@example.com`);
    expect(await sendAs(POPUP, 'setTestUsersWanted', { emails: many })).toEqual({
      ok: false,
      error: { key: 'testUsers.err.tooMany', params: { max: 99 } },
    });
    expect((await googleItem.get()).testUsersWanted).toEqual(['ann@example.com']);
  });
});
