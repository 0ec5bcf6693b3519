/**
 * "Connect my own Gmail" in Chromium against the fake Odoo 19.0 (which replays real Odoo's personal-server
 * flow, captures facts 23–28). A user who is not an administrator, signed in to Odoo and looking at it, opens
 * the popup: the Odoo address is proposed from the tab, "Connect to Odoo" finds Odoo 19 and no administrator,
 * and the popup offers the short path — the account to choose named first. Google's consent with another
 * account is refused by Odoo, and the popup says "you chose X, Odoo expects Y"; with the user's own address
 * the browser comes back to the preferences and Odoo's test passes. Every action is counted (`Human`). The
 * administrator's popup then lists who has connected (checked with axe).
 */
import { ADMIN, companyClientForPersonalServers, USER1 } from '../fake-odoo/db.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { Human } from './console-fixtures.ts';
import { expect, loginToOdoo, stepRow, test } from './fixtures.ts';
import { connectedPopup, openedBy, routeGoogle } from './odoo-helpers.ts';

const CLIENT = { clientId: '123456789012-personal.apps.googleusercontent.com', clientSecret: 'GOCSPX-personal-e2e' };
const isGoogle = (url: string) => url.startsWith('https://accounts.google.com/');

test.use({ odooOptions: { version: '19.0', users: [ADMIN, USER1] } });

test('a user who is not an administrator connects their own Gmail from the toolbar', async ({ context, extensionId, odoo }) => {
  test.slow();
  // The administrator's part, done before (not counted): "Use Custom Email Servers" and the company's client.
  companyClientForPersonalServers(odoo.db, CLIENT, `${odoo.origin}/google_gmail/confirm`, [
    'user1@gmail.com',
    'other.person@gmail.com',
  ]);
  odoo.google.accountChooser = true; // Google's "Choose an account", as a person meets it
  await routeGoogle(context, odoo);
  // Precondition: signed in to Odoo as the user, looking at it.
  const tab = context.pages()[0] ?? (await context.newPage());
  await loginToOdoo(tab, odoo, 'user1');

  const human = new Human();
  const popup = await human.openPopup(context, extensionId);
  await expect(popup.getByLabel('Odoo URL')).toHaveValue(odoo.origin);
  await human.click(popup.getByRole('button', { name: 'Connect to Odoo' }), 'Connect to Odoo');
  human.answeredPrompt(`Allow on Chromium's prompt for ${odoo.origin}`);
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'attention');

  // --- The short path, the account Odoo will accept named first (fact 25).
  const mine = popup.getByRole('region', { name: 'Connect my own Gmail' });
  await expect(
    mine.getByText('choose user1@gmail.com — your Odoo address. Odoo refuses any other account.', { exact: false }),
  ).toBeVisible();
  await expect(mine.getByText('at most 30 e-mails a minute', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(popup, 'personal: offered', { include: '.personal' });

  // --- First try: another Google account is signed in. Odoo refuses it; the popup says so, in plain words.
  odoo.google.signIn('other.person@gmail.com');
  const wrong = await openedBy(context, isGoogle, () => mine.getByRole('button', { name: 'Connect my own Gmail' }).click());
  await wrong.getByRole('button', { name: 'other.person@gmail.com' }).click();
  await wrong.getByRole('button', { name: 'Allow' }).click();
  await expect(mine.getByRole('alert')).toHaveText(
    "You chose other.person@gmail.com, but Odoo expects user1@gmail.com. Try again and choose user1@gmail.com on Google's page.",
  );
  const servers = () => [...odoo.db.table('ir.mail_server').values()];
  expect(servers()).toMatchObject([{ active: false, owner_user_id: 5, google_gmail_refresh_token: false }]);
  await wrong.close();

  // --- Again, with the user's own account: counted from here as a person who already connected to this Odoo.
  odoo.google.signIn('user1@gmail.com');
  const before = human.clicks;
  const retry = await human.openPopup(context, extensionId);
  const again = retry.getByRole('region', { name: 'Connect my own Gmail' });
  const google = await openedBy(context, isGoogle, () =>
    human.click(again.getByRole('button', { name: 'Connect my own Gmail' }), 'Connect my own Gmail'),
  );
  await expect(again.getByRole('status')).toContainText('choose user1@gmail.com, then Allow');
  await human.click(google.getByRole('button', { name: 'user1@gmail.com' }), 'choose the account (Google)');
  await human.click(google.getByRole('button', { name: 'Allow' }), 'Allow (Google)');
  await google.waitForURL(`${odoo.origin}/odoo/my-preferences/5`);
  await expect(
    again.getByText("Your Gmail is connected — Odoo sends your mail through User One's outgoing email."),
  ).toBeVisible();
  expect(servers()).toMatchObject([{ active: true, owner_user_id: 5, smtp_user: 'user1@gmail.com' }]);
  expect(String(servers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);
  const connected = human.clicks - before;
  // The whole path from an empty profile: the first popup's three actions (its icon included), then these
  // without a second icon.
  const fromEmpty = 3 + connected - 1;
  console.log(
    `personal connection: ${connected} actions from the toolbar once connected to this Odoo, ${fromEmpty} from an empty profile (${human.actions.join('; ')})`,
  );
  expect(connected).toBe(4); // the icon, Connect my own Gmail, Google's two screens
  expect(fromEmpty).toBe(6); // + Connect to Odoo and Chromium's Allow
  await expectNoSeriousA11yViolations(retry, 'personal: connected', { include: '.personal' });
});

test("the administrator's popup lists who has connected, tokens counted", async ({ context, extensionId, odoo }) => {
  test.slow();
  // User One's server, active with a token, and a pending one for someone else (fact 28).
  const table = odoo.db.table('ir.mail_server');
  for (const [id, owner, active, token] of [
    [7, 5, true, '1//0g-counted-not-read'],
    [8, 6, false, false],
  ] as const) {
    table.set(id, {
      id,
      name: `server ${id}`,
      active,
      owner_user_id: owner,
      smtp_host: 'smtp.gmail.com',
      smtp_port: 587,
      smtp_encryption: 'starttls',
      smtp_user: owner === 5 ? 'user1@gmail.com' : 'marc@example.com',
      from_filter: owner === 5 ? 'user1@gmail.com' : 'marc@example.com',
      smtp_authentication: 'gmail',
      sequence: 10,
      google_gmail_refresh_token: token,
    });
  }
  odoo.db.users.set(6, { ...USER1, id: 6, login: 'marc', name: 'Marc Demo', email: 'marc@example.com' });
  const popup = await connectedPopup(context, extensionId, odoo);
  const list = popup.getByRole('region', { name: 'Who sends through their own Gmail' });
  await expect(list.getByText('Each sends at most 30 e-mails a minute', { exact: false })).toBeVisible();
  await expect(list.locator('li[data-active="true"][data-token="true"]')).toHaveText(
    'User One — user1@gmail.com · active · token present',
  );
  await expect(list.locator('li[data-active="false"][data-token="false"]')).toHaveText(
    'Marc Demo — marc@example.com · pending — consent not finished · no token',
  );
  // The refresh token never left Odoo: only ids came back for the search on it.
  const bodies = odoo.requests.filter((r) => r.model === 'ir.mail_server').map((r) => r.body ?? '');
  expect(bodies.some((b) => b.includes('"fields":["google_gmail_refresh_token"'))).toBe(false);
  await expectNoSeriousA11yViolations(popup, 'personal: the administrator', { include: '.personal-list' });
});
