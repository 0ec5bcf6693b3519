/** The monitor's 7-day warning for External apps in Testing (lib/background/testing-expiry.ts). */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ExpiryInput, expiryWarningDue, warnTestingExpiry } from '@/lib/background/testing-expiry';
import { expiryWarningItem, googleItem, odooGmailItem, setupItem } from '@/lib/state/items';
import { aSetup } from '../support/builders';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;
const base: ExpiryInput = {
  audience: 'external',
  publishing: 'testing',
  accountType: 'personal',
  lastConnectAt: NOW - 5.5 * DAY,
  warnedFor: null,
  now: NOW,
};

describe('expiryWarningDue', () => {
  it.each([
    ['day 5 of 7: two days left', {}, 2],
    ['day 6: one day left', { lastConnectAt: NOW - 6.2 * DAY }, 1],
    ['day 3: too early', { lastConnectAt: NOW - 3 * DAY }, null],
    ['day 8: already expired (the monitor turns red instead)', { lastConnectAt: NOW - 8 * DAY }, null],
    ['already warned for this connect', { warnedFor: NOW - 5.5 * DAY }, null],
    ['warned for an earlier connect', { warnedFor: NOW - 20 * DAY }, 2],
    ['in production: no expiry', { publishing: 'production' as const }, null],
    ['Internal app: no expiry', { audience: 'internal' as const }, null],
    ['personal account, audience not seen yet: presumed External', { audience: null }, 2],
    ['Workspace account, audience not seen yet: presumed Internal', { audience: null, accountType: 'workspace' as const }, null],
    ['never connected', { lastConnectAt: null }, null],
  ])('%s', (_, change, expected) => expect(expiryWarningDue({ ...base, ...change })).toBe(expected));
});

describe('warnTestingExpiry', () => {
  it('notifies once per connect, from what the Console and the connect recorded', async () => {
    const create = vi.fn(async () => 'id');
    (fakeBrowser as unknown as { notifications: unknown }).notifications = { create };
    const origin = 'https://acme.odoo.com';
    const startedAt = NOW - 5.5 * DAY;
    await setupItem.set(aSetup({ odooOrigin: origin }));
    await googleItem.update((g) => ({ ...g, audience: 'external', publishing: 'testing' }));
    await odooGmailItem.set({
      origin,
      credentials: null,
      server: null,
      connect: { serverId: 1, startedAt, tabId: null, status: 'connected', detail: null, redirectUri: null },
      running: null,
      errors: {},
    });
    expect(await warnTestingExpiry(NOW)).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'gmail-testing-expiry',
      expect.objectContaining({ message: expect.stringContaining('2 day(s) left') }),
    );
    expect(await expiryWarningItem.get()).toEqual({ connectAt: startedAt, warnedAt: NOW });
    expect(await warnTestingExpiry(NOW + 1000)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
