// @vitest-environment happy-dom
/**
 * The Branding step (lib/console/steps/branding.ts, google-console.md §3.3, §5.5) on a page that does
 * what Google does after "Save": keeps the domain (the step is done and the journey goes on to the next
 * page), or rejects it — with "Invalid domain: must be a top private domain" under the field, or an
 * `Error dialog`. A rejection is never reported done: the step needs attention, the panel shows the
 * value to enter by hand with the reason, and the assistant does not go on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Env, runStep } from '@/lib/console/step';
import { branding } from '@/lib/console/steps/branding';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { consoleStepEnv } from './helpers';

const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
const main = () => shadow().querySelector('button.main') as HTMLButtonElement;

/** A Branding page: App name (configured), "Add domain" adding "Authorized domain N" rows, Save. */
function brandingPage(onSave: (form: HTMLFormElement) => void): void {
  document.body.innerHTML = `<main><form>
    <label>App name <input value="Odoo"></label>
    <div id="rows"></div>
    <button type="button" id="add">Add domain</button>
    <button type="button" id="save">Save</button></form></main>`;
  const form = document.querySelector('form') as HTMLFormElement;
  let n = 0;
  document.getElementById('add')?.addEventListener('click', () => {
    n++;
    document.getElementById('rows')?.insertAdjacentHTML('beforeend', `<input aria-label="Authorized domain ${n}">`);
  });
  document.getElementById('save')?.addEventListener('click', () => onSave(form));
}

function env(reports: unknown[]): Env {
  return { ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, authorizedDomain: 'odoo.com' }), page: 'branding' };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('Branding › Authorized domain after Save', () => {
  it('kept: reported done with the domains the page lists, and the journey goes on to Audience', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    brandingPage(() => {
      (document.getElementById('save') as HTMLButtonElement).disabled = true; // saved: nothing left to save
    });
    const reports: unknown[] = [];
    await runStep(branding, env(reports));
    expect(main().textContent).toBe('Fill in and save authorized domain odoo.com');
    main().click();
    await vi.waitFor(() => expect(assign).toHaveBeenCalled());
    expect(String(assign.mock.calls[0]?.[0])).toMatch(/\/auth\/audience\?project=odoo-123456$/);
    expect(reports).toContainEqual({ step: 'domain', state: 'done', facts: { authorizedDomains: ['odoo.com'] } });
  });

  it.each([
    [
      'the field says "Invalid domain"',
      (form: HTMLFormElement) => form.insertAdjacentHTML('beforeend', '<p>Invalid domain: must be a top private domain</p>'),
    ],
    [
      'an "Error dialog" opens',
      () =>
        document.body.insertAdjacentHTML(
          'beforeend',
          '<div role="dialog" aria-label="Error dialog"><p>Something went wrong</p><button>OK</button></div>',
        ),
    ],
  ])('rejected (%s): needs attention, the value to enter by hand, and no going on', async (_what, reject) => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    brandingPage(reject);
    const reports: unknown[] = [];
    await runStep(branding, env(reports));
    main().click();
    await vi.waitFor(() => expect(shadow().textContent).toContain('Google did not accept the change.'));
    expect(reports).toContainEqual({
      step: 'domain',
      state: 'attention',
      reason: { code: 'rejected', field: 'Authorized domain 1' },
    });
    expect(reports).not.toContainEqual(expect.objectContaining({ step: 'domain', state: 'done' }));
    const row = shadow().querySelector('li')?.textContent ?? '';
    expect(row).toContain('Find "Authorized domain 1" and enter odoo.com');
    expect(row).toContain('Google did not accept it (see the message on the page).');
    expect(main().textContent).toBe('Try again');
    expect(assign).not.toHaveBeenCalled();
  });
});
