import { assistant, CONSOLE, Human, replicaModel, replicaState, seedSetup, serveConsole } from './console-fixtures.ts';
import { expect, test } from './fixtures.ts';

test('smoke: project create', async ({ context }) => {
  await serveConsole(context, {});
  await seedSetup(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  const human = new Human();
  await page.goto(`${CONSOLE}/projectcreate`);
  const a = assistant(page);
  await expect(a.main).toBeVisible({ timeout: 15000 });
  console.log(await a.panel.textContent());
  await human.click(a.main, 'fill');
  await page.waitForURL(/home\/dashboard/);
  await expect(a.status).toContainText('is your Odoo project', { timeout: 15000 });
  console.log(await a.panel.textContent(), JSON.stringify(await replicaState(page)), JSON.stringify(await replicaModel(page)));
});
