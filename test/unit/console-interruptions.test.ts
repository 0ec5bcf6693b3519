// @vitest-environment happy-dom
/**
 * Interruptions named, not suffered: each gets its own panel state with what to do, and
 * the assistant resumes afterwards. Fragments from google-console-2026.md:
 * - the Cloud Terms of Service dialog of a first project (`cfc-tos-checkboxes`, §11) — never ticked or
 *   clicked by the assistant; the run stops while it shows and resumes once the person accepted it;
 * - the `/enable-mfa` redirect (§11) — recognised by URL, so the loader brings the assistant there;
 * - a `main` left blank for seconds (§12) — Reload offered, up to 3 tries, counted across reloads;
 * - the clients page's "configure the consent screen first" bar (§10) — leads to Get started;
 * - the test-user panel that is not a `dialog` (§13) — success is the address listed;
 * - "Add secret" opening a side panel and a confirmation, the secret read from a field's value (§8, §9).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { secretsOn, watchCapture } from '@/lib/console/capture';
import { detectPage } from '@/lib/console/detect';
import { STEPS } from '@/lib/console/groups/all';
import { type LoaderContext, startLoader } from '@/lib/console/loader';
import { type Env, runStep, type Step } from '@/lib/console/step';
import { audience } from '@/lib/console/steps/audience';
import { branding } from '@/lib/console/steps/branding';
import { clientCreate } from '@/lib/console/steps/client-create';
import { clientDetails } from '@/lib/console/steps/client-details';
import { projectCreate } from '@/lib/console/steps/project-create';
import type { ConsoleContext } from '@/lib/console/types';
import { removeAllListeners } from '@/lib/messaging';
import { setupItem } from '@/lib/state/items';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { C, chipInput, frame, GMAIL, saveChips } from './console-pages';
import {
  CONSOLE_TAB,
  consoleStepEnv,
  eventsOn,
  fastTiming,
  installPermissions,
  panelControl,
  panelMain,
  panelRing,
  panelState,
  panelStatus,
  panelText,
  personClicks,
  sendAs,
  setUrl,
  stopConsoleEnvs,
} from './helpers';

const CTX: ConsoleContext = { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external' };
function envFor(page: Env['page'], href: string, reports: unknown[] = [], ctx: Partial<ConsoleContext> = {}): Env {
  setUrl(href);
  return { ...consoleStepEnv(reports, { ...CTX, ...ctx }), page, url: new URL(href) };
}
/** The assistant's step for a page (every page has one: console-steps.test.ts). */
function stepOf(page: Env['page']): Step {
  const step = STEPS.find((s) => s.pages.includes(page));
  expect(step, `a step for ${page}`).toBeDefined();
  return step as Step;
}
const TOS_TEXT =
  'Google asks you to accept the Google Cloud Terms of Service (first use of the Console). On Google\'s dialog, choose your country, tick the box and click "Agree and continue" — it is your agreement, so the assistant does not click it. It goes on afterwards.';

