// @vitest-environment happy-dom
/**
 * The panel and the step runner: the values shown before the click, one main button, filling on
 * the click, the button a person would click next — and the fall-back: a field that cannot be
 * filled turns the step into guided manual mode (label, value, copy button, reason), nothing more
 * is clicked, and the step is reported as needing attention.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as S from '@/lib/console/selectors';
import { done, runStep, type Step } from '@/lib/console/step';
import { createPanel } from '@/lib/ui/panel';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { clientCreateStep, consoleStepEnv } from './helpers';

const CTX = CONSOLE_CONTEXT;

const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
const mainButton = () => shadow().querySelector('button.main') as HTMLButtonElement;

const env = consoleStepEnv;

const step: Step = clientCreateStep(
  [
    {
      fields: [
        { target: S.clientName, kind: 'text', value: 'Odoo', waitMs: 100 },
        { target: S.appName, kind: 'text', value: 'Odoo app', waitMs: 100 },
      ],
      next: S.create,
    },
    { fields: [{ target: S.contactEmails, kind: 'chip', value: 'me@gmail.com', waitMs: 100 }] },
  ],
  () => {
    document.body.dataset.after = 'yes';
  },
);

/** The same step with its first section only: one field to fill, then Create. */
const oneSection: Step = {
  ...step,
  async prepare(env) {
    const plan = await step.prepare(env);
    return plan && { ...plan, sections: plan.sections.slice(0, 1) };
  },
};

