/**
 * The background side of the Console assistant: the values it hands the content script (computed as
 * the popup shows them), what it records from the Console's pages (progress and Google facts), and
 * its checks — only the Console content script may talk, payloads are validated, a step turns done
 * only on evidence and is not undone by a weaker report.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { AUTOPILOT_MS } from '@/lib/background/autopilot';
import { tm } from '@/lib/i18n';
import { removeAllListeners } from '@/lib/messaging';
import { buildChecklist } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import { emptyOdooGmailState } from '@/lib/setup/odoo-state';
import { HANDOFF_MS, handoffItem } from '@/lib/state/handoff';
import {
  autopilotItem,
  credentialsItem,
  EMPTY_GOOGLE_STATE,
  googleItem,
  odooGmailItem,
  pendingProjectItem,
  probeItem,
  progressItem,
  setupItem,
} from '@/lib/state/items';
import { adminProbe } from '../fixtures/stored-state';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';
import { knownHosts } from './host-facts';

const ORIGIN = 'https://acme.odoo.com';
/** The values the popup computes for ORIGIN, with the public-suffix facts the background stores. */
const valuesHere = () => computeValues(ORIGIN, ORIGIN, knownHosts(ORIGIN));
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

async function seed(accountType: 'personal' | 'workspace' = 'personal', baseUrl = ORIGIN) {
  await setupItem.set(aSetup({ odooOrigin: ORIGIN, accountType }));
  await probeItem.set(adminProbe({ origin: ORIGIN, baseUrl, userName: 'A', userEmail: 'me@gmail.com' }));
}
const report = (data: object) => sendAs(CONSOLE_TAB, 'consoleReport', { page: 'branding', ...data });

beforeEach(() => {
  installPermissions();
  startBackground();
});
afterEach(() => removeAllListeners());

describe('the popup\'s "Set up Google Cloud for Odoo" (startGoogleSetup, one click for the Google side)', () => {
  const autopilot = async (page = 'branding') =>
    ((await sendAs(CONSOLE_TAB, 'consoleContext', { page })) as { value: { autopilot: boolean } }).value.autopilot;

  it('opens the first page not done yet, and every page of the run knows it goes on by itself', async () => {
    await seed();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await autopilot()).toBe(false);
    expect(await sendAs(POPUP, 'startGoogleSetup', {})).toEqual({ ok: true, value: { path: '/projectcreate' } });
    expect(create).toHaveBeenLastCalledWith({ url: 'https://console.cloud.google.com/projectcreate' });
    expect(await autopilot('projectCreate')).toBe(true);
    expect(await autopilot('clientCreate')).toBe(true);

    // Later on, from where it stands: the project and the consent screen done → Branding, in that project.
    await googleItem.set({ ...EMPTY_GOOGLE_STATE, projectId: 'odoo-123456' });
    await progressItem.set({ project: { state: 'done', at: 1 }, consent: { state: 'done', at: 2 } });
    expect(await sendAs(POPUP, 'startGoogleSetup', {})).toEqual({ ok: true, value: { path: '/auth/branding' } });
    expect(create).toHaveBeenLastCalledWith({ url: 'https://console.cloud.google.com/auth/branding?project=odoo-123456' });
  });

  it('Stop (the panel or the popup) ends it; a run left alone for long no longer moves anything', async () => {
    await seed();
    await sendAs(POPUP, 'startGoogleSetup', {});
    expect(await sendAs(CONSOLE_TAB, 'stopGoogleSetup', {})).toEqual({ ok: true, value: null });
    expect(await autopilot()).toBe(false);
    await autopilotItem.set({ startedAt: Date.now() - AUTOPILOT_MS - 1 });
    expect(await autopilot()).toBe(false);
  });

  it('only from the popup, only with a setup', async () => {
    expect(await sendAs(CONSOLE_TAB, 'startGoogleSetup', {})).toEqual({ ok: false, error: { key: 'err.sender' } });
    expect(await sendAs(POPUP, 'startGoogleSetup', {})).toEqual({ ok: false, error: { key: 'console.missing.setup' } });
    expect(await autopilotItem.get()).toBeNull();
  });
});

