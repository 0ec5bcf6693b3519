/**
 * A neutralized copy of a database (Odoo.sh staging, a duplicate, `odoo-bin neutralize`; odoo-gmail.md §9.1)
 * in Chromium against the fake Odoo: the popup says so before any step — mail is off there by design — and
 * turns none back on. (The monitor's reading of such a copy is tested in test/unit/monitor.test.ts.)
 */
import { expect, test } from './fixtures.ts';
import { connectedPopup, GMAIL, panel } from './odoo-helpers.ts';

test.use({ odooOptions: { version: '17.0' } });

test('a neutralized copy: the popup says mail is off by design, and turns none back on', async ({
  context,
  extensionId,
  odoo,
}) => {
  // A copy of a database whose Gmail server was connected: neutralization archived it, tokens kept.
  const id = odoo.db.nextId('ir.mail_server');
  odoo.db.table('ir.mail_server').set(id, {
    id,
    name: `Gmail (${GMAIL})`,
    smtp_host: 'smtp.gmail.com',
    smtp_port: 587,
    smtp_encryption: 'starttls',
    smtp_user: GMAIL,
    from_filter: GMAIL,
    smtp_authentication: 'gmail',
    google_gmail_refresh_token: 'refresh-token-of-production',
    active: true,
  });
  odoo.db.neutralize();

  const popup = await connectedPopup(context, extensionId, odoo);
  const note = panel(popup).getByRole('note').filter({ hasText: 'neutralized copy' });
  await expect(note).toContainText('acme is a neutralized copy of a database');
  await expect(note).toContainText('sends and fetches no mail, by design');

  // The extension turns no mail back on there: production's archived server stays archived.
  await panel(popup).getByRole('button', { name: 'Create the mail server' }).click();
  await expect(panel(popup).getByRole('alert').filter({ hasText: 'neutralized copy' })).toContainText(
    'does not turn mail back on here',
  );
  expect(odoo.mailServers().find((r) => r.id === id)).toMatchObject({ active: false });
  expect(odoo.requests.filter((r) => r.model === 'ir.mail_server' && ['create', 'write'].includes(r.rpcMethod ?? ''))).toEqual(
    [],
  );
});