/** Google's Create counts the click and answers it: the button turns busy (disabled) while Google works (google-console.md §3.6). */
function listen(created: () => void): void {
  const button = document.querySelector('button') as HTMLButtonElement;
  button.addEventListener('click', () => {
    created();
    button.disabled = true;
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  delete document.body.dataset.after;
});

describe('panel and runner', () => {
  it('shows the values and one main button; on the click fills, clicks the next button, runs after()', async () => {
    document.body.innerHTML = `<form><input aria-label="Name"><input aria-label="App name"><button type="button">Create</button>
      <input aria-label="Text field for emails"></form>`;
    const created = vi.fn();
    listen(created);
    const reports: unknown[] = [];
    const e = env(reports);
    await runStep(oneSection, e);
    expect(shadow().querySelector('section')?.getAttribute('aria-label')).toBe('Gmail for Odoo assistant');
    expect(shadow().textContent).toContain('Name');
    expect(mainButton().textContent).toBe('Fill in and create OAuth client Odoo');
    expect(created).not.toHaveBeenCalled(); // nothing happens before the person's click

    mainButton().click();
    await vi.waitFor(() => expect(document.body.dataset.after).toBe('yes'));
    expect(created).toHaveBeenCalledTimes(1);
    expect((document.querySelector('[aria-label="Name"]') as HTMLInputElement).value).toBe('Odoo');
    expect(reports).toEqual([]);
  });

  it('a second tab on a step just done in the first: nothing is filled or clicked, the panel says why', async () => {
    const html = `<form><input aria-label="Name"><input aria-label="App name"><button type="button">Create</button></form>`;
    for (const elsewhere of [true, false]) {
      document.body.innerHTML = html;
      delete document.body.dataset.after;
      const created = vi.fn();
      listen(created);
      const reports: unknown[] = [];
      // This page was prepared with the client not done; meanwhile the other tab captured it (or not).
      const fresh = vi.fn(async () => ({ ...CTX, progress: elsewhere ? { client: 'done' as const } : {} }));
      await runStep(oneSection, { ...env(reports), fresh });
      mainButton().click();
      if (elsewhere) {
        await vi.waitFor(() => expect(shadow().textContent).toContain('This step was just done in another tab'));
        expect(shadow().textContent).toContain(
          'This step was just done in another tab — nothing was filled here, so nothing is duplicated. Reload this page to see it.',
        );
        expect([...shadow().querySelectorAll('button')].map((b) => b.textContent)).toContain('Reload the page');
        expect(created).not.toHaveBeenCalled();
        expect((document.querySelector('[aria-label="Name"]') as HTMLInputElement).value).toBe('');
        expect(document.body.dataset.after).toBeUndefined();
      } else {
        await vi.waitFor(() => expect(document.body.dataset.after).toBe('yes'));
        expect(created).toHaveBeenCalledTimes(1);
      }
      expect(fresh).toHaveBeenCalledTimes(1);
      expect(reports).toEqual([]);
      document.querySelector('gmail-odoo-assistant')?.remove();
    }
  });

  it('a step the person already asked for (popup, or the page before) runs without a second click, once', async () => {
    document.body.innerHTML = `<form><input aria-label="Name"><input aria-label="App name"><button type="button">Create</button></form>`;
    const created = vi.fn();
    listen(created);
    const autoRun = vi.fn((s: string) => s === 'client');
    await runStep(oneSection, { ...env([]), autoRun });
    await vi.waitFor(() => expect(document.body.dataset.after).toBe('yes'));
    expect(autoRun).toHaveBeenCalledWith('client');
    expect(created).toHaveBeenCalledTimes(1);
    expect((document.querySelector('[aria-label="Name"]') as HTMLInputElement).value).toBe('Odoo');

    // Not asked for: the panel waits for the click.
    document.querySelector('gmail-odoo-assistant')?.remove();
    delete document.body.dataset.after;
    await runStep(oneSection, { ...env([]), autoRun: () => false });
    expect(mainButton().textContent).toBe('Fill in and create OAuth client Odoo');
    expect(created).toHaveBeenCalledTimes(1);
    expect(document.body.dataset.after).toBeUndefined();
  });

  it("a script's click on the panel is not the person's: nothing is filled or clicked", async () => {
    document.body.innerHTML = `<form><input aria-label="Name"><input aria-label="App name"><button type="button">Create</button></form>`;
    const created = vi.fn();
    listen(created);
    await runStep(step, env([]));
    // What a page script's click() or dispatchEvent() makes: isTrusted false.
    const synthetic = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(synthetic, 'isTrusted', { value: false });
    mainButton().dispatchEvent(synthetic);
    await new Promise((r) => setTimeout(r, 50));
    expect(created).not.toHaveBeenCalled();
    expect((document.querySelector('[aria-label="Name"]') as HTMLInputElement).value).toBe('');
    expect(mainButton().textContent).toBe('Fill in and create OAuth client Odoo');
  });

  it('done: a step this click did opens the next page of the project; a step found done only offers links', () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    try {
      const e = env([]);
      const next = [{ label: 'Next: Audience (test user)', path: '/auth/audience' }];
      done(e, step, 'Saved ✓', next);
      expect(assign).not.toHaveBeenCalled();
      // On the host the person uses (the page's own origin), in the project of the page.
      const audience = `${location.origin}/auth/audience?project=odoo-123456`;
      expect(shadow().querySelector('a')?.getAttribute('href')).toBe(audience);
      done(e, step, 'Saved ✓', next, true);
      expect(assign).toHaveBeenCalledWith(audience);
    } finally {
      assign.mockRestore();
    }
  });

  it('falls back to guided manual mode: label, value, copy button, reason — and clicks nothing', async () => {
    document.body.innerHTML = `<form><input aria-label="App name"><button type="button">Create</button></form>`;
    const created = vi.fn();
    listen(created);
    const reports: unknown[] = [];
    await runStep(step, env(reports));
    mainButton().click();
    await vi.waitFor(() => expect(shadow().textContent).toContain('Do this by hand:'));

    const items = [...shadow().querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toContain('Find "Name" and enter Odoo');
    expect(items[0]).toContain('The field was not found on this page.');
    expect(items[1]).toContain('Find "Text field for emails" and enter me@gmail.com');
    expect(items[1]).toContain('Not done yet, because of the field above.');
    expect(shadow().textContent).toContain('Then click "Create".');
    expect(shadow().querySelector('button[aria-label="Copy Name"]')).not.toBeNull();
    expect(mainButton().textContent).toBe('Try again');
    // The field that could be filled was; the Create button was not clicked.
    expect((document.querySelector('[aria-label="App name"]') as HTMLInputElement).value).toBe('Odoo app');
    expect(created).not.toHaveBeenCalled();
    expect(document.body.dataset.after).toBeUndefined();
    expect(reports).toEqual([{ step: 'client', state: 'attention', reason: { code: 'notFound', field: 'Name' } }]);
  });

  it('takes the keyboard focus when asked, onto its first control — not from a field the person is in', () => {
    document.body.innerHTML = '<input aria-label="Search">';
    const panel = createPanel(new AbortController().signal);
    panel.show({ title: 'T', action: { label: 'Fill in and save test user me@gmail.com', run: () => undefined } });
    panel.focus();
    expect(document.activeElement?.tagName).toBe('GMAIL-ODOO-ASSISTANT');
    expect(shadow().activeElement).toBe(mainButton());
    // The person is typing in the page: the panel leaves the focus where it is.
    (document.querySelector('input') as HTMLInputElement).focus();
    panel.focus();
    expect(document.activeElement?.tagName).toBe('INPUT');
  });

  it('copies a value to the clipboard from manual mode', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const panel = createPanel(new AbortController().signal);
    panel.show({ title: 'T', manual: { rows: [{ label: 'Name', value: 'Odoo', reason: 'why' }] } });
    (shadow().querySelector('button[aria-label="Copy Name"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('Odoo'));
    await vi.waitFor(() => expect(shadow().querySelector('button[aria-label="Copy Name"]')?.textContent).toBe('Copied'));
  });

  it('keeps one live region for its status (announced on change), empty when there is none', () => {
    const panel = createPanel(new AbortController().signal);
    panel.show({ title: 'T', status: { text: 'Reading the page…', tone: 'busy' } });
    const region = shadow().querySelector('[role="status"]');
    panel.show({ title: 'T', status: { text: 'Saved ✓', tone: 'ok' }, links: [{ label: 'Next', href: '#' }] });
    expect(shadow().querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(shadow().querySelector('[role="status"]')).toBe(region);
    expect(region?.textContent).toBe('Saved ✓');
    expect(region?.className).toBe('status ok');
    panel.show({ title: 'T' });
    expect(region?.textContent).toBe('');
    expect(shadow().querySelector('header button[aria-expanded]')?.getAttribute('aria-controls')).toBe('body');
    expect(shadow().getElementById('body')).not.toBeNull();
  });

  it('lives in its own shadow root, is removed when its signal aborts, and can be minimized and moved', () => {
    const c = new AbortController();
    const panel = createPanel(c.signal);
    panel.show({ title: 'T', status: { text: 'hello' } });
    const toggle = [...shadow().querySelectorAll('header button')].find((b) => b.textContent === 'Minimize') as HTMLButtonElement;
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const handle = shadow().querySelector('button[aria-label="Move the assistant"]') as HTMLButtonElement;
    const box = shadow().querySelector('section') as HTMLElement;
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(box.style.top).toMatch(/px$/);
    c.abort();
    expect(document.querySelector('gmail-odoo-assistant')).toBeNull();
  });
});
