/**
 * Odoo 19 Enterprise's own Gmail relay (the troubleshooter's "Prevent": offered first when the probe sees 19.0+
 * Enterprise; field-notes §0.1; odoo-gmail.md §1.6, §3, §4): no Google project at all. "Connect through
 * Odoo's relay" creates the mail server with no credentials and presses Connect; the consent goes
 * through https://gmail.api.odoo.com (the fake Odoo's relay stand-in, test/fake-odoo/gmail-relay.ts) to
 * Google's consent page (stand-in) and back through the relay to Odoo's /google_gmail/iap_confirm. Then
 * the token is present, Test Connection passes through the relay, and the checklist is complete with the
 * Google-side steps "not needed".
 */
import { expect, stepRow, test } from './fixtures.ts';
import { connectedPopup, GMAIL, openedBy, routeGoogle, sw } from './odoo-helpers.ts';

test.use({ odooOptions: { version: '19.0', edition: 'enterprise' } });

test("19.0 Enterprise: connected through Odoo's relay, no Google project; the checklist is complete", async ({
  context,
  extensionId,
  odoo,
}) => {
  await routeGoogle(context, odoo);
  odoo.google.signIn(GMAIL);
  const popup = await connectedPopup(context, extensionId, odoo);
  const before = popup.getByRole('region', { name: 'Before you connect' });
  await expect(before).toContainText('Odoo 19 Enterprise can connect Gmail without a Google project');

  const google = await openedBy(
    context,
    (url) => url.startsWith('https://accounts.google.com/'),
    () => before.getByRole('button', { name: "Connect through Odoo's relay" }).click(),
  );
  // Google's consent is for Odoo's own client (the relay's), not one of the person's.
  expect(new URL(google.url()).searchParams.get('client_id')).toMatch(/odoo-iap-gmail-relay/);
  await expect(google.getByText(GMAIL)).toBeVisible();
  await google.getByRole('button', { name: 'Allow' }).click();
  await google.waitForURL(`${odoo.origin}/odoo/ir.mail_server/1`);

  expect(odoo.relay.requests.map((r) => r.path).slice(0, 2)).toEqual([
    '/api/mail_oauth/1/gmail',
    '/api/mail_oauth/1/gmail_callback',
  ]);
  expect(odoo.db.params.get('google_gmail_client_id')).toBeUndefined();
  expect(odoo.mailServers()).toEqual([
    expect.objectContaining({
      smtp_authentication: 'gmail',
      smtp_user: GMAIL,
      google_gmail_refresh_token: expect.stringMatching(/^1\/\/0g/),
    }),
  ]);

  // The return is checked and said, as with the person's own client.
  await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'done');
  await expect
    .poll(async () => Object.keys(await (await sw(context)).evaluate(() => chrome.notifications.getAll())))
    .toEqual(['gmail-monitor-connected']);
  // The Google-side steps do not apply; nothing is left to do.
  for (const id of ['project', 'consent', 'domain', 'testUser', 'client', 'credentials']) {
    await expect(stepRow(popup, id).row, id).toHaveAttribute('data-state', 'na');
    await expect(stepRow(popup, id).next, id).toContainText("Odoo's own Gmail relay connected this account");
  }
  await expect(popup.locator('[data-next="done"]')).toBeVisible();
});
