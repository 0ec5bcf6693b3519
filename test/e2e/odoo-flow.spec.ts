/**
 * The whole Odoo side, per version, in Chromium against the fake Odoo:
 * credentials pasted → saved in Odoo's settings; mail server created once, updated on a second run;
 * "Connect your Gmail account" through the Google stand-in → token present → Test Connection green;
 * then Google revokes the token → the monitor's alarm turns it red, notifies once, offers reconnect.
 */
import { expect, stepRow, test } from './fixtures.ts';
import {
  badgeText,
  CLIENT_ID,
  CLIENT_SECRET,
  connectedPopup,
  fireMonitorAlarm,
  GMAIL,
  googleReady,
  openedBy,
  panel,
  pasteCredentials,
  routeGoogle,
  rpcBodies,
  storageArea,
  sw,
} from './odoo-helpers.ts';

/** The values each version's Gmail server must have (odoo-gmail.md §8.4). */
function expectedServer(version: string) {
  const common = {
    smtp_host: 'smtp.gmail.com',
    smtp_port: 587,
    smtp_encryption: 'starttls',
    smtp_user: GMAIL,
    from_filter: GMAIL,
    smtp_pass: false,
  };
  return version === '15.0'
    ? { ...common, use_google_gmail_service: true, smtp_authentication: 'login' }
    : { ...common, smtp_authentication: 'gmail' };
}

const SETTINGS_URL: Record<string, RegExp> = {
  '15.0': /\/web#action=base_setup\.action_general_configuration$/,
  '16.0': /\/web#action=base_setup\.action_general_configuration$/,
  '17.0': /\/web#action=base_setup\.action_general_configuration$/,
  '18.0': /\/odoo\/settings$/,
  '19.0': /\/odoo\/settings$/,
};
const isGoogle = (url: string) => url.startsWith('https://accounts.google.com/');

/** Where Odoo's callback lands after the consent (§1.6 step 9; recorded: captures fact 10). */
const FORM_URL: Record<string, (id: number) => string> = {
  '15.0': (id) => `/web#id=${id}&model=ir.mail_server&view_type=form`,
  '16.0': (id) => `/web#id=${id}&model=ir.mail_server&view_type=form`,
  '17.0': (id) => `/web#id=${id}&model=ir.mail_server&view_type=form`,
  '18.0': (id) => `/odoo/ir.mail_server/${id}`,
  '19.0': (id) => `/odoo/ir.mail_server/${id}`,
};

