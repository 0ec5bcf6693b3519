/**
 * The 7-day trap (the troubleshooter; google-console.md §6.4, field-notes P6): an External app in Testing gets
 * Gmail authorizations that Google expires seven days after consent. The monitor calls this after
 * each check; from day 5 after the last connect (two days left) one notification says so, once per
 * connect, before mail stops — Odoo itself only fails on the first send after the expiry.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { expiryWarningItem } from '../state/items';
import { readSnapshot } from '../state/snapshot';
import { TESTING_TOKEN_DAYS } from '../troubleshoot/prevent';

const DAY = 24 * 60 * 60 * 1000;
/** Warn when this many days (or fewer) remain. */
export const WARN_DAYS_LEFT = 2;
export const EXPIRY_NOTIFICATION_ID = 'gmail-testing-expiry';

export interface ExpiryInput {
  audience: 'internal' | 'external' | null;
  publishing: 'testing' | 'production' | null;
  accountType: 'workspace' | 'personal' | null;
  lastConnectAt: number | null;
  /** The connect a warning was already shown for. */
  warnedFor: number | null;
  now: number;
}

/** Days left before Google expires the token, when a warning is due now; otherwise null. */
export function expiryWarningDue(i: ExpiryInput): number | null {
  const external = i.audience === 'external' || (i.audience === null && i.accountType === 'personal');
  if (!external || i.publishing === 'production' || i.lastConnectAt === null) return null;
  if (i.warnedFor === i.lastConnectAt) return null;
  const daysLeft = TESTING_TOKEN_DAYS - Math.floor((i.now - i.lastConnectAt) / DAY);
  return daysLeft <= WARN_DAYS_LEFT && daysLeft > 0 ? daysLeft : null;
}

export async function warnTestingExpiry(now = Date.now()): Promise<boolean> {
  const [{ setup, google, odooGmail }, warned] = await Promise.all([readSnapshot(), expiryWarningItem.get()]);
  const connect = odooGmail?.connect ?? null;
  const lastConnectAt = connect?.status === 'connected' ? connect.startedAt : null;
  const days = expiryWarningDue({
    audience: google.audience,
    publishing: google.publishing,
    accountType: setup?.accountType ?? null,
    lastConnectAt,
    warnedFor: warned?.connectAt ?? null,
    now,
  });
  if (days === null || lastConnectAt === null) return false;
  await expiryWarningItem.set({ connectAt: lastConnectAt, warnedAt: now });
  try {
    await browser.notifications.create(EXPIRY_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title: t('monitor.expiry.title'),
      message: t(setup?.accountType === 'workspace' ? 'monitor.expiry.workspace' : 'monitor.expiry.personal', { days }),
    });
  } catch {
    // Notifications may be off; the popup's "Before you connect" says the same.
  }
  return true;
}
