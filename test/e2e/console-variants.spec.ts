/**
 * The Console assistant against the replica's variants: the three ways a field can be labelled,
 * Vietnamese labels, a missing field and a field that drops its value (guided manual mode, step
 * "needs attention", nothing clicked), slow rendering, the same page filled twice (no duplicates),
 * navigation between pages without reload, the transient "Failed to load", a missed secret replaced
 * with "Add secret", and a project whose creation is only proven by Google's notification.
 */
import {
  CONFIGURED,
  CONSOLE,
  domText,
  expectClientCaptured,
  openConsole,
  panelText,
  personTicksPolicy,
  progress,
  REDIRECT_URI,
  type ReplicaConfig,
  replicaLoads,
  replicaModel,
  replicaState,
  seedSetup,
  storage,
} from './console-fixtures.ts';
import { expect, openPopup, stepRow, test } from './fixtures.ts';

const PROJECT = 'odoo-123456';
const at = (path: string) => `${CONSOLE}${path}${path.includes('?') ? '&' : '?'}project=${PROJECT}`;

/** The replica signs in `config.email`, or me@gmail.com, the account the setup names. */
const open = openConsole;

/** Fills the wizard and the client form; checks what the page's model and Google's state got. */
async function wizardThenClient(context: import('@playwright/test').BrowserContext, config: ReplicaConfig) {
  const personal = (config.accountType ?? 'personal') === 'personal';
  const gmail = personal ? 'me@gmail.com' : 'admin@acme.com';
  const { page, a, human } = await open(context, { ...config, email: gmail, seed: { ...CONFIGURED(), consent: null } }, gmail);
  await human.goto(page, at('/auth/overview/create'), 'wizard');
  await human.click(a.main, 'Fill in and create the app');
  await personTicksPolicy(page, human);
  // Created: the Console goes back to the overview, and the assistant on to Branding.
  await page.waitForURL((u) => u.pathname === '/auth/branding', { timeout: 30_000 });
  await expect
    .poll(async () => (await replicaState(page)).consent, { timeout: 15_000 })
    .toMatchObject({
      appName: 'Odoo',
      supportEmail: gmail,
      audience: personal ? 'external' : 'internal',
      contactEmails: [gmail],
    });

  await human.goto(page, at('/auth/clients/create'), 'create client');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await expect(a.status).toContainText(/captured ✓|đã được ghi nhận/, { timeout: 40_000 });
  await expectClientCaptured(context, page);
  return { page, human };
}

for (const labels of ['for', 'labelledby', 'aria'] as const) {
  test(`labels via ${labels === 'for' ? '<label for>' : labels === 'labelledby' ? 'aria-labelledby' : 'aria-label'}`, async ({
    context,
  }) => {
    await wizardThenClient(context, { labels, accountType: labels === 'aria' ? 'workspace' : 'personal' });
  });
}

test('Vietnamese Console labels (the account language)', async ({ context }) => {
  const { page } = await wizardThenClient(context, { lang: 'vi' });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
});

test('slow rendering: late fields, late options, late secret', async ({ context }) => {
  test.setTimeout(120_000);
  await wizardThenClient(context, { slow: true });
});

