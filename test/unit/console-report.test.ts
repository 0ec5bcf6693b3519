// @vitest-environment happy-dom
/**
 * "Copy a report for the developers" (lib/console/report.ts): the report of a page
 * region full of values keeps the page's structure — roles, accessible names, `formcontrolname`s, tags,
 * button states, the URL path and the Console language — and not one value: every input value, chip,
 * client ID, secret (in text, `aria-label`, `title`, an input's value), e-mail and project ID (in the
 * URL and in text) is left out or replaced by its kind. The values are those of google-console.md §5.1
 * (client ID), §5.2 (secret), §5.4 (project ID) and of the "OAuth client created" dialog (§3.7;
 * 2026 §9: values may sit only in attributes).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kit } from '@/lib/console/kit';
import { fieldReport, kindOf } from '@/lib/console/report';
import * as S from '@/lib/console/selectors';
import { runStep, type Step } from '@/lib/console/step';
import { consoleStepEnv } from './helpers';

const PROJECT = 'acme-mail-483920';
const PROJECT_NUMBER = '834512907731';
const CLIENT_ID = `${PROJECT_NUMBER}-k3j9vq2m5tq0d1l8r7c6b4n2x9w0z5ya.apps.googleusercontent.com`;
const SECRET = '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';
const OLD_SECRET = 'aB3dE5fG7hJ9kL1mN3pQ5rS7'; // a pre-2021 secret: 24 characters, no prefix (§5.2)
const GMAIL = 'jane.doe.sales@gmail.com';
const OTHER_MAIL = 'ops-team@acme-widgets.com';
const APP_NAME = 'Acme Widgets Mailer';
const REDIRECT = 'https://erp.acme-widgets.com/google_gmail/confirm';
const DOMAIN = 'acme-widgets.com';
const TYPED_NOTE = 'Quarterly invoices for Zanzibar';

const VALUES = [
  PROJECT,
  PROJECT_NUMBER,
  CLIENT_ID,
  SECRET,
  SECRET.slice(7),
  OLD_SECRET,
  GMAIL,
  OTHER_MAIL,
  APP_NAME,
  REDIRECT,
  DOMAIN,
  'erp.acme-widgets',
  TYPED_NOTE,
  'Zanzibar',
  'k3j9vq2m5tq0',
];

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  history.replaceState(null, '', '/');
  delete (globalThis as { __gmailOdooKit?: unknown }).__gmailOdooKit;
});

/** A Console page holding every kind of value a person's Console holds, where a script found them (§3.7, 2026 §9). */
function pageFullOfValues(): void {
  history.replaceState(null, '', `/auth/clients/${CLIENT_ID}?project=${PROJECT}&authuser=1`);
  document.documentElement.lang = 'en-GB';
  document.body.innerHTML = `
    <header><input type="search" aria-label="Search (/) for resources" value="${TYPED_NOTE}"></header>
    <main>
      <h1>Client ID for Web application</h1>
      <p>Project ${PROJECT} (number ${PROJECT_NUMBER}) — owner ${GMAIL}</p>
      <form>
        <h2>Branding of ${APP_NAME}</h2>
        <mat-form-field><label for="n"><mat-label>App name</mat-label></label>
          <input id="n" formcontrolname="displayName" value="${APP_NAME}"></mat-form-field>
        <cfc-select role="combobox" formcontrolname="userSupportEmail" aria-label="User support email" aria-disabled="true"
          aria-expanded="false">${GMAIL}</cfc-select>
        <mat-chip-grid formcontrolname="emails" aria-label="Email addresses">
          <mat-chip-row role="row">${OTHER_MAIL}<button aria-label="Remove ${OTHER_MAIL}">cancel</button></mat-chip-row>
          <input aria-label="Text field for emails" value="${GMAIL}">
        </mat-chip-grid>
        <section><h3>Authorised domains</h3><input value="${DOMAIN}"><button type="button">Add domain</button></section>
        <div role="group" aria-label="Authorised redirect URIs">
          <input formcontrolname="uri" aria-label="URIs 1" value="${REDIRECT}">
          <button type="button">Add URI</button>
        </div>
        <textarea aria-label="Notes">${TYPED_NOTE}</textarea>
        <div class="mdc-radio"><input type="radio" id="ext" value="EXTERNAL" checked></div>
        <label for="ext">External<span> Available to any test user with a Google Account.</span></label>
        <button type="submit" disabled>Save</button>
        <button type="button" aria-pressed="true">Show secret</button>
      </form>
    </main>
    <div class="cdk-overlay-container">
      <mat-dialog-container role="dialog" aria-label="OAuth client created">
        <h2>OAuth client created</h2>
        <dl><dt>Client ID</dt><dd>${CLIENT_ID}</dd><dt>Client secret</dt><dd>${SECRET}</dd></dl>
        <button aria-label="Copy to clipboard: ${CLIENT_ID}">content_copy</button>
        <button aria-label="Copy to clipboard: ${SECRET}" title="${SECRET}">content_copy</button>
        <button title="Copy ${OLD_SECRET}"></button>
        <input readonly aria-label="Client secret" value="${SECRET}">
        <span aria-label="${SECRET}">****${SECRET.slice(-4)}</span>
        <button>OK</button>
      </mat-dialog-container>
    </div>`;
}

