// @vitest-environment happy-dom
/**
 * Publishing to production, on the Console: with production chosen, Branding fills the App home page and the App
 * privacy policy link beside the domain in one Save, read back (google-console-2026.md §1); Audience names
 * a "Publish app" Google keeps disabled, instead of clicking it, and leads to Branding.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Env, runStep } from '@/lib/console/step';
import { branding } from '@/lib/console/steps/branding';
import { publishApp } from '@/lib/console/steps/publish-app';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { consoleStepEnv } from './helpers';

describe('on the Console', () => {
  const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
  const LINKS = { home: 'https://acme.odoo.com/', privacy: 'https://acme.odoo.com/privacy' };
  const ctx = (over: object = {}) => ({
    ...CONSOLE_CONTEXT,
    ready: true,
    audience: 'external' as const,
    authorizedDomain: 'odoo.com',
    publishChoice: 'production' as const,
    publishLinks: LINKS,
    ...over,
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  /** Branding with one authorized domain row, the two app links, and Save. */
  function page() {
    document.body.innerHTML = `<main><form>
      <label>App name <input value="Odoo"></label>
      <input aria-label="Authorized domain 1" value="">
      <button type="button">Add domain</button>
      <label>Application home page <input id="home"></label>
      <label>Application privacy policy link <input id="privacy"></label>
      <button type="button" id="save">Save</button></form></main>`;
    document.getElementById('save')?.addEventListener('click', () => {
      (document.getElementById('save') as HTMLButtonElement).disabled = true;
    });
  }
  const env = (reports: unknown[], over: object = {}): Env => ({ ...consoleStepEnv(reports, ctx(over)), page: 'branding' });

  it('Branding, production chosen: the domain and both links in one Save, read back', async () => {
    vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    page();
    const reports: unknown[] = [];
    await runStep(branding, env(reports));
    const main = shadow().querySelector('button.main') as HTMLButtonElement;
    expect(main.textContent).toBe('Fill in and save authorized domain odoo.com and the app links');
    main.click();
    await vi.waitFor(() => expect(reports).toContainEqual(expect.objectContaining({ step: 'domain', state: 'done' })));
    expect((document.getElementById('home') as HTMLInputElement).value).toBe(LINKS.home);
    expect((document.getElementById('privacy') as HTMLInputElement).value).toBe(LINKS.privacy);
  });

  it('Branding, testing (the default): no link is proposed', async () => {
    page();
    await runStep(branding, env([], { publishChoice: null, publishLinks: null }));
    expect((shadow().querySelector('button.main') as HTMLButtonElement).textContent).toBe(
      'Fill in and save authorized domain odoo.com',
    );
    expect(shadow().textContent).not.toContain(LINKS.privacy);
  });

  it('Audience: a disabled Publish app under Google’s banner is named and left alone; the way to Branding offered', async () => {
    document.body.innerHTML = `<main><div class="cfc-message-bar">The OAuth configuration of your app is incomplete. An App home page and an App privacy policy link on your authorized domains are required before you can publish your app. <a href="/auth/branding">Go to the 'Branding' page</a></div>
      <p>Testing</p><button type="button" id="publish" disabled>Publish app</button></main>`;
    const clicked = vi.fn();
    document.getElementById('publish')?.addEventListener('click', clicked);
    const e: Env = { ...consoleStepEnv([], ctx()), page: 'audience' };
    expect(await publishApp.prepare(e)).toBeNull();
    expect(shadow().querySelector('[data-state="links-needed"]')).not.toBeNull();
    expect(shadow().textContent).toContain('Google keeps Publish app disabled');
    expect(clicked).not.toHaveBeenCalled();
    expect(shadow().querySelector('a[href*="/auth/branding"]')).not.toBeNull();
  });
});
