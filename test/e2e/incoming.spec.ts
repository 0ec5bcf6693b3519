/**
 * "Also receive mail from this Gmail", per version, in Chromium against the fake Odoo (which replays real
 * Odoo's recorded incoming flow, captures facts 15–22): after the outgoing side's green Test Connection,
 * one click in the popup, then Google's consent (the stand-in's Allow), ends with the incoming server
 * Confirmed on the fake Odoo — one server, the version's Gmail type — and the popup saying where the mail
 * lands: nowhere yet, with the warning of fact 20 (checked with axe). Test & Confirm again keeps one server.
 */
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, stepRow, test } from './fixtures.ts';
import { connectedPopup, credentialsAndServer, GMAIL, googleReady, openedBy, panel, routeGoogle } from './odoo-helpers.ts';

const isGoogle = (url: string) => url.startsWith('https://accounts.google.com/');

/** Where Odoo's callback lands for the incoming server (captures fact 16). */
const formUrl = (version: string, id: number) =>
  version >= '18' ? `/odoo/fetchmail.server/${id}` : `/web#id=${id}&model=fetchmail.server&view_type=form`;

for (const version of ['15.0', '17.0', '19.0']) {
  test.describe(`Odoo ${version}`, () => {
    test.use({ odooOptions: { version } });

    test('after a green Test Connection, "Also receive mail" ends with the incoming server Confirmed', async ({
      context,
      extensionId,
      odoo,
    }) => {
      test.slow();
      await routeGoogle(context, odoo);
      googleReady(odoo);
      const popup = await connectedPopup(context, extensionId, odoo);
      const p = panel(popup);
      await credentialsAndServer(popup);
      const outgoing = await openedBy(context, isGoogle, () =>
        p.getByRole('button', { name: 'Connect your Gmail account' }).click(),
      );
      await outgoing.getByRole('button', { name: 'Allow' }).click();
      await expect(p.getByText('Token present and Test Connection passed.')).toBeVisible();
      await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'done');

      // --- The offer, then one click: the server, Google's consent in a tab; Allow; back on the server's form.
      const incoming = p.getByRole('region', { name: 'Receive mail too' });
      const offer = incoming.getByRole('button', { name: `Also receive mail from ${GMAIL}` });
      await expect(offer).toBeVisible();
      const google = await openedBy(context, isGoogle, () => offer.click());
      await expect(incoming.getByRole('status')).toContainText(`choose ${GMAIL}, then Allow`);
      await google.getByRole('button', { name: 'Allow' }).click();
      const servers = () => [...odoo.db.table('fetchmail.server').values()];
      await google.waitForURL(`${odoo.origin}${formUrl(version, Number(servers()[0]?.id))}`);

      // --- Test & Confirm ran on the return: Confirmed in Odoo, said in the popup with where mail lands.
      await expect(incoming.getByText(`Incoming server confirmed — Odoo reads ${GMAIL} every few minutes.`)).toBeVisible();
      await expect(incoming.locator('[data-landing="nowhere"]')).toContainText('has no alias and no “Create a New Record” model');
      await expect(incoming.getByText('Odoo has not fetched mail yet.')).toBeVisible();
      expect(servers()).toHaveLength(1);
      // The new section, its warning included, passes axe like the rest of the popup.
      await expectNoSeriousA11yViolations(popup, `incoming ${version}`, { include: '.incoming' });
      expect(servers()[0]).toMatchObject({
        state: 'done',
        server: 'imap.gmail.com',
        port: 993,
        is_ssl: true,
        user: GMAIL,
        ...(version === '15.0' ? { server_type: 'imap', use_google_gmail_service: true } : { server_type: 'gmail' }),
      });
      expect(String(servers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);
      // The same client and redirect URI as the outgoing server: two code exchanges, one redirect URI.
      expect(odoo.google.tokenRequests.filter((r) => r.grant_type === 'authorization_code').map((r) => r.redirect_uri)).toEqual([
        `${odoo.origin}/google_gmail/confirm`,
        `${odoo.origin}/google_gmail/confirm`,
      ]);

      // --- Test & Confirm again: still one server, still Confirmed.
      await incoming.getByRole('button', { name: 'Test & Confirm again' }).click();
      await expect(incoming.getByText(`Incoming server confirmed — Odoo reads ${GMAIL} every few minutes.`)).toBeVisible();
      expect(servers()).toHaveLength(1);
    });
  });
}
