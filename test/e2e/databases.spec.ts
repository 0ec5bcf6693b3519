/**
 * Many Odoo databases in Chromium (lib/state/setups.ts): two fake Odoos on two hosts (so that each keeps its
 * own session cookie), one set up, then the other; the first waits under "Other Odoo databases" with its
 * monitor's last word, and one click takes the popup back to it — its server and check as they were. Then
 * the setup exported for a colleague, and a colleague's file imported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOdoo } from '../fake-odoo/server.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, extensionAllowing, launchBrowser, loginToOdoo, openPopup, serviceWorkerOf, stepRow, test } from './fixtures.ts';
import { GMAIL, panel } from './odoo-helpers.ts';

test('two databases: the one left is kept, listed with its last check, and one click brings it back', async () => {
  const prod = await startFakeOdoo({ version: '17.0', db: 'prod', host: '127.0.0.1' });
  const staging = await startFakeOdoo({ version: '18.0', db: 'staging', host: 'localhost' });
  const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-databases-e2e-'));
  // The e2e build holds http://127.0.0.1/*; this copy also stands for the person's "Allow" on localhost.
  const context = await launchBrowser(join(dir, 'profile'), { extensionDir: extensionAllowing(dir, 'http://localhost') });
  try {
    const sw = await serviceWorkerOf(context);
    const extensionId = new URL(sw.url()).host;
    const tab = context.pages()[0] ?? (await context.newPage());
    await loginToOdoo(tab, prod);
    await loginToOdoo(tab, staging);

    // --- prod: Connect to Odoo, then its mail server.
    const popup = await openPopup(context, extensionId);
    const connect = async (origin: string) => {
      await popup.getByLabel('Odoo URL').fill(origin);
      await popup.getByLabel('Gmail address').fill(GMAIL);
      await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
      await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
    };
    await connect(prod.origin);
    await panel(popup).getByRole('button', { name: 'Create the mail server' }).click();
    await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done');
    await expect(panel(popup).getByRole('region', { name: 'Gmail connection' })).toContainText('no Gmail token');

    // --- staging: prod is kept and listed, with its monitor's last word.
    await connect(staging.origin);
    await expect(stepRow(popup, 'odoo').next).toContainText('staging');
    await expect(panel(popup).getByRole('button', { name: 'Create the mail server' })).toBeVisible();
    const others = popup.getByRole('region', { name: 'Other Odoo databases' });
    await expect(others.getByRole('listitem')).toHaveCount(1);
    await expect(others.getByRole('listitem')).toContainText('prod');
    await expect(others.getByRole('listitem')).toContainText('no Gmail token');
    await expectNoSeriousA11yViolations(popup, 'popup with another database listed');

    // --- One click: back to prod, its server and check as they were; staging is listed in its turn.
    await others.getByRole('button', { name: 'Switch to prod' }).click();
    await expect(stepRow(popup, 'odoo').next).toContainText('prod');
    await expect(popup.getByLabel('Odoo URL')).toHaveValue(prod.origin);
    await expect(panel(popup).getByRole('button', { name: 'Update the mail server' })).toBeVisible();
    await expect(panel(popup).getByRole('region', { name: 'Gmail connection' })).toContainText('no Gmail token');
    await expect(others.getByRole('listitem')).toContainText('staging');
    // --- Export prod for a colleague: the addresses and the Google side, never a secret or a token.
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      others.getByRole('button', { name: 'Export this setup' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gmail-odoo-prod.json');
    const content = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(content) as { setup: Record<string, unknown> };
    expect(exported).toMatchObject({
      kind: 'gmail-odoo-setup',
      setup: { odooOrigin: prod.origin, gmail: GMAIL },
      odoo: { db: 'prod' },
    });
    expect(content).not.toMatch(/secret|token/i);
    // A colleague's file for a third Odoo: kept beside the others, listed.
    const theirs = {
      ...exported,
      setup: { ...exported.setup, odooOrigin: 'https://client.example.com' },
      odoo: { db: 'client', version: '17.0' },
    };
    await others.getByLabel("Import a colleague's setup").setInputFiles({
      name: 'gmail-odoo-client.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(theirs)),
    });
    await expect(others.getByRole('status')).toContainText('Kept: https://client.example.com');
    await expect(others.getByRole('listitem')).toHaveCount(2);
    await expect(others.getByRole('button', { name: 'Switch to client' })).toBeVisible();

    // Nothing was created twice: one server in prod, none in staging.
    expect(prod.mailServers()).toHaveLength(1);
    expect(staging.mailServers()).toHaveLength(0);
  } finally {
    await context.close();
    await Promise.all([prod.stop(), staging.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
});