test('a missing field: guided manual mode, nothing created, the step needs attention', async ({ context, extensionId }) => {
  const { page, a, human } = await open(context, { missing: ['displayName'], seed: CONFIGURED() });
  await human.goto(page, at('/auth/clients/create'), 'create client');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await expect(a.status).toHaveText('Some fields could not be filled. Do these by hand — nothing else was clicked.', {
    timeout: 30_000,
  });
  // The value with a copy button, the label to look for, and the reason.
  const items = a.panel.getByRole('listitem');
  await expect(items.nth(0)).toContainText('Find "Name" and enter Odoo');
  await expect(items.nth(0)).toContainText('The field was not found on this page.');
  await expect(items.nth(0).getByRole('button', { name: 'Copy Name' })).toBeVisible();
  await expect(a.panel).toContainText('Then click "Create".');
  await expect(a.panel.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The fields that could be filled were (one fewer thing to do by hand), but Create was not clicked.
  await expect(items).toHaveCount(1);
  expect(await replicaModel(page)).toMatchObject({ applicationType: 'Web application', 'redirectUris.1': REDIRECT_URI });
  expect((await replicaState(page)).clients).toEqual([]);
  expect((await progress(context)).client).toMatchObject({ state: 'attention', note: { key: 'console.note.notFound' } });

  // The field report: its script is injected on this first click (lib/console/kit.ts), then copied.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE });
  const copy = a.panel.getByRole('button', { name: 'Copy a report for the developers' });
  await human.click(copy, 'Copy a report for the developers');
  await expect(a.panel.getByRole('button', { name: 'Report copied — paste it into a new issue of the project' })).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('Gmail for Odoo — Console field report');
  expect(report).toContain('path: /auth/clients/create?project=…');
  expect(report).toContain('failure: notFound — Name');
  expect(report).not.toContain(PROJECT);

  const popup = await openPopup(context, extensionId);
  const row = stepRow(popup, 'client');
  await expect(row.row).toHaveAttribute('data-state', 'attention');
  await expect(row.next).toHaveText('Needs you on the Console: "Name" was not found — fill it by hand.');
  await expect(row.row).toContainText('Needs attention');
});

test('a field that does not keep its value, then Internal disabled for a personal account', async ({ context }) => {
  // App name drops its value twice (both of the engine's attempts), then keeps it.
  const { page, a, human } = await open(context, {
    revert: ['displayName'],
    revertTimes: 2,
    accountType: 'personal',
    seed: { ...CONFIGURED(), consent: null },
  });
  // The setup says Google Workspace, but the Console account is personal: Internal is disabled (google-console.md §3.2).
  await seedSetup(context, { gmail: 'me@gmail.com', accountType: 'workspace' });
  await human.goto(page, at('/auth/overview/create'), 'wizard');
  await human.click(a.main, 'Fill in and create the app');
  await expect(a.panel).toContainText('Find "App name" and enter Odoo');
  await expect(a.panel).toContainText('The page did not keep the value.');
  await expect(a.panel).toContainText('Then click "Next".');
  expect((await progress(context)).consent).toMatchObject({ state: 'attention', note: { key: 'console.note.notKept' } });
  expect((await replicaModel(page)).displayName).toBe('');

  // "Try again": App name now keeps its value; the next stop is the disabled Internal radio.
  await human.click(a.panel.getByRole('button', { name: 'Try again' }), 'Try again');
  await expect(a.panel).toContainText('Choose "Internal"');
  await expect(a.panel).toContainText('The field is disabled.');
  expect((await replicaModel(page)).displayName).toBe('Odoo');
  expect((await progress(context)).consent?.note?.key).toBe('console.note.disabled');
  expect((await replicaState(page)).consent).toBeNull();
});

test('the same pages filled twice: no duplicate domain, test user, chip or redirect URI', async ({ context }) => {
  const { page, a, human } = await open(context, { seed: CONFIGURED({ contactEmails: ['me@gmail.com'] }) });
  await human.goto(page, at('/auth/branding'), 'branding');
  await human.click(a.main, 'Fill in and save authorized domain odoo.com');
  // Saved, and on to Audience; back on Branding, nothing to do.
  await page.waitForURL(/\/auth\/audience\?/);
  await page.goto(at('/auth/branding'));
  await expect(a.status).toHaveText('odoo.com is already an authorized domain ✓');
  await expect(a.main).toHaveCount(0);
  expect((await replicaState(page)).consent?.domains).toEqual(['odoo.com']);

  await human.goto(page, at('/auth/audience'), 'audience');
  await human.click(a.main, 'Fill in and save test user me@gmail.com');
  await page.waitForURL(/\/auth\/clients\/create\?/);
  await page.goto(at('/auth/audience'));
  await expect(a.status).toHaveText('me@gmail.com is already a test user ✓');
  expect((await replicaState(page)).consent?.testUsers).toEqual(['me@gmail.com']);

  // A redirect URI the person already typed into "URIs 1" is not added again.
  await human.goto(page, at('/auth/clients/create'), 'create client');
  await human.click(page.getByRole('combobox', { name: 'Application type' }), 'Application type by hand');
  await human.click(page.getByRole('option', { name: 'Web application' }), 'Web application by hand');
  const redirects = page.getByRole('group', { name: 'Authorized redirect URIs' });
  await human.click(redirects.getByRole('button', { name: /Add URI/ }), 'Add URI by hand');
  await human.type(redirects.getByRole('textbox', { name: 'URIs 1' }), REDIRECT_URI, 'redirect URI by hand');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await expect(a.status).toContainText('captured ✓', { timeout: 20_000 });
  expect((await replicaState(page)).clients[0]?.redirectUris).toEqual([REDIRECT_URI]);
  expect((await progress(context)).testUser?.state).toBe('done');
});

test('navigation between pages without reload (the Console is a single-page app)', async ({ context }) => {
  // The Console's own menu changes the page without loading a document: the assistant follows each change
  // (the page's step, its values, its button), and fills on the page the person stops at.
  const { page, a, human } = await open(context, { seed: CONFIGURED() });
  await human.goto(page, at('/auth/overview'), 'overview');
  await expect(a.status).toHaveText('Google Auth Platform is set up for this project ✓');
  const nav = page.getByRole('navigation');
  await human.click(nav.getByRole('link', { name: 'Branding' }), 'menu: Branding');
  await expect(a.main).toHaveText('Fill in and save authorized domain odoo.com');
  await human.click(nav.getByRole('link', { name: 'Audience' }), 'menu: Audience');
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  await human.click(nav.getByRole('link', { name: 'Clients' }), 'menu: Clients');
  await expect(a.panel).toContainText('Create the OAuth client: Web application');
  await human.click(page.getByRole('main').getByRole('link', { name: '+ Create client' }), 'Create client');
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await expect(a.status).toContainText('captured ✓', { timeout: 20_000 });
  // Nothing was filled on the pages passed through.
  expect((await replicaState(page)).consent).toMatchObject({ domains: [], testUsers: [] });
  expect(await replicaLoads(page)).toBe(1);
  console.log(human.summary('SPA navigation'));
});

test('"Failed to load" on a new project: says so, offers a reload, then works', async ({ context }) => {
  const { page, a, human } = await open(context, { failOnce: ['authOverview'], seed: { ...CONFIGURED(), consent: null } });
  await human.goto(page, at('/auth/overview'), 'overview');
  await expect(a.status).toContainText('Google shows "Failed to load"');
  await human.click(a.panel.getByRole('button', { name: 'Reload the page' }), 'Reload the page');
  await expect(a.main).toHaveText('Fill in and create the app Odoo (External)');
  expect((await progress(context)).consent).toBeUndefined();
});

test('a secret that never showed: "Add secret" on the client page, the new one captured', async ({ context, extensionId }) => {
  const { page, a, human } = await open(context, { secretNever: true, seed: CONFIGURED() });
  await human.goto(page, at('/auth/clients/create'), 'create client');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await expect(a.status).toContainText('The client secret was not captured.', { timeout: 40_000 });
  expect((await progress(context)).client).toMatchObject({ state: 'attention', note: { key: 'console.note.secretMissed' } });
  expect((await storage(context, 'session')).credentials).toBeUndefined();
  const created = (await replicaState(page)).clients[0];
  if (!created) throw new Error('no client');
  await human.click(page.getByRole('dialog').getByRole('button', { name: 'OK', exact: true }), "OK on Google's dialog");

  await human.click(a.panel.getByRole('link', { name: "Open the client's page" }), "Open the client's page");
  await page.waitForURL(new RegExp(`/auth/clients/${created.id.replace(/\./g, '\\.')}`));
  await expect(a.main).toHaveText('Fill in: add a new client secret and capture it');
  await human.click(a.main, 'Fill in: add a new client secret');
  await expect(a.status).toContainText(`Client ID ${created.id} and its secret are captured ✓`, { timeout: 20_000 });
  const client = (await replicaState(page)).clients[0];
  expect(client?.secrets).toHaveLength(2);
  expect((await storage(context, 'session')).credentials).toMatchObject({ clientId: created.id, clientSecret: client?.secret });
  expect(await panelText(page)).not.toContain(client?.secret);
  await human.click(page.getByRole('dialog').getByRole('button', { name: 'OK', exact: true }), "OK on Google's dialog");
  expect(await domText(page)).not.toContain(client?.secret);
  const popup = await openPopup(context, extensionId);
  await expect(stepRow(popup, 'client').row).toHaveAttribute('data-state', 'done');
});

test('project creation proven by the notification after a transient error, Google having gone back', async ({ context }) => {
  const { page, a, human } = await open(context, {
    projectNavigate: 'back',
    projectErrorOnce: true,
    seed: { projects: [{ id: 'older-project-1', name: 'Older', number: '111111111111' }], consent: null, clients: [] },
  });
  await human.goto(page, `${CONSOLE}/projectcreate?previousPage=%2Fhome%2Fdashboard%3Fproject%3Dolder-project-1`, 'create');
  await page.evaluate(() => history.replaceState({}, '', '/projectcreate?project=older-project-1'));
  await human.click(a.main, 'Fill in and create project Odoo');
  // The dashboard of the *older* project proves nothing; the notification names the new one.
  await page.waitForURL(/\/home\/dashboard\?project=older-project-1/);
  // The notification proves it: the journey goes on in the new project.
  await page.waitForURL(/\/auth\/overview\?project=odoo-\d{6}$/, { timeout: 20_000 });
  const created = (await replicaState(page)).projects.find((p) => p.name === 'Odoo');
  expect(new URL(page.url()).searchParams.get('project')).toBe(created?.id);
  expect((await storage(context, 'local')).google).toMatchObject({ projectId: created?.id });
  expect((await progress(context)).project?.state).toBe('done');
});