describe('what a click hands to the page it leads to (consoleHandoff)', () => {
  type Handed = { arrived: boolean; carried?: { step: string; until: number } };
  const context = (page: string, sender: object = CONSOLE_TAB) =>
    (sendAs(sender, 'consoleContext', { page }) as Promise<{ value: Handed }>).then((r) => r.value);
  const arrived = (page: string) => context(page).then((v) => v.arrived);

  it('that page, once, takes the focus; other pages and later visits do not; only the Console script may say it', async () => {
    await seed();
    expect(await sendAs(CONSOLE_TAB, 'consoleHandoff', { page: 'audience', focus: true })).toEqual({ ok: true, value: null });
    expect(await arrived('branding')).toBe(false);
    expect(await arrived('audience')).toBe(true);
    expect(await arrived('audience')).toBe(false);
    expect(await sendAs(POPUP, 'consoleHandoff', { page: 'audience', focus: true })).toEqual({
      ok: false,
      error: { key: 'err.sender' },
    });
    expect(await sendAs(CONSOLE_TAB, 'consoleHandoff', { page: 'nowhere', focus: true })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
    await handoffItem.set({ page: 'audience', focus: true, tab: CONSOLE_TAB.tab.id, at: Date.now() - HANDOFF_MS - 1 });
    expect(await arrived('audience')).toBe(false);
  });

  it('a step the click asked for goes to the next page of that tab, whichever it is, once and while fresh', async () => {
    await seed();
    const before = Date.now();
    await sendAs(CONSOLE_TAB, 'consoleHandoff', { page: null, step: 'consent', focus: false });
    // Another Console tab's page does not take it.
    const other = { ...CONSOLE_TAB, tab: { ...CONSOLE_TAB.tab, id: CONSOLE_TAB.tab.id + 1 } };
    expect((await context('authWizard', other)).carried).toBeUndefined();
    const taken = await context('authWizard');
    expect(taken.arrived).toBe(false);
    expect(taken.carried?.step).toBe('consent');
    expect(taken.carried?.until).toBeGreaterThanOrEqual(before + HANDOFF_MS);
    expect((await context('authWizard')).carried).toBeUndefined();
    expect(await sendAs(CONSOLE_TAB, 'consoleHandoff', { page: null, step: 'nothing', focus: false })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
  });
});

describe('consoleContext', () => {
  it('hands over the values the popup computed: names, audience, domain, redirect URI', async () => {
    await seed('personal', 'https://mail.acme.odoo.com');
    const reply = (await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientCreate' })) as { ok: true; value: object };
    expect(reply.value).toMatchObject({
      ready: true,
      gmail: 'me@gmail.com',
      audience: 'external',
      projectName: 'Odoo',
      appName: 'Odoo',
      clientName: 'Odoo',
      authorizedDomain: 'odoo.com',
      redirectUri: 'https://mail.acme.odoo.com/google_gmail/confirm',
      secretCaptured: false,
      progress: {},
    });
  });

  it('an http redirect URI Google refuses (Odoo behind a proxy): handed over with why and the Odoo-side fix', async () => {
    await seed('personal', 'http://acme.odoo.com');
    const reply = await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientCreate' });
    expect(reply).toMatchObject({
      value: {
        redirectUri: 'http://acme.odoo.com/google_gmail/confirm',
        redirectRefusal: {
          problems: [{ key: 'err.redirect.https' }],
          fix: { key: 'diag.refused.fixBaseUrl', params: { baseUrl: ORIGIN } },
        },
      },
    });
    await seed('personal');
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientCreate' })).toMatchObject({
      value: { redirectRefusal: null },
    });
  });

  it('Internal for Google Workspace; nothing but "not ready" without a setup', async () => {
    await seed('workspace');
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'authWizard' })).toMatchObject({
      value: { audience: 'internal' },
    });
    await setupItem.set(null);
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'authWizard' })).toMatchObject({
      value: { ready: false, gmail: null, redirectUri: null },
    });
  });

  it('says whether the secret of the known client is held — never the secret itself', async () => {
    await seed();
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    const reply = await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientDetails' });
    expect(reply).toMatchObject({ value: { clientId: ID, secretCaptured: true } });
    expect(JSON.stringify(reply)).not.toContain(SECRET);
  });

  it('counts a secret Odoo already holds for that client as held (it was wiped here on purpose)', async () => {
    await seed();
    await googleItem.set({ ...EMPTY_GOOGLE_STATE, clientId: ID, secretCapturedAt: 1 });
    const held = { clientId: ID, at: 2, secretConfirmed: true, found: false };
    await odooGmailItem.set({ ...emptyOdooGmailState(ORIGIN), credentials: held });
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientDetails' })).toMatchObject({
      value: { secretCaptured: true },
    });
    // Another client in Odoo, or the same facts about another Odoo: the secret is missing.
    await odooGmailItem.set({ ...emptyOdooGmailState(ORIGIN), credentials: { ...held, clientId: `9${ID.slice(1)}` } });
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientDetails' })).toMatchObject({
      value: { secretCaptured: false },
    });
    await odooGmailItem.set({ ...emptyOdooGmailState('https://other.odoo.com'), credentials: held });
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'clientDetails' })).toMatchObject({
      value: { secretCaptured: false },
    });
  });

  it('refuses the popup and unknown pages', async () => {
    expect(await sendAs(POPUP, 'consoleContext', { page: 'branding' })).toMatchObject({
      ok: false,
      error: { key: 'err.sender' },
    });
    expect(await sendAs(CONSOLE_TAB, 'consoleContext', { page: 'somewhere' })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
  });
});