beforeEach(fastTiming);
afterEach(() => {
  stopConsoleEnvs();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the Cloud Terms of Service dialog (2026 §11)', () => {
  /** `/projectcreate` (google-console.md §3.1) with, for a new account, the Terms of Service dialog over it. */
  function projectPage(): { name: HTMLInputElement; creates: () => number } {
    document.body.innerHTML = `${frame(`<h1>New Project</h1><form>
      <proj-name-id-input><label>Project name <input value="My Project 12345"></label></proj-name-id-input>
      <p>Project ID: my-project-12345-123456. It cannot be changed later.</p>
      <button type="button" id="create">Create</button></form>`)}<div class="cdk-overlay-container"></div>`;
    let creates = 0;
    document.getElementById('create')?.addEventListener('click', () => {
      creates++;
      (document.getElementById('create') as HTMLButtonElement).disabled = true;
    });
    return { name: document.querySelector('proj-name-id-input input') as HTMLInputElement, creates: () => creates };
  }
  function termsOfService(): { box: HTMLElement; agree: HTMLElement; accept(): void } {
    document.querySelector('.cdk-overlay-container')?.insertAdjacentHTML(
      'beforeend',
      `<mat-dialog-container role="dialog" aria-label="Terms of Service"><h2>Welcome</h2>
        <div class="cfc-select-value">Country</div>
        <cfc-tos-checkboxes><input type="checkbox" aria-label="I agree to the Google Cloud Platform Terms of Service"></cfc-tos-checkboxes>
        <button type="button">Agree and continue</button></mat-dialog-container>`,
    );
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    return {
      box: dialog.querySelector('input') as HTMLElement,
      agree: dialog.querySelector('button') as HTMLElement,
      accept: () => dialog.remove(),
    };
  }

  it('at load: its own panel state pointing at Google’s button; nothing filled, ticked or clicked; the step after it', async () => {
    const page = projectPage();
    const tos = termsOfService();
    const onTos = [...eventsOn(tos.box), ...eventsOn(tos.agree)];
    void runStep(projectCreate, envFor('projectCreate', `${C}/projectcreate`));
    await vi.waitFor(() => expect(panelStatus()).toBe(TOS_TEXT), { timeout: 3000 });
    expect(panelState()).toBe('tos');
    expect(panelRing()).not.toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(panelStatus()).toBe(TOS_TEXT);
    expect(page.name.value).toBe('My Project 12345');
    expect(onTos).toEqual([]);

    tos.accept(); // the person's: country, tick, "Agree and continue"
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and create project Odoo'));
    expect(page.creates()).toBe(0);
    expect(panelRing()).toBeNull();
    expect(panelState()).toBeNull();
  });

  it('during the person’s run: the run stops before Create, and resumes by itself once the person accepted — Create once', async () => {
    const page = projectPage();
    let tos: ReturnType<typeof termsOfService> | null = null;
    // Google shows the dialog as soon as the page is used.
    page.name.addEventListener('input', () => {
      tos ??= termsOfService();
    });
    const reports: unknown[] = [];
    void runStep(projectCreate, envFor('projectCreate', `${C}/projectcreate`, reports));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelStatus()).toBe(TOS_TEXT), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 400));
    expect(page.creates()).toBe(0);

    (tos as ReturnType<typeof termsOfService> | null)?.accept();
    await vi.waitFor(() => expect(page.creates()).toBe(1), { timeout: 3000 });
    expect(page.name.value).toBe('Odoo');
    await new Promise((r) => setTimeout(r, 300));
    expect(page.creates()).toBe(1);
    expect(reports).toContainEqual(expect.objectContaining({ step: 'project', state: 'inProgress' }));
  });
});

describe('the /enable-mfa redirect (2026 §11)', () => {
  const MFA = `${C}/enable-mfa?redirectTo=%2Fauth%2Faudience%3Fproject%3Dodoo-123456`;

  it('is a page the loader brings the assistant to', async () => {
    expect(detectPage(MFA)).toBe('enableMfa');
    setUrl(MFA);
    const request = vi.fn(async () => true);
    const ctx: LoaderContext = { addEventListener: () => undefined };
    startLoader(ctx, request);
    await new Promise((r) => setTimeout(r, 0));
    expect(request).toHaveBeenCalledWith('enableMfa');
  });

  it('says what only the person can do, and leads back where the journey was', async () => {
    const enableMfa = stepOf('enableMfa');
    document.body.innerHTML = frame('<h1>Turn on 2-Step Verification</h1>');
    void runStep(enableMfa, envFor('enableMfa', MFA));
    await vi.waitFor(() => expect(panelStatus()).toContain('2-Step Verification'));
    expect(panelState()).toBe('mfa');
    expect(panelStatus()).toBe(
      "Google asks for 2-Step Verification before you can use the Google Cloud Console. Turn it on as Google's page explains — only you can. Once you are back, the assistant goes on where you were.",
    );
    expect(panelControl('It is on — back to where I was')?.getAttribute('href')).toBe(`${C}/auth/audience?project=odoo-123456`);
    expect(panelMain()).toBeNull();
  });

  it('never leads off the Console', async () => {
    const enableMfa = stepOf('enableMfa');
    document.body.innerHTML = frame('<h1>Turn on 2-Step Verification</h1>');
    void runStep(enableMfa, envFor('enableMfa', `${C}/enable-mfa?redirectTo=https%3A%2F%2Fevil.example%2F`));
    await vi.waitFor(() => expect(panelStatus()).toContain('2-Step Verification'));
    expect(panelControl('It is on — back to where I was')).toBeNull();
    void runStep(enableMfa, envFor('enableMfa', `${C}/enable-mfa?redirectTo=%2F%2Fevil.example%2F`));
    await new Promise((r) => setTimeout(r, 50));
    expect(panelControl('It is on — back to where I was')).toBeNull();
  });
});

