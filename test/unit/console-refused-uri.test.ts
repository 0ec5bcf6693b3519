// @vitest-environment happy-dom
/**
 * The Console assistant's client steps: a redirect URI Google refuses (http other than
 * localhost, a raw IP — google-console.md §5.6; Odoo behind a TLS proxy without proxy_mode, field-notes
 * P1) is never typed into "Authorized redirect URIs". As for a field that cannot be filled, nothing is
 * clicked, the step is reported as needing attention (reason `refused`), and the panel says why with
 * the fix on Odoo's side (web.base.url https + freeze). Rendered with the pseudo-locale: every sentence
 * comes from the locales (literal-text.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runStep } from '@/lib/console/step';
import { clientCreate } from '@/lib/console/steps/client-create';
import { clientDetails } from '@/lib/console/steps/client-details';
import { redirectUriRefusal } from '@/lib/google/redirect-uri';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';
import { FAKE_CLIENT_ID } from '../support/builders';
import { consoleStepEnv } from './helpers';
import { knownHosts } from './host-facts';
import { findLiterals, usePseudoLocale } from './literal-text';

const ONLINE = 'https://acme.odoo.com';
const HTTP_SENT = 'http://acme.odoo.com/google_gmail/confirm';
const HTTPS_URI = `${ONLINE}/google_gmail/confirm`;
const ID = FAKE_CLIENT_ID;
const refusal = redirectUriRefusal(HTTP_SENT, { facts: knownHosts(HTTP_SENT, ONLINE), origin: ONLINE });
if (!refusal) throw new Error('expected a refusal');
const CTX = { ...CONSOLE_CONTEXT, redirectUri: HTTP_SENT, redirectRefusal: { problems: refusal.problems, fix: refusal.fix } };
const FIELD = 'Authorized redirect URIs › URIs 1';

const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
const panelText = () => shadow()?.textContent ?? '';
const typed = () => [...document.querySelectorAll('input')].map((i) => i.value);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a redirect URI Google refuses, on the Console', () => {
  it('create client: not typed, nothing clicked, needs attention, the Odoo-side fix shown', async () => {
    document.body.innerHTML = `<form><div role="combobox" aria-label="Application type"></div><input aria-label="Name">
      <div role="group" aria-label="Authorized redirect URIs"><button type="button">Add URI</button></div>
      <button type="button">Create</button></form>`;
    const clicked = vi.fn();
    for (const b of document.querySelectorAll('button')) b.addEventListener('click', clicked);
    const reports: unknown[] = [];
    await runStep(clientCreate, consoleStepEnv(reports, CTX));
    await vi.waitFor(() => expect(panelText()).toContain('the assistant does not type it'));
    expect(reports).toEqual([{ step: 'client', state: 'attention', reason: { code: 'refused', field: FIELD } }]);
    expect(panelText()).toContain('web.base.url to https://acme.odoo.com and web.base.url.freeze to True');
    expect(panelText()).toContain('Google accepts only https:// redirect URIs');
    expect(panelText()).not.toContain('proxy_mode');
    // No "Fill in and create" and no manual row asking to enter the http URI.
    expect((shadow().querySelector('button.main') as HTMLButtonElement).textContent).toBe('Try again');
    expect(panelText()).not.toContain(`enter${HTTP_SENT}`);
    expect(panelText()).not.toContain('Find "');
    expect(clicked).not.toHaveBeenCalled();
    expect(typed()).not.toContain(HTTP_SENT);
  });

  it('client details: the http URI is not added next to the https one', async () => {
    document.body.innerHTML = `<div role="group" aria-label="Authorized redirect URIs"><input aria-label="URIs 1" value="${HTTPS_URI}">
      <button type="button">Add URI</button></div><button type="button">Save</button><button type="button">Add secret</button>`;
    const clicked = vi.fn();
    for (const b of document.querySelectorAll('button')) b.addEventListener('click', clicked);
    const reports: unknown[] = [];
    const env = {
      ...consoleStepEnv(reports, { ...CTX, clientId: ID }),
      page: 'clientDetails' as const,
      url: new URL(`https://console.cloud.google.com/auth/clients/${ID}?project=odoo-123456`),
    };
    await runStep(clientDetails, env);
    await vi.waitFor(() =>
      expect(reports).toContainEqual({ step: 'client', state: 'attention', reason: { code: 'refused', field: FIELD } }),
    );
    expect(panelText()).toContain('Do not add http://acme.odoo.com/google_gmail/confirm to the OAuth client');
    expect(clicked).not.toHaveBeenCalled();
    expect(typed()).toEqual([HTTPS_URI]);
  });

  it('localhost over http is accepted: typed as before', async () => {
    const local = 'http://localhost:8069/google_gmail/confirm';
    expect(redirectUriRefusal(local, { facts: knownHosts(local) })).toBeNull();
    document.body.innerHTML =
      '<form><div role="combobox" aria-label="Application type"></div><button type="button">Create</button></form>';
    const reports: unknown[] = [];
    await runStep(clientCreate, consoleStepEnv(reports, { ...CONSOLE_CONTEXT, redirectUri: local, redirectRefusal: null }));
    await vi.waitFor(() => expect(panelText()).toContain(local));
    expect((shadow().querySelector('button.main') as HTMLButtonElement).textContent).toBe('Fill in and create OAuth client Odoo');
    expect(reports).toEqual([]);
  });

  it('every sentence of the panel comes from the locales', async () => {
    usePseudoLocale();
    document.body.innerHTML =
      '<form><div role="combobox" aria-label="Application type"></div><button type="button">Create</button></form>';
    await runStep(clientCreate, consoleStepEnv([], CTX));
    await vi.waitFor(() => expect(shadow()?.querySelector('button.main')).not.toBeNull());
    const root = shadow().querySelector('section');
    if (!root) throw new Error('no panel');
    expect(findLiterals(root, [HTTP_SENT, HTTPS_URI, ONLINE])).toEqual([]);
  });
});
