/**
 * The administrator's list of test users to add at once (the popup's "Test users" box): checked here, kept in
 * the Google state (`testUsersWanted`), and added by the Console assistant on the Audience page beside the Gmail
 * address (lib/console/steps/audience.ts). An External app in Testing admits up to 100 test users
 * (google-console.md §6.4); the Gmail address takes one place.
 */
import * as z from 'zod/mini';
import { msg } from '../i18n';
import type { Reply } from '../protocol';
import { googleItem } from '../state/items';

/** Google's limit, less the Gmail address the assistant always adds. */
export const MAX_WANTED_TEST_USERS = 99;

export async function setTestUsersWanted(emails: string[]): Promise<Reply<{ emails: string[] }>> {
  const clean = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  const bad = clean.filter((e) => !z.safeParse(z.email(), e).success);
  if (bad.length > 0) return { ok: false, error: msg('testUsers.err.bad', { emails: bad.join(', ') }) };
  if (clean.length > MAX_WANTED_TEST_USERS)
    return { ok: false, error: msg('testUsers.err.tooMany', { max: MAX_WANTED_TEST_USERS }) };
  await googleItem.update((g) => ({ ...g, testUsersWanted: clean }));
  return { ok: true, value: { emails: clean } };
}