describe('a blank main (2026 §12)', () => {
  const BRANDING = `${C}/auth/branding?project=odoo-123456`;

  it('Reload offered (1 of 3): the reload is counted, and a page that fills in runs its step again', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);
    document.body.innerHTML = frame('');
    const reports: unknown[] = [];
    const rerun = vi.fn();
    void runStep(branding, { ...envFor('branding', BRANDING, reports), rerun });
    await vi.waitFor(() => expect(panelStatus()).toContain('stayed blank'), { timeout: 3000 });
    expect(panelStatus()).toBe(
      "Google's page stayed blank. Reload it — the assistant goes on by itself once the page shows (reload 1 of 3).",
    );
    expect(panelState()).toBe('blank');
    personClicks(panelMain() as HTMLElement);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(reports).toEqual([{ reload: true }]);

    (document.querySelector('main') as HTMLElement).innerHTML = '<h1>Branding</h1>';
    await vi.waitFor(() => expect(rerun).toHaveBeenCalledTimes(1));
  });

  it('after 3 reloads: no more Reload — what else to do; the step needs attention', async () => {
    document.body.innerHTML = frame('<p role="progressbar" aria-label="Loading"></p>');
    const reports: unknown[] = [];
    void runStep(branding, envFor('branding', BRANDING, reports, { reloads: 3 }));
    await vi.waitFor(() => expect(panelStatus()).toContain('after 3 reloads'), { timeout: 3000 });
    expect(panelStatus()).toBe(
      "Google's page stayed blank after 3 reloads. Google Cloud may be having trouble: try again in a few minutes, or open this page from the Console's menu.",
    );
    expect(panelMain()?.textContent).toBe('Try again');
    expect(panelControl('Copy a report for the developers')).not.toBeNull();
    expect(reports).toContainEqual({
      step: 'domain',
      state: 'attention',
      reason: { code: 'notReady', field: 'Branding › Authorized domain' },
    });
  });

  it('the background counts the reloads of a page across its reloads (storage.session)', async () => {
    installPermissions();
    startBackground();
    try {
      await setupItem.set(aSetup({ gmail: GMAIL }));
      const reloads = async (page: string) =>
        ((await sendAs(CONSOLE_TAB, 'consoleContext', { page })) as { value: { reloads: number } }).value.reloads;
      expect(await reloads('branding')).toBe(0);
      for (let i = 0; i < 2; i++) await sendAs(CONSOLE_TAB, 'consoleReport', { page: 'branding', reload: true });
      expect(await reloads('branding')).toBe(2);
      expect(await reloads('audience')).toBe(0);
    } finally {
      removeAllListeners();
      fakeBrowser.reset();
    }
  });
});

