// @vitest-environment happy-dom
/**
 * Never click into a dead end (lib/console/click.ts): a disabled button is never clicked
 * — by `press`, and by every step, which all click through it. A click Google ignores (untrusted clicks on
 * its final Create buttons, google-console-2026.md §5) is handed to the person: the panel scrolls to
 * Google's own button, outlines it and asks for one click; the assistant watches and goes on by itself once
 * the page changed. That costs the person exactly one click, which the panel says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as S from '@/lib/console/selectors';
import { type Env, runStep, type Step } from '@/lib/console/step';
import { audience } from '@/lib/console/steps/audience';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { frame, GMAIL } from './console-pages';
import {
  clientCreateStep,
  consoleStepEnv,
  eventsOn,
  fastTiming,
  panelMain,
  panelRing,
  panelState,
  panelStatus,
  panelText,
  personClicks,
  stopConsoleEnvs,
} from './helpers';

beforeEach(fastTiming);
afterEach(() => {
  stopConsoleEnvs();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('press: never on a disabled button', () => {
  it('waits for Angular to enable it, clicks once; a button that stays disabled is never clicked', async () => {
    // Imported here, so that the other tests of this file also run against code without ./click.ts.
    const { press }: typeof import('@/lib/console/click') = await import(/* @vite-ignore */ `${'../../lib/console/click'}`);
    document.body.innerHTML =
      '<button type="button" id="late" disabled>Next</button><button type="button" id="off" aria-disabled="true">Save</button>';
    const late = document.getElementById('late') as HTMLButtonElement;
    const off = document.getElementById('off') as HTMLButtonElement;
    const onLate = eventsOn(late, ['click']);
    const onOff = eventsOn(off, ['pointerdown', 'mousedown', 'click']);
    const signal = new AbortController().signal;
    setTimeout(() => {
      late.disabled = false;
    }, 100);
    expect(await press(late, { signal })).toEqual({ ok: true, handedOver: false });
    expect(onLate).toEqual([{ type: 'click', trusted: false }]);
    expect(await press(off, { signal })).toEqual({ ok: false });
    expect(onOff).toEqual([]);
  });
});

describe('every step clicks through press', () => {
  it('Audience: an "Add users" that stays disabled is not clicked — the person is told why', async () => {
    document.body.innerHTML = frame(`<h1>Audience</h1><p>Publishing status</p><p>Testing</p><p>User type</p><p>External</p>
      <section><h2>Test users</h2><button type="button" id="add" aria-disabled="true">+ Add users</button><ul></ul></section>`);
    const onAdd = eventsOn(document.getElementById('add') as HTMLElement, ['pointerdown', 'mousedown', 'click']);
    const reports: unknown[] = [];
    const env: Env = {
      ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external' }),
      page: 'audience',
    };
    void runStep(audience, env);
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe(`Fill in and save test user ${GMAIL}`));
    panelMain()?.click();
    await new Promise((r) => setTimeout(r, 1000));
    expect(onAdd).toEqual([]);
    await vi.waitFor(() => expect(panelText()).toContain('Do this by hand:'), { timeout: 3000 });
    expect(panelText()).toContain("The button stays disabled (Google's form is not complete), so it was not clicked.");
    expect(panelText()).toContain('Then click "Add users".');
    expect(reports).toContainEqual({ step: 'testUser', state: 'attention', reason: { code: 'buttonOff', field: 'Add users' } });
  });
});

describe('a click Google ignores is handed to the person', () => {
  /** A form whose final Create ignores untrusted clicks (2026 §5); the person's click shows the created dialog. */
  function ignoringCreate() {
    document.body.innerHTML = frame(`<form><label>Name <input></label><button type="button" id="create">Create</button></form>`);
    const create = document.getElementById('create') as HTMLButtonElement;
    const clicks = eventsOn(create, ['click']);
    create.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      document.body.insertAdjacentHTML(
        'beforeend',
        '<div role="dialog" aria-label="OAuth client created"><h2>OAuth client created</h2></div>',
      );
    });
    const scrolled = vi.fn();
    create.scrollIntoView = scrolled;
    return { create, clicks, scrolled };
  }
  const step = (after: () => void): Step =>
    clientCreateStep([{ fields: [{ target: S.clientName, kind: 'text', value: 'Odoo', waitMs: 100 }], next: S.create }], after);

  it('highlights Google’s button, asks for one click, and goes on by itself once the page changed — one click of the person', async () => {
    const page = ignoringCreate();
    const after = vi.fn();
    void runStep(step(after), consoleStepEnv([]));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and create OAuth client Odoo'));
    panelMain()?.click();

    await vi.waitFor(() => expect(panelStatus()).toContain('did not take the assistant'), { timeout: 3000 });
    expect(panelStatus()).toBe(
      'Google did not take the assistant\'s click on "Create". Click "Create" on the page yourself — it is highlighted. That one click is all: the assistant goes on by itself once the page changes.',
    );
    expect(panelState()).toBe('click-google');
    expect(panelRing()).not.toBeNull();
    expect(page.scrolled).toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    // The assistant clicked once, and does not keep clicking while it waits for the person.
    await new Promise((r) => setTimeout(r, 600));
    expect(page.clicks).toEqual([{ type: 'click', trusted: false }]);

    personClicks(page.create);
    await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(1));
    expect(page.clicks).toEqual([
      { type: 'click', trusted: false },
      { type: 'click', trusted: true },
    ]);
    expect(panelRing()).toBeNull();
  });

  it('Google was only slow: the page changes without the person, and the run goes on', async () => {
    const page = ignoringCreate();
    const after = vi.fn();
    void runStep(step(after), consoleStepEnv([]));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelStatus()).toContain('did not take the assistant'), { timeout: 3000 });
    page.create.disabled = true; // Google's own progress: the button turns busy
    await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(1));
    expect(page.clicks).toEqual([{ type: 'click', trusted: false }]);
  });
});
