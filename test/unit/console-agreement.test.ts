// @vitest-environment happy-dom
/**
 * The person's agreements stay the person's (google-console-2026.md §14): the "Get started"
 * wizard's "I agree to the Google API Services: User Data Policy." box is never ticked by the assistant —
 * no click, no change, nothing dispatched on it. The run stops there, the panel points at the box and says
 * the tick is the person's, and the run goes on by itself after the person's own (trusted) tick: Continue,
 * then Create. A tick a page script makes is not the person's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Env, runStep } from '@/lib/console/step';
import { authWizard } from '@/lib/console/steps/auth-wizard';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { C, GMAIL, wizardPage } from './console-pages';
import {
  consoleStepEnv,
  eventsOn,
  fastTiming,
  panelMain,
  panelRing,
  panelState,
  panelStatus,
  panelText,
  personClicks,
  setUrl,
  stopConsoleEnvs,
} from './helpers';

const POLICY = 'I agree to the Google API Services: User Data Policy.';

function env(reports: unknown[]): Env {
  setUrl(`${C}/auth/overview/create?project=odoo-123456`);
  return {
    ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external' }),
    page: 'authWizard',
    url: new URL(location.href),
  };
}

beforeEach(fastTiming);
afterEach(() => {
  stopConsoleEnvs();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the User Data Policy box is the person’s', () => {
  it('says so before the click, and does not list the box among what it fills in', async () => {
    wizardPage(() => undefined);
    void runStep(authWizard, env([]));
    await vi.waitFor(() => expect(panelMain()?.textContent).toBe('Fill in and create the app Odoo (External)'));
    expect(panelStatus()).toBe(
      `You tick "${POLICY}" yourself — it is your agreement with Google, so the assistant stops there and points at it.`,
    );
    const filled = [...(document.querySelector('gmail-odoo-assistant')?.shadowRoot?.querySelectorAll('dt') ?? [])].map(
      (dt) => dt.textContent,
    );
    expect(filled).toEqual(['App name', 'User support email', 'External', 'Text field for emails']);
  });

  it('never ticks it: points at it, waits for the person’s tick, then Continue and Create', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const page = wizardPage(() => setUrl(`${C}/auth/overview?project=odoo-123456`));
    const onBox = eventsOn(page.box);
    const scrolled = vi.fn();
    page.box.scrollIntoView = scrolled;
    const reports: unknown[] = [];
    void runStep(authWizard, env(reports));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();

    // The run stops at the box: the panel asks, points at it, and the box is as the person left it.
    await vi.waitFor(() => expect(panelStatus()).toContain(`Tick "${POLICY}" yourself`), { timeout: 3000 });
    expect(panelStatus()).toBe(
      `Tick "${POLICY}" yourself — it is your agreement, so the assistant never ticks it. It is highlighted on the page; the assistant goes on by itself once it is ticked.`,
    );
    expect(panelState()).toBe('agreement');
    expect(panelRing()).not.toBeNull();
    expect(scrolled).toHaveBeenCalled();
    expect((document.getElementById('app') as HTMLInputElement).value).toBe('Odoo');
    await new Promise((r) => setTimeout(r, 500));
    expect(page.box.checked).toBe(false);
    expect(onBox).toEqual([]);
    expect(page.creates()).toBe(0);
    expect(reports).not.toContainEqual(expect.objectContaining({ step: 'consent', state: 'done' }));

    // The person ticks it: the run goes on by itself — Continue, Create — and the app is created.
    personClicks(page.box);
    await vi.waitFor(() => expect(page.creates()).toBe(1), { timeout: 3000 });
    await vi.waitFor(() => expect(reports).toContainEqual({ step: 'consent', state: 'done', facts: { audience: 'external' } }));
    await vi.waitFor(() => expect(String(assign.mock.calls[0]?.[0])).toMatch(/\/auth\/branding\?project=odoo-123456$/));
    // On the box: the person's click only (and the change the browser made of it), nothing of the assistant's.
    expect(onBox.filter((e) => e.type === 'click')).toEqual([{ type: 'click', trusted: true }]);
    expect(onBox.filter((e) => e.type !== 'click' && e.type !== 'change' && e.type !== 'input')).toEqual([]);
    expect(panelRing()).toBeNull();
    expect(panelState()).toBeNull();
  });

  it('a tick a page script makes is not the person’s: the run keeps waiting', async () => {
    const page = wizardPage(() => undefined);
    void runStep(authWizard, env([]));
    await vi.waitFor(() => expect(panelMain()?.disabled).toBe(false));
    panelMain()?.click();
    await vi.waitFor(() => expect(panelStatus()).toContain(`Tick "${POLICY}" yourself`), { timeout: 3000 });
    page.box.click(); // a script's click: untrusted
    await new Promise((r) => setTimeout(r, 600));
    expect(page.creates()).toBe(0);
    expect(panelText()).toContain(`Tick "${POLICY}" yourself`);
    // The person's own click (here: unticking and ticking again) is what counts.
    personClicks(page.box);
    personClicks(page.box);
    await vi.waitFor(() => expect(page.creates()).toBe(1), { timeout: 3000 });
  });
});