describe('the clients page before the consent screen (2026 §10)', () => {
  it('names the bar, fills nothing, and leads to Get started', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    document.body.innerHTML = frame(`<h1>Create OAuth client ID</h1>
      <div class="warning" role="alert">To create an OAuth client ID, you must first configure your consent screen <a href="/auth/overview">Configure consent screen</a></div>
      <form><cfc-select role="combobox" aria-label="Application type" tabindex="0"></cfc-select><button type="button">Create</button></form>`);
    const onType = eventsOn(document.querySelector('cfc-select') as HTMLElement);
    const carry = vi.fn();
    void runStep(clientCreate, { ...envFor('clientCreate', `${C}/auth/clients/create?project=odoo-123456`), carry });
    await vi.waitFor(() => expect(panelStatus()).toContain('consent screen before an OAuth client'), { timeout: 3000 });
    expect(panelState()).toBe('consent-first');
    expect(panelText()).not.toContain('It fills in:');
    expect(panelMain()?.textContent).toBe('Set up the consent screen first (Get started): create the app Odoo (External)');
    expect(onType).toEqual([]);
    // Google's own link in the bar routes within the Console, carrying the click to the wizard.
    const link = document.querySelector('.warning a') as HTMLElement;
    const onLink = eventsOn(link, ['click']);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      (document.querySelector('main') as HTMLElement).innerHTML = '<h1>OAuth Overview</h1>';
    });
    panelMain()?.click();
    await vi.waitFor(() => expect(onLink).toEqual([{ type: 'click', trusted: false }]));
    expect(carry).toHaveBeenCalledWith('consent');
    expect(assign).not.toHaveBeenCalled();
  });

  it('a bar without a link: the overview opens', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    document.body.innerHTML = frame(`<div class="warning">You must first configure your consent screen.</div>
      <form><cfc-select role="combobox" aria-label="Application type" tabindex="0"></cfc-select></form>`);
    void runStep(clientCreate, envFor('clientCreate', `${C}/auth/clients/create?project=odoo-123456`));
    await vi.waitFor(() => expect(panelMain()?.textContent).toContain('Set up the consent screen first'), { timeout: 3000 });
    panelMain()?.click();
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith(`${location.origin}/auth/overview?project=odoo-123456`));
  });
});

