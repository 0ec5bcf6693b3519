// @vitest-environment happy-dom
/**
 * Never claim what was not seen: a step is done only on positive evidence — the
 * configured overview, the value read back, Google leaving the wizard — and a page whose form did not
 * appear is "not ready yet", never "done". Fragments from google-console.md §3.2, §3.7 and the 2026
 * evidence (2026 §12: `main` blank for seconds). The overview of a Console without `/auth/*` (an older one)
 * leads to the legacy path: OAuth consent screen, then Credentials.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Env, runStep } from '@/lib/console/step';
import { authOverview } from '@/lib/console/steps/auth-overview';
import { clientDetails } from '@/lib/console/steps/client-details';
import { legacyAppRegistration } from '@/lib/console/steps/legacy-app-registration';
import type { ConsoleContext } from '@/lib/console/types';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { FAKE_CLIENT_ID } from '../support/builders';
import { C, configuredOverview, emptyState, frame, GMAIL, wizardPage } from './console-pages';
import {
  consoleStepEnv,
  fastTiming,
  panelControl,
  panelMain,
  panelStatus,
  panelText,
  personClicks,
  setUrl,
  stopConsoleEnvs,
} from './helpers';

const SET_UP = 'Google Auth Platform is set up for this project ✓';
const OVERVIEW = `${C}/auth/overview?project=odoo-123456`;

function overviewEnv(reports: unknown[], ctx: Partial<ConsoleContext> = {}, rerun = vi.fn()): Env {
  setUrl(OVERVIEW);
  return {
    ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external', ...ctx }),
    page: 'authOverview',
    url: new URL(OVERVIEW),
    rerun,
  };
}
const doneReports = (reports: unknown[]) =>
  reports.filter((r) => (r as { state?: string }).state === 'done').map((r) => (r as { step: string }).step);

beforeEach(fastTiming);
afterEach(() => {
  stopConsoleEnvs();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

// Long enough for today's code to make its claim (it said "set up ✓" after 5 s of nothing).
describe('Google Auth Platform overview: done only when it shows so', { timeout: 10_000 }, () => {
  it('a page that stays blank is not "set up": Reload is offered, nothing is done, and the page read again once it fills', async () => {
    document.body.innerHTML = frame('<p role="progressbar" aria-label="Loading"></p>');
    const reports: unknown[] = [];
    const rerun = vi.fn();
    void runStep(authOverview, overviewEnv(reports, {}, rerun));
    await vi.waitFor(() => expect(panelStatus()).toContain('stayed blank'), { timeout: 7000 });
    expect(panelStatus()).toBe(
      "Google's page stayed blank. Reload it — the assistant goes on by itself once the page shows (reload 1 of 3).",
    );
    expect(panelMain()?.textContent).toBe('Reload the page');
    expect(panelText()).not.toContain(SET_UP);
    expect(doneReports(reports)).toEqual([]);

    // Google's page shows after all (the empty state): the step reads it again by itself.
    (document.querySelector('main') as HTMLElement).innerHTML = emptyState();
    await vi.waitFor(() => expect(rerun).toHaveBeenCalledTimes(1));
  });

  it('a Console without Google Auth Platform ("Not found"): not "set up" — the legacy path, on by itself when the journey led here', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    document.body.innerHTML = frame('<h1>Not found</h1>');
    const reports: unknown[] = [];
    void runStep(authOverview, overviewEnv(reports, { arrived: true }));
    await vi.waitFor(() => expect(panelStatus()).toContain('no Google Auth Platform pages'), { timeout: 7000 });
    expect(panelStatus()).toBe(
      'This Console has no Google Auth Platform pages. The assistant follows the older path: OAuth consent screen, then Credentials.',
    );
    expect(panelControl('Next: OAuth consent screen (older Console)')?.getAttribute('href')).toBe(
      `${location.origin}/apis/credentials/consent?project=odoo-123456`,
    );
    expect(assign).toHaveBeenCalledWith(`${location.origin}/apis/credentials/consent?project=odoo-123456`);
    expect(panelText()).not.toContain(SET_UP);
    expect(doneReports(reports)).toEqual([]);
  });

  it('visited (not led there by the journey): the legacy path is a link, nothing opens by itself', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    document.body.innerHTML = frame('<h1>Not found</h1>');
    void runStep(authOverview, overviewEnv([]));
    await vi.waitFor(() => expect(panelControl('Next: OAuth consent screen (older Console)')).not.toBeNull(), { timeout: 7000 });
    expect(assign).not.toHaveBeenCalled();
  });

  it('a page showing neither the empty state nor the configured overview: "not ready yet", needs attention, never done', async () => {
    document.body.innerHTML = frame('<h1>OAuth Overview</h1><p>Something Google shows that the assistant does not know.</p>');
    const reports: unknown[] = [];
    void runStep(authOverview, overviewEnv(reports));
    await vi.waitFor(() => expect(panelStatus()).toContain('nothing is counted as done'), { timeout: 7000 });
    expect(panelText()).not.toContain(SET_UP);
    expect(panelControl('Next: Branding')?.getAttribute('href')).toBe(`${location.origin}/auth/branding?project=odoo-123456`);
    expect(panelControl('Next: OAuth consent screen (older Console)')).not.toBeNull();
    expect(doneReports(reports)).toEqual([]);
    expect(reports).toContainEqual({
      step: 'consent',
      state: 'attention',
      reason: { code: 'notReady', field: 'Google Auth Platform' },
    });
  });

  it('the configured overview is the evidence: set up ✓, consent done', async () => {
    document.body.innerHTML = frame(configuredOverview());
    const reports: unknown[] = [];
    void runStep(authOverview, overviewEnv(reports));
    await vi.waitFor(() => expect(panelStatus()).toBe(SET_UP));
    expect(reports).toContainEqual({ step: 'consent', state: 'done' });
  });
});

describe('the wizard: created only when Google shows it', () => {
  it('a wizard (in place on the overview) that merely vanishes is not "created"; the configured overview is', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    // After Create, Google's page goes blank for a while (2026 §12), then shows the configured overview.
    const page = wizardPage(() => {
      (document.querySelector('main') as HTMLElement).innerHTML = '';
    });
    const reports: unknown[] = [];
    void runStep(authOverview, overviewEnv(reports));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and create the app Odoo (External)'));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelStatus()).toContain('yourself'), { timeout: 3000 });
    personClicks(page.box);
    await vi.waitFor(() => expect(page.creates()).toBe(1), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 800));
    expect(doneReports(reports)).toEqual([]);
    expect(assign).not.toHaveBeenCalled();

    (document.querySelector('main') as HTMLElement).innerHTML = configuredOverview();
    await vi.waitFor(() => expect(doneReports(reports)).toEqual(['consent']));
    await vi.waitFor(() => expect(String(assign.mock.calls[0]?.[0])).toMatch(/\/auth\/branding\?project=odoo-123456$/));
  });
});

describe("a client's redirect URI: saved only when read back after Google's save", () => {
  const ID = FAKE_CLIENT_ID;
  const URI = 'https://acme.odoo.com/google_gmail/confirm';

  /** A client's page (§3.7): the redirect URI group with Add URI and rows, and Save. */
  function clientPage(onSave: (save: HTMLButtonElement) => void): void {
    document.body.innerHTML = frame(`<form>
      <div role="group" aria-label="Authorized redirect URIs"><h3>Authorized redirect URIs</h3><div id="rows"></div>
        <button type="button" id="add">Add URI</button></div>
      <button type="button" id="save">Save</button></form><section><h2>Client secrets</h2><button type="button">Add secret</button></section>`);
    let n = 0;
    document.getElementById('add')?.addEventListener('click', () => {
      n++;
      document.getElementById('rows')?.insertAdjacentHTML('beforeend', `<input aria-label="URIs ${n}">`);
    });
    const save = document.getElementById('save') as HTMLButtonElement;
    save.addEventListener('click', () => onSave(save));
  }
  const env = (reports: unknown[]): Env => {
    setUrl(`${C}/auth/clients/${ID}?project=odoo-123456`);
    return {
      ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, clientId: ID, secretCaptured: true }),
      page: 'clientDetails',
      url: new URL(location.href),
    };
  };

  /** Runs the step and presses the panel's one button; returns what the step reported. */
  async function saveThroughPanel(): Promise<unknown[]> {
    const reports: unknown[] = [];
    void runStep(clientDetails, env(reports));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and save the redirect URI'));
    panelMain()?.click();
    return reports;
  }

  it('Google refuses the save (an error, Save still enabled): not "ready ✓", the URI to add by hand', async () => {
    clientPage((save) => save.insertAdjacentHTML('beforebegin', '<p role="alert">Something went wrong. Try again.</p>'));
    const reports = await saveThroughPanel();
    await vi.waitFor(() => expect(panelText()).toContain('Do this by hand:'), { timeout: 3000 });
    expect(panelText()).not.toContain('This client has the redirect URI');
    expect(panelText()).toContain(`Find "Authorized redirect URIs › URIs 1" and enter ${URI}`);
    expect(reports).toContainEqual(expect.objectContaining({ step: 'client', state: 'attention' }));
  });

  it('saved (Save turns disabled) and read back: ready ✓, with the URIs the page lists', async () => {
    clientPage((save) => {
      save.disabled = true;
    });
    const reports = await saveThroughPanel();
    await vi.waitFor(() => expect(panelStatus()).toBe('This client has the redirect URI and its secret is captured ✓'));
    expect(reports).toContainEqual({ facts: { redirectUris: [URI] } });
  });
});

