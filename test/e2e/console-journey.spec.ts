/**
 * The whole Console part of the guide, on the replica Console served at the real Console URLs, with
 * the built extension: new Google Auth Platform UI (personal Gmail) and legacy APIs & Services UI
 * (Google Workspace). Each ends with the client's ID and secret in the background — secret in
 * storage.session only, never in storage.local, never in any page's DOM — and prints how many
 * clicks and keystrokes a person still made on the Console. Sections cited: docs/evidence/google-console.md.
 */
import {
  assistant,
  CONFIGURED,
  CONSOLE,
  domText,
  Human,
  panelText,
  personTicksPolicy,
  progress,
  REDIRECT_URI,
  replicaState,
  seedSetup,
  serveConsole,
  storage,
} from './console-fixtures.ts';
import { expect, openPopup, stepRow, test } from './fixtures.ts';

test('new UI, personal Gmail: project → consent → domain → test user → client → captured', async ({ context, extensionId }) => {
  await serveConsole(context, { ui: 'new', accountType: 'personal' });
  await seedSetup(context, { gmail: 'me@gmail.com', accountType: 'personal' });
  const page = context.pages()[0] ?? (await context.newPage());
  const human = new Human();
  const a = assistant(page);

  // 1. Create project (§3.1): one click, which says it creates; once the Console proves the project, the
  // journey goes on by itself — one click per page, no "Next" links.
  await human.goto(page, `${CONSOLE}/projectcreate?previousPage=%2Fhome%2Fdashboard`, 'Create project');
  await expect(a.main).toHaveText('Fill in and create project Odoo');
  await human.click(a.main, 'Fill in and create project Odoo');
  await page.waitForURL(/\/auth\/overview\?project=odoo-\d{6}$/);
  const projectId = new URL(page.url()).searchParams.get('project') ?? '';
  expect((await replicaState(page)).projects).toEqual([expect.objectContaining({ id: projectId, name: 'Odoo' })]);
  await expect.poll(async () => (await progress(context)).project?.state).toBe('done');

  // 2. Consent screen (§3.2): one click does "Get started" and the whole wizard; every page carries ?project=.
  await expect(a.main).toHaveText('Fill in and create the app Odoo (External)');
  await human.click(a.main, 'Fill in and create the app');
  // The User Data Policy is the person's agreement: the panel points at the box, the person ticks it
  // (agreements stay the person's), and the wizard goes on by itself.
  await personTicksPolicy(page, human);
  await page.waitForURL(`${CONSOLE}/auth/branding?project=${projectId}`);
  // Exactly what a configured project holds (the fixture other tests start from).
  expect((await replicaState(page)).consent).toEqual(CONFIGURED().consent);
  await expect.poll(async () => (await progress(context)).consent?.state).toBe('done');

  // 3. Branding › Authorized domain (§3.3): odoo.com for acme.odoo.com; then on to Audience.
  await expect(a.main).toHaveText('Fill in and save authorized domain odoo.com');
  await human.click(a.main, 'Fill in and save authorized domain');
  await page.waitForURL(`${CONSOLE}/auth/audience?project=${projectId}`);
  expect((await replicaState(page)).consent?.domains).toEqual(['odoo.com']);

  // 4. Audience › Test user (§3.4): External app, the Gmail address added once; then on to the client.
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  await human.click(a.main, 'Fill in and save test user');
  await page.waitForURL(`${CONSOLE}/auth/clients/create?project=${projectId}`);
  expect((await replicaState(page)).consent?.testUsers).toEqual(['me@gmail.com']);

  // 5. Create client (§3.6) → 6. capture (§3.7).
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await expect(a.panel).toContainText(REDIRECT_URI);
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  const dialog = page.getByRole('dialog', { name: 'OAuth client created' });
  await expect(dialog).toBeVisible();
  await expect(a.status).toContainText('and its secret are captured ✓', { timeout: 20_000 });
  const client = (await replicaState(page)).clients[0];
  if (!client) throw new Error('no client was created');
  expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [REDIRECT_URI], origins: [] });
  await expect(a.status).toContainText(client.id);
  // The panel shows the ID, never the secret — even while Google's dialog shows it.
  expect(await panelText(page)).not.toContain(client.secret);
  // And it does not cover Google's dialog, where the person may still click (OK, the copy buttons).
  const [box, modal] = [await a.panel.boundingBox(), await dialog.boundingBox()];
  if (!box || !modal) throw new Error('panel or dialog not laid out');
  const apart =
    box.x + box.width <= modal.x ||
    modal.x + modal.width <= box.x ||
    box.y + box.height <= modal.y ||
    modal.y + modal.height <= box.y;
  expect(apart, JSON.stringify({ box, modal })).toBe(true);

  // The secret is in storage.session only.
  const session = await storage(context, 'session');
  expect(session.credentials).toMatchObject({ clientId: client.id, clientSecret: client.secret, source: 'console' });
  const local = await storage(context, 'local');
  expect(JSON.stringify(local)).not.toContain(client.secret);
  expect(local.google).toMatchObject({
    projectId,
    clientId: client.id,
    audience: 'external',
    authorizedDomains: ['odoo.com'],
    testUsers: ['me@gmail.com'],
  });
  // What is left is the Odoo side, offered right here (no Odoo in this test: not clicked).
  await expect(a.panel.getByRole('button', { name: 'Save in Odoo and connect me@gmail.com' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  expect(await domText(page)).not.toContain(client.secret);

  // The popup's checklist: every Console step done, on evidence.
  const popup = await openPopup(context, extensionId);
  for (const id of ['project', 'consent', 'domain', 'testUser', 'client']) {
    await expect(stepRow(popup, id).row).toHaveAttribute('data-state', 'done');
  }
  await expect(stepRow(popup, 'client').next).toContainText(client.id);
  expect(await domText(popup)).not.toContain(client.secret);

  console.log(human.summary('New UI journey'));
  // One click per page, nothing typed: project, app (Get started + wizard), domain, test user, client.
  expect(human.keystrokes).toBe(0);
  expect(human.clicks).toBe(6);
});

test('legacy UI, Google Workspace: User Type → app registration → credentials → captured', async ({ context }) => {
  await serveConsole(context, { ui: 'legacy', accountType: 'workspace', email: 'admin@acme.com' });
  await seedSetup(context, { gmail: 'admin@acme.com', accountType: 'workspace' });
  const page = context.pages()[0] ?? (await context.newPage());
  const human = new Human();
  const a = assistant(page);

  await human.goto(page, `${CONSOLE}/projectcreate`, 'Create project');
  await expect(a.panel).toContainText('Location: keep your Google Workspace organization.');
  await human.click(a.main, 'Fill in and create project Odoo');
  // The project proven, the assistant goes on to the Auth Platform overview, as for everyone today (§1: the
  // legacy consent URL redirects there); this Console still has the legacy screens, reached by its menu.
  await page.waitForURL(/\/auth\/overview\?project=odoo-/);
  const projectId = new URL(page.url()).searchParams.get('project') ?? '';
  await expect.poll(async () => (await progress(context)).project?.state).toBe('done');

  // Legacy navigation: the Console's own menu (SPA, no reload).
  await human.click(
    page.getByRole('navigation').getByRole('link', { name: 'OAuth consent screen' }),
    'menu: OAuth consent screen',
  );
  await expect(a.main).toHaveText('Fill in: User Type Internal, then Create');
  await human.click(a.main, 'Fill in: User Type Internal');
  await page.waitForURL(/consent\/edit;newAppInternalUser=true/);
  await expect(a.main).toHaveText('Fill in and save the app registration Odoo (Internal)');
  await human.click(a.main, 'Fill in and save the app registration');
  // Saved, then on to the client's page by itself.
  await page.waitForURL(`${CONSOLE}/apis/credentials/oauthclient?project=${projectId}`);
  expect((await replicaState(page)).consent).toMatchObject({
    appName: 'Odoo',
    supportEmail: 'admin@acme.com',
    audience: 'internal',
    contactEmails: ['admin@acme.com'],
    domains: ['odoo.com'],
    testUsers: [],
  });

  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await human.click(a.main, 'Fill in and create OAuth client Odoo');
  await page.waitForURL(/\/apis\/credentials\?project=/);
  await expect(a.status).toContainText('and its secret are captured ✓', { timeout: 20_000 });
  const client = (await replicaState(page)).clients[0];
  if (!client) throw new Error('no client was created');
  expect(client.redirectUris).toEqual([REDIRECT_URI]);
  expect((await storage(context, 'session')).credentials).toMatchObject({ clientId: client.id, clientSecret: client.secret });
  expect(JSON.stringify(await storage(context, 'local'))).not.toContain(client.secret);
  await page.getByRole('dialog').getByRole('button', { name: 'OK', exact: true }).click();
  expect(await domText(page)).not.toContain(client.secret);

  const steps = await progress(context);
  expect(Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.state]))).toEqual({
    project: 'done',
    consent: 'done',
    domain: 'done',
    client: 'done',
  });
  console.log(human.summary('Legacy UI journey'));
  expect(human.keystrokes).toBe(0);
  // Project, the Console's menu, User Type, app registration, client.
  expect(human.clicks).toBe(5);
});