describe('consoleReport', () => {
  it('records a project in two steps: pending, then proven', async () => {
    await seed();
    await report({
      page: 'projectCreate',
      step: 'project',
      state: 'inProgress',
      facts: { pendingProject: { projectId: 'odoo-123456', fromProject: null } },
    });
    expect(await pendingProjectItem.get()).toMatchObject({ projectId: 'odoo-123456', fromProject: null });
    expect((await progressItem.get()).project).toMatchObject({
      state: 'inProgress',
      note: { key: 'console.note.projectPending' },
    });
    expect((await googleItem.get()).projectId).toBeNull();

    await report({ page: 'dashboard', step: 'project', state: 'done', facts: { projectId: 'odoo-123456' } });
    expect((await googleItem.get()).projectId).toBe('odoo-123456');
    expect(await pendingProjectItem.get()).toBeNull();
    expect((await progressItem.get()).project?.state).toBe('done');
  });

  it('refuses "project done" without the project, and bad facts', async () => {
    expect(await report({ step: 'project', state: 'done' })).toMatchObject({ ok: false });
    expect(await report({ facts: { projectId: 'Not A Project' } })).toMatchObject({ ok: false, error: { key: 'err.payload' } });
    expect(await report({ facts: { testUsers: ['not-an-email'] } })).toMatchObject({ ok: false });
    expect(await report({ facts: { authorizedDomains: ['ODOO.COM/x'] } })).toMatchObject({ ok: false });
    expect(await report({ state: 'done' })).toMatchObject({ ok: false });
    expect(await report({ step: 'domain', state: 'done', extra: 1 })).toMatchObject({ ok: false });
    expect(await progressItem.get()).toEqual({});
  });

  it('stores what the page showed, whole lists replacing the old ones', async () => {
    await googleItem.update((g) => ({ ...g, authorizedDomains: ['old.com'] }));
    await report({
      facts: { authorizedDomains: ['odoo.com'], audience: 'external', publishing: 'testing', testUsers: ['Me@Gmail.com'] },
    });
    expect(await googleItem.get()).toMatchObject({
      authorizedDomains: ['odoo.com'],
      audience: 'external',
      publishing: 'testing',
      testUsers: ['me@gmail.com'],
    });
  });

  it('a fall-back is "needs attention" with its reason; a later weaker report does not undo "done"', async () => {
    await seed();
    await report({ page: 'clientCreate', step: 'client', state: 'attention', reason: { code: 'notFound', field: 'Name' } });
    const steps = buildChecklist({
      setup: await setupItem.get(),
      probe: await probeItem.get(),
      progress: await progressItem.get(),
      computed: valuesHere(),
    });
    const client = steps.find((s) => s.id === 'client');
    expect(client?.state).toBe('attention');
    expect(tm(client?.next ?? { key: 'state.todo' })).toBe('Needs you on the Console: "Name" was not found — fill it by hand.');

    await report({ step: 'domain', state: 'done', facts: { authorizedDomains: ['odoo.com'] } });
    await report({ step: 'domain', state: 'attention', reason: { code: 'rejected', field: 'Authorized domain 1' } });
    expect((await progressItem.get()).domain).toMatchObject({
      state: 'done',
      note: { key: 'console.note.domainDone', params: { domain: 'odoo.com' } },
    });
  });

  it('never marks the client done itself: only its captured credentials do', async () => {
    await report({ page: 'clientCreate', step: 'client', state: 'done' });
    expect((await progressItem.get()).client).toBeUndefined();
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    expect((await progressItem.get()).client?.state).toBe('done');
    expect((await credentialsItem.get())?.clientSecret).toBe(SECRET);
  });

  it("a second, different project: the previous one's consent, domain and test user no longer count", async () => {
    await report({ step: 'project', state: 'done', facts: { projectId: 'odoo-111111' } });
    await report({ step: 'consent', state: 'done', facts: { audience: 'external' } });
    await report({ step: 'domain', state: 'done', facts: { authorizedDomains: ['odoo.com'] } });
    await report({ step: 'project', state: 'done', facts: { projectId: 'odoo-222222' } });
    expect(Object.keys(await progressItem.get())).toEqual(['project']);
    expect(await googleItem.get()).toMatchObject({ projectId: 'odoo-222222', authorizedDomains: [], audience: null });
  });

  it('every Console link of the checklist carries the project', async () => {
    await seed();
    await report({ step: 'project', state: 'done', facts: { projectId: 'odoo-123456' } });
    const steps = buildChecklist({
      setup: await setupItem.get(),
      probe: await probeItem.get(),
      progress: await progressItem.get(),
      computed: valuesHere(),
      google: await googleItem.get(),
    });
    for (const id of ['consent', 'domain', 'testUser', 'client']) {
      expect(new URL(steps.find((s) => s.id === id)?.link ?? '').searchParams.get('project')).toBe('odoo-123456');
    }
    // A client whose secret was missed: its own page, where "Add secret" is.
    await googleItem.update((g) => ({ ...g, clientId: ID }));
    const again = buildChecklist({
      setup: await setupItem.get(),
      probe: null,
      progress: {},
      computed: null,
      google: await googleItem.get(),
    });
    expect(again.find((s) => s.id === 'client')?.link).toBe(
      `https://console.cloud.google.com/auth/clients/${ID}?project=odoo-123456`,
    );
  });
});