describe('legacy "Edit app registration": the test user counts once listed', () => {
  /** The legacy stepper (§3.8): app information › scopes › test users (a dialog: chip, ADD) › summary. */
  function registrationPage(listsUser: boolean): void {
    document.body.innerHTML = frame(`<form>
      <section><h2>App information</h2><label>App name <input></label>
        <div role="combobox" aria-label="User support email" tabindex="0">${GMAIL}</div>
        <h3>Developer contact information</h3><mat-chip-grid><input aria-label="Email addresses"></mat-chip-grid>
        <button type="button" class="step">SAVE AND CONTINUE</button></section>
      <section hidden><h2>Scopes</h2><button type="button">ADD OR REMOVE SCOPES</button>
        <button type="button" class="step">SAVE AND CONTINUE</button></section>
      <section hidden><h2>Test users</h2><button type="button" id="add-users">+ ADD USERS</button><ul id="users"></ul>
        <button type="button" class="step">SAVE AND CONTINUE</button></section>
      <section hidden><h2>Summary</h2><button type="button">BACK TO DASHBOARD</button></section></form>`);
    const sections = [...document.querySelectorAll('form > section')] as HTMLElement[];
    for (const [i, button] of [...document.querySelectorAll('button.step')].entries())
      button.addEventListener('click', () => {
        (sections[i] as HTMLElement).hidden = true;
        (sections[i + 1] as HTMLElement).hidden = false;
      });
    const chips = (input: HTMLInputElement) =>
      input.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter') return;
        input.insertAdjacentHTML('beforebegin', `<mat-chip-row>${input.value}</mat-chip-row>`);
        input.value = '';
      });
    chips(document.querySelector('[aria-label="Email addresses"]') as HTMLInputElement);
    document.getElementById('add-users')?.addEventListener('click', () => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<div role="dialog" aria-label="Add users"><mat-chip-grid><input aria-label="Email"></mat-chip-grid><button type="button">ADD</button></div>',
      );
      const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
      chips(dialog.querySelector('input') as HTMLInputElement);
      dialog.querySelector('button')?.addEventListener('click', () => {
        const added = [...dialog.querySelectorAll('mat-chip-row')].map((c) => c.textContent ?? '');
        dialog.remove();
        if (listsUser)
          document.getElementById('users')?.insertAdjacentHTML('beforeend', added.map((u) => `<li>${u}</li>`).join(''));
      });
    });
  }
  const env = (reports: unknown[]): Env => {
    const href = `${C}/apis/credentials/consent/edit;newAppInternalUser=false?project=odoo-123456`;
    setUrl(href);
    return {
      ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external', authorizedDomain: null }),
      page: 'legacyConsentEdit',
      url: new URL(href),
    };
  };

  it('ADD closes the dialog but the address is not listed: the test user is not done, and nothing more is clicked', async () => {
    registrationPage(false);
    const reports: unknown[] = [];
    void runStep(legacyAppRegistration, env(reports));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and save the app registration Odoo (External)'));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelText()).toContain('Do this by hand:'), { timeout: 4000 });
    expect(doneReports(reports)).toEqual([]);
    expect(reports).toContainEqual({ step: 'consent', state: 'attention', reason: { code: 'rejected', field: 'Add users' } });
    expect((document.querySelectorAll('form > section')[3] as HTMLElement).hidden).toBe(true);
  });

  it('listed after ADD: consent and test user done, on evidence', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    registrationPage(true);
    const reports: unknown[] = [];
    void runStep(legacyAppRegistration, env(reports));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();
    await vi.waitFor(() => expect(doneReports(reports)).toEqual(['consent', 'testUser']), { timeout: 4000 });
    expect(assign).toHaveBeenCalled();
  });
});