for (const version of ['15.0', '16.0', '17.0', '18.0', '19.0']) {
  test.describe(`Odoo ${version}`, () => {
    test.use({ odooOptions: { version } });

    test('credentials, mail server, connect, test — then a revoked token turns the monitor red', async ({
      context,
      extensionId,
      odoo,
    }) => {
      // Five phases in one browser; on a loaded 2-core machine this takes ~40 s.
      test.slow();
      await routeGoogle(context, odoo);
      googleReady(odoo);
      const popup = await connectedPopup(context, extensionId, odoo);
      const p = panel(popup);

      // --- Credentials, pasted: written the way the settings form does, confirmed, secret wiped.
      const settingsTab = await openedBy(
        context,
        (url) => SETTINGS_URL[version]?.test(url) ?? false,
        () => pasteCredentials(popup),
      );
      await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
      await expect(stepRow(popup, 'credentials').next).toContainText(`Odoo has Client ID ${CLIENT_ID}`);
      expect(odoo.db.params.get('google_gmail_client_id')).toBe(CLIENT_ID);
      expect(odoo.db.params.get('google_gmail_client_secret')).toBe(CLIENT_SECRET);
      expect(odoo.db.params.get('base_setup.default_external_email_server')).toBe('True');
      const [create] = rpcBodies(odoo, 'res.config.settings', 'create');
      expect(create?.args).toEqual([
        {
          google_gmail_client_identifier: CLIENT_ID,
          google_gmail_client_secret: CLIENT_SECRET,
          external_email_server_default: true,
        },
      ]);
      // No module_* key is ever sent (a false one uninstalls, §8.3).
      expect(odoo.requests.some((r) => r.body?.includes('module_'))).toBe(false);
      expect(settingsTab.url()).toBe(
        `${odoo.origin}${version >= '18' ? '/odoo/settings' : '/web#action=base_setup.action_general_configuration'}`,
      );
      expect(JSON.stringify(await storageArea(context, 'session'))).not.toContain(CLIENT_SECRET);
      expect(JSON.stringify(await storageArea(context, 'local'))).not.toContain(CLIENT_SECRET);

      // --- Mail server: created once with this version's explicit values.
      await p.getByRole('button', { name: 'Create the mail server' }).click();
      await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done');
      await expect(stepRow(popup, 'server').next).toHaveText(`Odoo created the Gmail server “Gmail (${GMAIL})” for ${GMAIL}.`);
      let servers = odoo.mailServers();
      expect(servers).toHaveLength(1);
      expect(servers[0]).toMatchObject({ name: `Gmail (${GMAIL})`, ...expectedServer(version) });
      expect(rpcBodies(odoo, 'ir.mail_server', 'create')[0]?.args).toEqual([
        { name: `Gmail (${GMAIL})`, ...expectedServer(version) },
      ]);
      // Nothing connected yet: connect is the next thing to do.
      await expect(stepRow(popup, 'test').next).toHaveText('Connect the Gmail account first.');

      // --- Second run: someone changed the port by hand; the same record is updated, not duplicated.
      const id = Number(servers[0]?.id);
      const stored = odoo.db.table('ir.mail_server').get(id);
      if (stored) stored.smtp_port = 465;
      await p.getByRole('button', { name: 'Update the mail server' }).click();
      await expect(stepRow(popup, 'server').next).toHaveText(`Odoo updated the Gmail server “Gmail (${GMAIL})” for ${GMAIL}.`);
      servers = odoo.mailServers();
      expect(servers).toHaveLength(1);
      expect(servers[0]).toMatchObject({ id, smtp_port: 587 });
      expect(rpcBodies(odoo, 'ir.mail_server', 'write')[0]?.args).toEqual([[id], expectedServer(version)]);

      // --- Connect: guidance first, then Google's consent in a tab, Allow, back to Odoo's form.
      await expect(p.getByText(`Google will ask for an account — choose ${GMAIL}.`)).toBeVisible();
      await expect(p.getByText(`${GMAIL} must be one of its test users`)).toBeVisible();
      const google = await openedBy(context, isGoogle, () =>
        p.getByRole('button', { name: 'Connect your Gmail account' }).click(),
      );
      await expect(google.getByText(GMAIL)).toBeVisible();
      await google.getByRole('button', { name: 'Allow' }).click();
      await google.waitForURL(`${odoo.origin}${FORM_URL[version]?.(id)}`);
      await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'done');
      await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'done');
      await expect(p.getByText('Token present and Test Connection passed.')).toBeVisible();
      await expect(p.getByText(/^Last check: /)).toBeVisible();
      expect(odoo.google.tokenRequests.map((r) => [r.grant_type, r.redirect_uri, r.ok])).toEqual([
        ['authorization_code', `${odoo.origin}/google_gmail/confirm`, true],
      ]);
      expect(await badgeText(context)).toBe('OK');
      // Said without opening the popup: one notification for the connect.
      expect(Object.keys(await (await sw(context)).evaluate(() => chrome.notifications.getAll()))).toEqual([
        'gmail-monitor-connected',
      ]);
      const token = String(odoo.mailServers()[0]?.google_gmail_refresh_token);
      expect(token).toMatch(/^1\/\/0g/);
      expect(JSON.stringify(await storageArea(context, 'local'))).not.toContain(token);
      // The token was counted, never read: no read of the token field went out.
      expect(odoo.requests.some((r) => r.rpcMethod === 'read' && r.body?.includes('google_gmail_refresh_token'))).toBe(false);

      // --- Google revokes the token; the scheduled check (the real alarm) turns it red. Like real Odoo, the
      // fake still sends the access token it cached, and Gmail refuses it at MAIL FROM (captures fact 12):
      // the reading comes from the server (Gmail OAuth, Username, token), not from "5.7.8" alone.
      odoo.revokeToken();
      await fireMonitorAlarm(context);
      await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'attention');
      await expect(p.locator('.odoo-text pre')).toHaveText(
        new RegExp(
          `^The server refused the sender address \\(${GMAIL.replace(/[.]/g, '\\.')}\\) with error b'5\\.7\\.8 Username and Password not accepted`,
        ),
      );
      await expect(stepRow(popup, 'test').next).toContainText('Gmail refused the token Odoo sent');
      await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'attention');
      await expect(p.getByRole('button', { name: 'Reconnect your Gmail account' })).toBeVisible();
      expect(await badgeText(context)).toBe('!');
      const worker = await sw(context);
      // The red one takes the place of the "connected" one.
      expect(Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).toEqual(['gmail-monitor-red']);
      const monitor = (await storageArea(context, 'local')).monitor as { verdict: string; notifiedAt: number; trigger: string };
      expect(monitor).toMatchObject({ verdict: 'red', trigger: 'alarm' });
      // The schedule is still there after firing.
      expect(await worker.evaluate(() => chrome.alarms.get('gmail-monitor'))).toMatchObject({ periodInMinutes: 360 });

      // A second red check does not notify again.
      await worker.evaluate(() => chrome.notifications.clear('gmail-monitor-red'));
      await p.getByRole('button', { name: 'Test Connection' }).click();
      await expect(p.getByText(/^Last check: /)).toBeVisible();
      await expect
        .poll(async () => ((await storageArea(context, 'local')).monitor as { trigger: string }).trigger)
        .toBe('manual');
      expect(Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).toEqual([]);
      expect(((await storageArea(context, 'local')).monitor as { notifiedAt: number }).notifiedAt).toBe(monitor.notifiedAt);

      // --- Reconnect with the popup open (found when real Odoo was recorded): its "back from Google?" check runs while
      // Google's page shows and must not close the connect; the return does — green, and said.
      const again = await openedBy(context, isGoogle, () =>
        p.getByRole('button', { name: 'Reconnect your Gmail account' }).click(),
      );
      await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'inProgress');
      await expect
        .poll(async () => ((await storageArea(context, 'local')).odooGmail as { connect: { status: string } }).connect.status)
        .toBe('waiting');
      await again.getByRole('button', { name: 'Allow' }).click();
      await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'done');
      await expect
        .poll(async () => ((await storageArea(context, 'local')).odooGmail as { connect: { status: string } }).connect.status)
        .toBe('connected');
      expect(await badgeText(context)).toBe('OK');
      await expect
        .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
        .toEqual(['gmail-monitor-connected']);
      expect(odoo.mailServers()).toHaveLength(1);
    });
  });
}
