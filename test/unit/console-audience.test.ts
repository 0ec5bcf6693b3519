// @vitest-environment happy-dom
/**
 * The Audience step (lib/console/steps/audience.ts, google-console.md §3.4): for an External app in
 * Testing, "+ Add users" opens a side panel with a chip input; the address becomes a chip on Enter; then
 * Save. Google's first Save often does nothing (latchkey clicks it again): the step clicks once more, and
 * counts the test user as saved only when the panel closed and the address is listed under "Test users".
 * Then the journey goes on to the OAuth client. An address already listed is not added again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Env, runStep } from '@/lib/console/step';
import { audience } from '@/lib/console/steps/audience';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { chipInput, saveChips } from './console-pages';
import { consoleStepEnv } from './helpers';

const GMAIL = 'me@gmail.com';
const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
const main = () => shadow().querySelector('button.main') as HTMLButtonElement | null;

/** Audience of an External app in Testing; `saveClicksIgnored`: Save presses that do nothing first. */
function audiencePage(listed: string[], saveClicksIgnored: number): { saves: () => number } {
  document.body.innerHTML = `<main><h1>Audience</h1><p>Publishing status</p><p>Testing</p><p>User type</p><p>External</p>
    <section><h2>Test users</h2><button type="button" id="add">+ Add users</button><ul id="users">${listed
      .map((u) => `<li>${u}</li>`)
      .join('')}</ul></section></main>`;
  let saves = 0;
  document.getElementById('add')?.addEventListener('click', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div role="dialog" aria-label="Add users"><mat-chip-grid><input aria-label="Email"></mat-chip-grid>
        <button type="button" id="save">Save</button></div>`,
    );
    chipInput(document.querySelector('[role="dialog"] input') as HTMLInputElement);
    document.getElementById('save')?.addEventListener('click', () => {
      saves++;
      if (saves <= saveClicksIgnored) return;
      saveChips('[role="dialog"]');
    });
  });
  return { saves: () => saves };
}

const env = (reports: unknown[]): Env => ({
  ...consoleStepEnv(reports, { ...CONSOLE_CONTEXT, ready: true, gmail: GMAIL, audience: 'external' }),
  page: 'audience',
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('Audience › Test users', () => {
  it("Google's first Save does nothing: a second click, then saved, reported and on to the OAuth client", async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const page = audiencePage([], 1);
    const reports: unknown[] = [];
    await runStep(audience, env(reports));
    expect(main()?.textContent).toBe(`Fill in and save test user ${GMAIL}`);
    main()?.click();
    await vi.waitFor(() => expect(assign).toHaveBeenCalled(), { timeout: 12_000 });
    expect(page.saves()).toBe(2);
    expect(document.getElementById('users')?.textContent).toBe(GMAIL);
    expect(String(assign.mock.calls[0]?.[0])).toMatch(/\/auth\/clients\/create\?project=odoo-123456$/);
    expect(reports).toContainEqual({ step: 'testUser', state: 'done', facts: { testUsers: [GMAIL] } });
  }, 15_000);

  it("the administrator's other test users are added at once, in the same panel; one already listed is not added again", async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const page = audiencePage(['ann@example.com'], 0);
    const reports: unknown[] = [];
    const wanted = ['Ann@Example.com', 'bob@example.com', 'cy@example.org'];
    await runStep(audience, { ...env(reports), ctx: { ...env(reports).ctx, testUsersWanted: wanted } });
    expect(main()?.textContent).toBe(`Fill in and save 3 test users (${GMAIL}, bob@example.com, cy@example.org)`);
    main()?.click();
    await vi.waitFor(() => expect(assign).toHaveBeenCalled(), { timeout: 12_000 });
    expect(page.saves()).toBe(1);
    const listed = [...document.querySelectorAll('#users li')].map((li) => li.textContent);
    expect(listed).toEqual(['ann@example.com', GMAIL, 'bob@example.com', 'cy@example.org']);
    expect(reports).toContainEqual({
      step: 'testUser',
      state: 'done',
      facts: { testUsers: ['ann@example.com', GMAIL, 'bob@example.com', 'cy@example.org'] },
    });
  }, 15_000);

  it('the address already listed: nothing is added, nothing is clicked, no going on', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const page = audiencePage([GMAIL], 0);
    const reports: unknown[] = [];
    await runStep(audience, env(reports));
    expect(shadow().textContent).toContain(`${GMAIL} is already a test user ✓`);
    expect(main()).toBeNull();
    expect(page.saves()).toBe(0);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(reports).toContainEqual({ step: 'testUser', state: 'done' });
    expect(assign).not.toHaveBeenCalled();
  });
});