describe('the report for the developers', () => {
  it('keeps no value: input values, chips, e-mails, client ID, secret (text, aria-label, title, value), project ID', () => {
    pageFullOfValues();
    const report = fieldReport({ step: 'client', failure: { code: 'notFound', field: 'Authorized redirect URIs › URIs 1' } });
    for (const value of VALUES)
      expect({ value, found: report.toLowerCase().includes(value.toLowerCase()) }).toEqual({ value, found: false });
    // The secret's and client ID's characteristic parts, in any form.
    expect(report).not.toMatch(/GOCSPX|googleusercontent|@gmail|acme|widgets|zanzibar|483920|834512/i);
  });

  it('keeps the structure: path, language, roles, names, formcontrolnames, tags, states, value kinds', () => {
    pageFullOfValues();
    const report = fieldReport({ step: 'client', failure: { code: 'notFound', field: 'Authorized redirect URIs › URIs 1' } });
    expect(report).toContain('path: /auth/clients/<client-id>?project=…&authuser=…');
    expect(report).toContain('lang: en-GB');
    expect(report).toContain('step: client');
    expect(report).toContain('failure: notFound — Authorized redirect URIs › URIs 1');
    expect(report).toMatch(/input fcn=displayName "App name" value=<text:19 chars>/);
    expect(report).toMatch(/cfc-select role=combobox fcn=userSupportEmail "User support email" aria-disabled collapsed/);
    expect(report).toMatch(/mat-chip-grid fcn=emails "Email addresses"/);
    expect(report).toMatch(/mat-chip-row role=row "<email> cancel"/);
    expect(report).toMatch(/button "Remove <email>"/);
    expect(report).toMatch(/input "Text field for emails" value=<email>/);
    expect(report).toMatch(/h3 "Authorised domains"/);
    expect(report).toMatch(/input value=<url>\n/);
    expect(report).toMatch(/div role=group "Authorised redirect URIs"/);
    expect(report).toMatch(/input fcn=uri "URIs 1" value=<url>/);
    expect(report).toMatch(/textarea "Notes" value=<text:31 chars>/);
    expect(report).toMatch(/button type=submit "Save" disabled/);
    // A radio's own `value` is the page's, not the person's: its name stays whole.
    expect(report).toMatch(/input type=radio "External Available to any test user with a Google Account\." checked\n/);
    expect(report).toMatch(/button type=button "Show secret" pressed/);
    expect(report).toMatch(/mat-dialog-container role=dialog "OAuth client created"/);
    expect(report).toContain('button "Copy to clipboard: <client-id>"');
    expect(report).toContain('button "Copy to clipboard: <secret>"');
    expect(report).toContain('button "Copy <secret>"');
    expect(report).toMatch(/input "Client secret" value=<secret> readonly/);
    expect(report).toMatch(/h2 "Branding of <text:19 chars>"/);
    // Static text is not copied (the paragraph with the project and the owner's address).
    expect(report).not.toContain('owner');
    // Indented by structure: the dialog's buttons under the dialog.
    expect(report).toMatch(/\n {2}mat-dialog-container[^\n]*\n {4}h2 "OAuth client created"/);
  });

  it('stays small: a bounded number of lines', () => {
    document.body.innerHTML = `<main>${'<button>Next</button>'.repeat(1000)}</main>`;
    const report = fieldReport({ maxLines: 50 });
    expect(report.split('\n').filter((l) => l.includes('button')).length).toBe(50);
    expect(report).toContain('lines left out: 950');
  });

  it('names the kind of a value', () => {
    expect(kindOf(GMAIL)).toBe('<email>');
    expect(kindOf(CLIENT_ID)).toBe('<client-id>');
    expect(kindOf(SECRET)).toBe('<secret>');
    expect(kindOf(OLD_SECRET)).toBe('<secret>');
    expect(kindOf(PROJECT)).toBe('<project-id>');
    expect(kindOf(REDIRECT)).toBe('<url>');
    expect(kindOf(DOMAIN)).toBe('<url>');
    expect(kindOf(APP_NAME)).toBe('<text:19 chars>');
    expect(kindOf('  ')).toBe('');
  });

  it('the fall-back offers "Copy a report for the developers"; what it copies holds no value', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    // The background injects the report's script on the click (`loadConsolePart`); the script registers itself.
    const sendMessage = vi.fn(async (m: { type: string; data: unknown }) => {
      if (m.type !== 'loadConsolePart') return undefined;
      kit().report = fieldReport;
      return { res: { ok: true, value: null } };
    });
    fakeBrowser.runtime.sendMessage = sendMessage as unknown as typeof fakeBrowser.runtime.sendMessage;
    history.replaceState(null, '', `/auth/clients/create?project=${PROJECT}`);
    document.body.innerHTML = `<main><form><input aria-label="Name" value="${APP_NAME}">
      <mat-chip-row role="row">${GMAIL}</mat-chip-row><button type="button">Create</button></form></main>`;
    const step: Step = {
      id: 'test-step',
      pages: ['clientCreate'],
      title: 'console.step.clientCreate',
      async prepare() {
        return {
          action: 'Fill in',
          progress: 'client',
          sections: [{ fields: [{ target: S.uri, kind: 'text', value: REDIRECT, waitMs: 50 }], next: S.create }],
        };
      },
    };
    await runStep(step, consoleStepEnv([]));
    const shadow = () => document.querySelector('gmail-odoo-assistant')?.shadowRoot as ShadowRoot;
    (shadow().querySelector('button.main') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(shadow().textContent).toContain('Copy a report for the developers'));
    expect(shadow().textContent).toContain('paste it into a new issue of the project');
    const button = [...shadow().querySelectorAll('button')].find((b) => b.textContent === 'Copy a report for the developers');
    button?.click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(sendMessage.mock.calls.map(([m]) => [m.type, m.data])).toEqual([['loadConsolePart', { part: 'report' }]]);
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied).toContain('path: /auth/clients/create?project=…');
    expect(copied).toContain('failure: notFound — URIs 1');
    expect(copied).toMatch(/input "Name" value=<text:19 chars>/);
    expect(copied).toMatch(/button "Create"/);
    for (const value of [PROJECT, APP_NAME, GMAIL, REDIRECT]) expect(copied).not.toContain(value);
    expect(button?.textContent).toBe('Report copied — paste it into a new issue of the project');
  });
});