describe('the test-user panel that is not a dialog (2026 §13)', () => {
  /** Audience (google-console.md §3.4): "+ Add users" opens a side panel — an `aside`, no dialog role — whose first Save does nothing. */
  function audiencePage(keepsAddress = true): { saves: () => number } {
    document.body.innerHTML = `${frame(`<h1>Audience</h1><p>Publishing status</p><p>Testing</p><p>User type</p><p>External</p>
      <section><h2>Test users</h2><button type="button" id="add">+ Add users</button><ul id="users"></ul></section>`)}`;
    let saves = 0;
    document.getElementById('add')?.addEventListener('click', () => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<aside class="side-panel"><h2>Add users</h2><mat-chip-grid><input aria-label="Email"></mat-chip-grid>
          <button type="submit" aria-label="Save">Save</button></aside>`,
      );
      chipInput(document.querySelector('aside input') as HTMLInputElement);
      document.querySelector('aside button')?.addEventListener('click', () => {
        saves++;
        if (saves < 2) return; // google-console.md §3.4: the first click often does nothing
        saveChips('aside', keepsAddress);
      });
    });
    return { saves: () => saves };
  }

  it('success is the address listed (panel gone): saved, reported, on to the client', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const page = audiencePage();
    const reports: unknown[] = [];
    void runStep(audience, envFor('audience', `${C}/auth/audience?project=odoo-123456`, reports));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe(`Fill in and save test user ${GMAIL}`));
    panelMain()?.click();
    await vi.waitFor(() => expect(assign).toHaveBeenCalled(), { timeout: 4000 });
    expect(page.saves()).toBe(2);
    expect(String(assign.mock.calls[0]?.[0])).toMatch(/\/auth\/clients\/create\?project=odoo-123456$/);
    expect(reports).toContainEqual({ step: 'testUser', state: 'done', facts: { testUsers: [GMAIL] } });
  });

  it('the panel closes but the address is not listed: not done — the address to add by hand', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    audiencePage(false);
    const reports: unknown[] = [];
    void runStep(audience, envFor('audience', `${C}/auth/audience?project=odoo-123456`, reports));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelText()).toContain('Do this by hand:'), { timeout: 4000 });
    expect(panelText()).toContain(`Find "Add users" and enter ${GMAIL}`);
    expect(reports).not.toContainEqual(expect.objectContaining({ step: 'testUser', state: 'done' }));
    expect(reports).toContainEqual({ step: 'testUser', state: 'attention', reason: { code: 'rejected', field: 'Add users' } });
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('"Add secret": a side panel, a confirmation, the secret in a field (2026 §8, §9)', () => {
  const ID = FAKE_CLIENT_ID;
  const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

  /**
   * The client page's step asked for a new secret while the capture watches, as the assistant runs them; the
   * panel's click; resolves once the capture sent exactly the new secret (the capture's controller).
   * `stopOnCapture`: the capture ends then.
   */
  async function addSecretRun(stopOnCapture: boolean): Promise<AbortController> {
    const c = new AbortController();
    let expected: ReadonlySet<string> | null = null;
    const sent: [string, string][] = [];
    void watchCapture({
      signal: c.signal,
      clientIdHint: () => ID,
      expected: () => expected,
      send: async (id, secret) => {
        sent.push([id, secret]);
        return true;
      },
      onCaptured: () => (stopOnCapture ? c.abort() : undefined),
      onMissed: () => undefined,
    });
    const env: Env = {
      ...envFor('clientDetails', `${C}/auth/clients/${ID}?project=odoo-123456`, [], {
        clientId: ID,
        secretCaptured: false,
        redirectUri: null,
      }),
      expectSecret: () => {
        expected = secretsOn(document.body);
      },
    };
    void runStep(clientDetails, env);
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in: add a new client secret and capture it'));
    panelMain()?.click();
    await vi.waitFor(() => expect(sent).toEqual([[ID, SECRET]]), { timeout: 4000 });
    return c;
  }

  it('presses the confirmation, and reads the new secret from the value of a field outside any dialog', async () => {
    document.body.innerHTML = frame(`<h1>Client ID for Web application</h1><p>${ID}</p>
      <section><h2>Client secrets</h2><p>****Wx99 Enabled</p><button type="button" id="add">Add secret</button></section>`);
    let confirms = 0;
    document.getElementById('add')?.addEventListener('click', () => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<aside class="side-panel"><h2>Information and summary</h2><p>A new secret is created.</p><button type="button" id="confirm">Add secret</button></aside>',
      );
      document.getElementById('confirm')?.addEventListener('click', () => {
        confirms++;
        (document.querySelector('aside') as HTMLElement).innerHTML =
          `<h2>Client secret</h2><input readonly aria-label="Client secret" value="${SECRET}">`;
      });
    });
    await addSecretRun(true);
    expect(confirms).toBe(1);
  });

  it('asks Google for one secret only: the client page re-rendered with its own "Add secret" is no confirmation', async () => {
    // Google adds the secret at once, re-renders the client's page (a new "Add secret" element) and shows the
    // secret in a dialog a moment later: pressing the re-rendered button would create one more secret at Google.
    const content = (secrets: number) => `<h1>Client ID for Web application</h1><p>${ID}</p>
      <section><h2>Client secrets</h2><p>${secrets} secrets</p><button type="button" class="add">Add secret</button></section>`;
    document.body.innerHTML = frame(content(1));
    let requests = 0;
    const onClick = (e: Event) => {
      if (!(e.target as Element).closest?.('.add')) return;
      requests++;
      (document.querySelector('main') as HTMLElement).innerHTML = content(1 + requests);
      setTimeout(
        () =>
          document.body.insertAdjacentHTML(
            'beforeend',
            `<mat-dialog-container role="dialog"><h2>Client secret added</h2><p>${SECRET}</p><button type="button">OK</button></mat-dialog-container>`,
          ),
        150,
      );
    };
    document.addEventListener('click', onClick);
    const c = await addSecretRun(false);
    // The re-rendered button is there at once, before the secret: a press of it would already have been made.
    c.abort();
    document.removeEventListener('click', onClick);
    expect(requests).toBe(1);
  });
});
