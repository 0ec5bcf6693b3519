// @vitest-environment happy-dom
/**
 * Bad input, continued: Console pages in unexpected states — a field missing, disabled, or
 * whose value the page rejects, a chip that never forms, a button missing or never enabled, a page
 * reached before the popup's setup, and Google's dialog without its secret. Each row drives the real
 * step runner and panel (lib/console/step.ts, panel.ts) or the capture (capture.ts) in happy-dom and
 * asserts the sentence the person reads, that nothing more was clicked, what is reported to the
 * background, and that no secret is sent. The Odoo-side and popup rows are in bad-input.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCapture } from '@/lib/console/capture';
import * as S from '@/lib/console/selectors';
import { type Field, runStep, type Step } from '@/lib/console/step';
import { clientCreate } from '@/lib/console/steps/client-create';
import { t } from '@/lib/i18n';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { FAKE_CLIENT_ID } from '../support/builders';
import { consoleStepEnv } from './helpers';

const ID = FAKE_CLIENT_ID;
const CTX = CONSOLE_CONTEXT;

const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
const panelText = () => shadow()?.textContent ?? '';

const env = consoleStepEnv;

const oneField = (field: Field): Step => ({
  id: 'bad-page',
  pages: ['clientCreate'],
  title: 'console.step.clientCreate',
  async prepare() {
    return {
      action: 'Fill in and create OAuth client Odoo',
      progress: 'client',
      sections: [{ fields: [field], next: S.create }],
    };
  },
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Console pages in unexpected states', () => {
  const name: Field = { target: S.clientName, kind: 'text', value: 'Odoo', waitMs: 100 };
  const chip: Field = { target: S.contactEmails, kind: 'chip', value: 'me@gmail.com', waitMs: 100 };
  const rejectOnBlur = () => {
    const el = document.querySelector('input') as HTMLInputElement;
    el.addEventListener('focusout', () => {
      el.value = '';
    });
  };

  it.each([
    [
      'the field is missing',
      '<form><button type="button">Create</button></form>',
      name,
      undefined,
      'Find "Name" and enter Odoo',
      'The field was not found on this page.',
      { code: 'notFound', field: 'Name' },
    ],
    [
      'the field is disabled',
      '<form><input aria-label="Name" disabled><button type="button">Create</button></form>',
      name,
      undefined,
      'Find "Name" and enter Odoo',
      'The field is disabled.',
      { code: 'disabled', field: 'Name' },
    ],
    [
      'the page rejects the value (it reverts on blur)',
      '<form><input aria-label="Name"><button type="button">Create</button></form>',
      name,
      rejectOnBlur,
      'Find "Name" and enter Odoo',
      'The page did not keep the value.',
      { code: 'notKept', field: 'Name' },
    ],
    [
      'the address never turns into a chip',
      '<form><input aria-label="Text field for emails"><button type="button">Create</button></form>',
      chip,
      undefined,
      'me@gmail.com',
      'The address did not turn into a chip after Enter.',
      { code: 'noChip', field: 'Text field for emails' },
    ],
    [
      'the Create button is missing',
      '<form><input aria-label="Name"></form>',
      name,
      undefined,
      'Create',
      'The button was not found.',
      { code: 'noButton', field: 'Create' },
    ],
    [
      'the Create button never becomes enabled (the page refuses the form)',
      '<form><input aria-label="Name"><button type="button" disabled>Create</button></form>',
      name,
      undefined,
      'Create',
      // Never clicked while disabled (no click into a dead end): said as such, not as Google's refusal.
      "The button stays disabled (Google's form is not complete), so it was not clicked.",
      { code: 'buttonOff', field: 'Create' },
    ],
  ])(
    '%s: guided manual mode with the reason, nothing else clicked, reported',
    async (_label, html, field, arrange, row, reason, reported) => {
      document.body.innerHTML = html;
      arrange?.();
      const created = vi.fn();
      document.querySelector('button')?.addEventListener('click', created);
      const reports: unknown[] = [];
      await runStep(oneField(field), env(reports));
      (shadow().querySelector('button.main') as HTMLButtonElement).click();
      await vi.waitFor(() => expect(panelText()).toContain('Do this by hand:'), { timeout: 15_000 });
      expect(panelText()).toContain('Some fields could not be filled. Do these by hand — nothing else was clicked.');
      const rows = [...shadow().querySelectorAll('li')].map((li) => li.textContent ?? '');
      expect(rows.find((r) => r.includes(reason))).toContain(row);
      expect(created).not.toHaveBeenCalled();
      expect(reports).toEqual([{ step: 'client', state: 'attention', reason: reported }]);
      expect((shadow().querySelector('button.main') as HTMLButtonElement).textContent).toBe('Try again');
    },
    20_000,
  );

  it.each([
    [
      'reached before the popup was set up',
      { ...CTX, ready: false },
      "Open the extension's popup and connect to Odoo first — the assistant needs your Odoo's address and Gmail address.",
    ],
    [
      'reached before the redirect URI is known',
      { ...CTX, redirectUri: null },
      "The redirect URI is not known yet — connect to Odoo in the extension's popup first.",
    ],
  ])('the create-client page %s: says what to do first, offers no fill', async (_label, ctx, message) => {
    document.body.innerHTML =
      '<form><div role="combobox" aria-label="Application type"></div><button type="button">Create</button></form>';
    const reports: unknown[] = [];
    await runStep(clientCreate, env(reports, ctx));
    await vi.waitFor(() => expect(panelText()).toContain(message));
    expect(shadow().querySelector('button.main')).toBeNull();
    expect(reports).toEqual([]);
  });

  it("Google's dialog closes without showing the secret: missed, said, nothing sent", async () => {
    const c = new AbortController();
    const sent: unknown[] = [];
    const missed: (string | null)[] = [];
    const done = watchCapture({
      signal: c.signal,
      clientIdHint: () => null,
      send: async (...args) => {
        sent.push(args);
        return true;
      },
      onCaptured: () => undefined,
      onMissed: (id) => missed.push(id),
    });
    document.body.innerHTML = `<div class="cdk-overlay-container"><mat-dialog-container role="dialog" aria-label="OAuth client created"><h2>OAuth client created</h2><dl><dt>Client ID</dt><dd>${ID}</dd><dt>Client secret</dt><dd>****Wx12</dd></dl></mat-dialog-container></div>`;
    setTimeout(() => {
      document.body.innerHTML = '';
    }, 300);
    await vi.waitFor(() => expect(missed).toEqual([ID]), { timeout: 5000 });
    expect(sent).toEqual([]);
    // What the panel then shows (assistant.ts onMissed), and the popup's note for the step.
    expect(t('console.status.secretMissed')).toBe(
      'The client secret was not captured. Google shows a secret only once — on the client\'s page, click "Add secret" and the assistant captures the new one.',
    );
    c.abort();
    await done;
  });
});
