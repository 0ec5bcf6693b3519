// @vitest-environment happy-dom
/**
 * Every user-visible string of the popup comes from the locales: the popup is rendered in several
 * states with a pseudo-locale (each message wrapped in ⟦…⟧), and no text node, aria-label, title or
 * placeholder may be left unwrapped (see literal-text.ts). Data (URLs, emails, computed values) is
 * declared per state.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checklist } from '@/components/Checklist';
import { ConnectMine, PersonalServersView } from '@/components/ConnectMine';
import { CopyField } from '@/components/CopyField';
import { Text } from '@/components/Text';
import { App } from '@/entrypoints/popup/App';
import { startBackground } from '@/lib/background';
import { CONSOLE_ORIGINS } from '@/lib/console-access';
import { msg } from '@/lib/i18n';
import { removeAllListeners } from '@/lib/messaging';
import { STEP_IDS, STEP_STATES } from '@/lib/setup/steps';
import { diagnosesItem, EMPTY_GOOGLE_STATE, googleItem, probeItem, progressItem } from '@/lib/state/items';
import { FAKE_CLIENT_ID } from '../support/builders';
import { installPermissions, POPUP, sendAs, sendMessagesAsPopup } from './helpers';
import { findLiterals, stripMessages, usePseudoLocale } from './literal-text';
import { odooRoutes, replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';
let root: HTMLElement;

beforeEach(() => {
  usePseudoLocale();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  removeAllListeners();
  vi.unstubAllGlobals();
});

async function mount(node: preact.ComponentChild) {
  await act(async () => {
    render(node, root);
  });
}

/** Lets storage reads, watchers and messages settle, then re-renders. */
async function settle(until: () => boolean) {
  await vi.waitFor(
    async () => {
      await act(async () => {});
      expect(until(), root.textContent ?? '').toBe(true);
    },
    { timeout: 3000 },
  );
}

async function typeInto(selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit() {
  await act(async () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/**
 * Presses a warning's freeze action: the confirmation proposes the Odoo origin. Returns the values the
 * popup shows, which the text around them must not repeat.
 */
async function confirmFreeze(warning: string): Promise<string[]> {
  await act(async () => root.querySelector<HTMLButtonElement>(`li[data-warning="${warning}"] button`)?.click());
  await settle(() => !!root.querySelector('.prevent-confirm input'));
  expect(root.querySelector<HTMLInputElement>('.prevent-confirm input')?.value).toBe(ORIGIN);
  return [...root.querySelectorAll('output')].map((o) => o.textContent ?? '');
}

describe('the checker itself', () => {
  it('reports literal text, attributes and placeholders, and accepts wrapped messages, data and symbols', async () => {
    await mount(
      <div>
        <h1>Hello</h1>
        <p>
          ⟦Logged in to db <code>acme</code> as an administrator⟧
        </p>
        <button type="button" aria-label="Close">
          ⟦Copy⟧
        </button>
        <input placeholder="https://yourcompany.odoo.com" />
        <span aria-hidden="true">✓ done</span>
        <p>{`${ORIGIN} · 3/11`}</p>
      </div>,
    );
    expect(findLiterals(root, [ORIGIN])).toEqual([
      { where: '<h1>', text: 'Hello' },
      { where: '<button> [aria-label]', text: 'Close' },
      { where: '<input> [placeholder]', text: 'https://yourcompany.odoo.com' },
    ]);
    expect(stripMessages('⟦Copy ⟦Authorized redirect URI⟧⟧ x')).toBe(' x');
  });
});

describe('popup components render only localized text', () => {
  it('App, nothing set up yet, Console access taken away', async () => {
    const permissions = installPermissions();
    permissions.answer = false;
    await mount(<App />);
    await settle(() => !!root.querySelector('form.setup') && !!root.querySelector('.notice'));
    expect(root.querySelectorAll('li[data-step]').length).toBe(STEP_IDS.length);
    expect(findLiterals(root)).toEqual([]);

    // Asking again at a click: refused, then granted.
    await act(async () => root.querySelector<HTMLButtonElement>('.notice button')?.click());
    await settle(() => !!root.querySelector('.notice [role="alert"]'));
    expect(findLiterals(root)).toEqual([]);
    permissions.answer = true;
    await act(async () => root.querySelector<HTMLButtonElement>('.notice button')?.click());
    await settle(() => !root.querySelector('.notice'));
    expect(permissions.request).toHaveBeenLastCalledWith({ origins: CONSOLE_ORIGINS });
  });

  it('App, with field errors, a suggestion and a refused permission', async () => {
    const permissions = installPermissions();
    permissions.answer = false;
    sendMessagesAsPopup();
    startBackground();
    await mount(<App />);
    await settle(() => !!root.querySelector('form.setup'));

    await typeInto('#odooUrl', 'acme.odoo.com');
    await typeInto('#gmail', 'not-an-email');
    await submit();
    await settle(() => root.querySelectorAll('.field-messages .error').length === 2);
    expect(root.querySelector('button.link')).not.toBeNull(); // "Use https://acme.odoo.com"
    expect(findLiterals(root, ['https://acme.odoo.com'])).toEqual([]);

    // A valid form whose permission prompt is refused: the banner, and the checklist says why.
    await typeInto('#odooUrl', ORIGIN);
    await typeInto('#gmail', 'me@acme.com');
    await submit();
    await settle(() => !!root.querySelector('.banner'));
    await settle(() => root.querySelector('li[data-step="odoo"]')?.getAttribute('data-state') === 'attention');
    expect(findLiterals(root, [ORIGIN, 'me@acme.com', `${ORIGIN}/google_gmail/confirm`, 'odoo.com', 'Odoo'])).toEqual([]);
  });

  it('App, connected, with every step state and warnings', async () => {
    installPermissions([`${ORIGIN}/*`]);
    const odoo = replay(odooRoutes({ session: 'session-17.0.json', modules: 'modules-outdated-15.0.json' }));
    vi.stubGlobal('fetch', odoo.fetch);
    startBackground();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: '', accountType: null });
    await sendAs(POPUP, 'probeOdoo', {});
    const states = ['done', 'inProgress', 'attention', 'na', 'todo'] as const;
    await progressItem.set({
      project: { state: states[0], at: 1 },
      consent: { state: states[1], at: 1, note: msg('step.odoo.checking', { origin: ORIGIN }) },
      domain: { state: states[2], at: 1, note: msg('err.redirect.https') },
      testUser: { state: states[3], at: 1 },
    });
    await mount(<App />);
    await settle(() => root.querySelector('li[data-step="odoo"]')?.getAttribute('data-state') === 'done');
    const shown = new Set([...root.querySelectorAll('li[data-step]')].map((li) => li.getAttribute('data-state')));
    for (const state of STEP_STATES) expect(shown, state).toContain(state);

    const values = [...root.querySelectorAll('output')].map((o) => o.textContent ?? '');
    expect(findLiterals(root, [ORIGIN, 'admin@acme.com', ...values])).toEqual([]);
  });

  it('App, with a diagnosis in the checklist and "Before you connect" with the freeze form open', async () => {
    installPermissions([`${ORIGIN}/*`]);
    const routes = odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' });
    // web.base.url.freeze not set: the "freeze" check and its action show.
    const odoo = replay((call) =>
      call.body.params?.method === 'get_param' ? { json: { jsonrpc: '2.0', id: 1, result: false } } : routes(call),
    );
    vi.stubGlobal('fetch', odoo.fetch);
    startBackground();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: 'personal' });
    await sendAs(POPUP, 'probeOdoo', {});
    const sent = 'http://acme.odoo.com/google_gmail/confirm';
    await diagnosesItem.set([
      {
        id: 'redirect_uri_mismatch',
        step: 'client',
        source: 'signIn',
        origin: ORIGIN,
        at: 1,
        title: msg('diag.title', { code: 'redirect_uri_mismatch' }),
        cause: msg('diag.redirect_uri_mismatch.causeKnown', { sent }),
        fix: msg('diag.redirect_uri_mismatch.fix', { sent }),
        link: 'https://console.cloud.google.com/auth/clients',
        value: sent,
        details: [msg('diag.uriDiff.scheme', { sent, registered: `${ORIGIN}/google_gmail/confirm` })],
      },
    ]);
    await mount(<App />);
    await settle(() => !!root.querySelector('.prevent li[data-warning="freezeBaseUrl"]'));
    await settle(() => root.querySelector('li[data-step="client"]')?.getAttribute('data-state') === 'attention');
    expect(root.querySelector('li[data-step="client"] .diagnosis')).not.toBeNull();
    expect([...root.querySelectorAll('.prevent li')].map((li) => li.getAttribute('data-warning'))).toEqual([
      'freezeBaseUrl',
      'testUserMissing',
      'testingExpiry',
    ]);
    const values = await confirmFreeze('freezeBaseUrl');
    expect(findLiterals(root, [ORIGIN, 'me@gmail.com', 'admin@acme.com', sent, ...values])).toEqual([]);
  });

  it('App when Odoo sends an http redirect URI Google refuses (Odoo behind a proxy): no value to register, the freeze action with https', async () => {
    installPermissions([`${ORIGIN}/*`]);
    const routes = odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' });
    // Behind the TLS proxy without proxy_mode: Odoo's web.base.url is the http address (field-notes P1).
    const odoo = replay((call) => {
      const answer = routes(call);
      if (call.path !== '/web/session/get_session_info' || !answer?.json) return answer;
      const json = structuredClone(answer.json) as { result: Record<string, unknown> };
      json.result['web.base.url'] = 'http://acme.odoo.com';
      return { json };
    });
    vi.stubGlobal('fetch', odoo.fetch);
    startBackground();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@acme.com', accountType: 'workspace' });
    await sendAs(POPUP, 'probeOdoo', {});
    await googleItem.set({ ...EMPTY_GOOGLE_STATE, redirectUris: [`${ORIGIN}/google_gmail/confirm`] });
    await mount(<App />);
    await settle(() => !!root.querySelector('.prevent li[data-warning="baseUrlHttp"]'));
    const sent = 'http://acme.odoo.com/google_gmail/confirm';
    // Shown as refused, never as a value to copy; no "add it" warning.
    expect(root.querySelector('.values [data-refused]')).not.toBeNull();
    expect([...root.querySelectorAll('output')].map((o) => o.textContent)).not.toContain(sent);
    expect(root.querySelector('.prevent li[data-warning="redirectNotRegistered"]')).toBeNull();
    expect(root.querySelector('li[data-warning="baseUrlHttp"] .copy-field')).toBeNull();
    const values = await confirmFreeze('baseUrlHttp');
    expect(
      findLiterals(root, [
        ORIGIN,
        sent,
        `${ORIGIN}/google_gmail/confirm`,
        'http://acme.odoo.com',
        'me@acme.com',
        'admin@acme.com',
        ...values,
      ]),
    ).toEqual([]);
  });

  it('App when Odoo rewrote web.base.url since it was read (an admin login elsewhere): the change said on the spot, with the freeze action', async () => {
    installPermissions([`${ORIGIN}/*`]);
    vi.stubGlobal('fetch', replay(odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' })).fetch);
    startBackground();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@acme.com', accountType: 'workspace' });
    await sendAs(POPUP, 'probeOdoo', {});
    // An administrator signed in through https://erp.acme.com: Odoo rewrote web.base.url (captures fact 6).
    await probeItem.update((p) =>
      p?.odoo
        ? {
            ...p,
            odoo: { ...p.odoo, baseUrl: 'https://erp.acme.com', baseUrlFrozen: false, baseUrlWas: { value: ORIGIN, at: 1 } },
          }
        : p,
    );
    await mount(<App />);
    await settle(() => !!root.querySelector('.prevent li[data-warning="webBaseUrlChanged"]'));
    const sent = 'https://erp.acme.com/google_gmail/confirm';
    expect(root.querySelector('li[data-warning="webBaseUrlChanged"]')?.textContent).toContain(sent);
    expect(root.querySelector('li[data-warning="webBaseUrlChanged"] button')).not.toBeNull();
    const values = [...root.querySelectorAll('output')].map((o) => o.textContent ?? '');
    expect(values).toContain(sent);
    expect(findLiterals(root, [ORIGIN, sent, 'https://erp.acme.com', 'me@acme.com', 'admin@acme.com', ...values])).toEqual([]);
  });

  it('App after a restart lost the captured secret: the notice and its "Add secret" link', async () => {
    installPermissions([`${ORIGIN}/*`]);
    vi.stubGlobal('fetch', replay(odooRoutes({ session: 'session-17.0.json', modules: 'modules-installed-17.0.json' })).fetch);
    startBackground();
    await sendAs(POPUP, 'saveSetup', { odooUrl: ORIGIN, gmail: 'me@gmail.com', accountType: 'personal' });
    await sendAs(POPUP, 'probeOdoo', {});
    const clientId = FAKE_CLIENT_ID;
    // What the capture left in storage.local; storage.session (the secret) is empty, as after a restart.
    await googleItem.set({ ...EMPTY_GOOGLE_STATE, projectId: 'odoo-gmail-1', clientId, secretCapturedAt: 5 });
    await progressItem.set({ client: { state: 'done', at: 5, note: msg('step.client.captured', { clientId }) } });
    await mount(<App />);
    await settle(
      () =>
        !!root.querySelector('.secret-gone') &&
        root.querySelector('li[data-step="client"]')?.getAttribute('data-state') === 'attention',
    );
    const link = `https://console.cloud.google.com/auth/clients/${clientId}?project=odoo-gmail-1`;
    expect(root.querySelector('.secret-gone a')?.getAttribute('href')).toBe(link);
    expect(root.querySelector('li[data-step="client"] a')?.getAttribute('href')).toBe(link);
    const values = [...root.querySelectorAll('output')].map((o) => o.textContent ?? '');
    expect(findLiterals(root, [ORIGIN, 'me@gmail.com', 'admin@acme.com', clientId, ...values])).toEqual([]);
  });

  it('"Connect my own Gmail" refused for another account, and the administrator\'s list (Odoo 19 personal servers)', async () => {
    const chosen = 'other.person@gmail.com';
    const email = 'user1@gmail.com';
    const server = "User One's outgoing email";
    const odooText = 'You are not allowed to create a personal mail server.';
    await mount(
      <div>
        <ConnectMine
          stored={{
            origin: ORIGIN,
            uid: 5,
            email,
            status: 'refused',
            at: 1,
            startedAt: 1,
            error: msg('personal.err.mismatch', { chosen, expected: email }),
            odooText,
            reading: 'customServersOff',
            chosen,
            customServers: false,
            server,
          }}
          email={email}
        />
        <PersonalServersView
          list={{
            limit: 30,
            servers: [
              { id: 2, owner: { id: 5, name: 'User One' }, address: email, active: true, token: true },
              { id: 3, owner: { id: 6, name: 'Marc Demo' }, address: null, active: false, token: false },
            ],
          }}
          error={null}
        />
        <PersonalServersView list={{ limit: 12, servers: [] }} error={msg('personal.err.notAvailable')} />
      </div>,
    );
    expect(root.textContent).toContain(chosen);
    expect(findLiterals(root, [email, chosen, server, odooText, 'User One', 'Marc Demo', '30', '12'])).toEqual([]);
  });

  it('Checklist, CopyField and Text on their own', async () => {
    await mount(
      <div>
        <Checklist
          steps={STEP_STATES.map((state, i) => ({
            id: STEP_IDS[i] ?? 'odoo',
            state,
            next: msg('step.needsOdoo'),
            link: 'https://console.cloud.google.com/',
          }))}
        />
        <CopyField label="⟦Authorized redirect URI⟧" value={null} />
        <CopyField label="⟦Authorized domain⟧" value="odoo.com" hint="⟦From Odoo's web.base.url⟧" />
        <CopyField label="⟦Authorized domain⟧" value={null} pending />
        <p>
          <Text m={msg('step.odoo.okCommunity', { db: 'acme', version: '17.0' })} />
        </p>
      </div>,
    );
    expect(findLiterals(root, ['odoo.com'])).toEqual([]);
    // Not known yet (the background is looking the host up): said so, never "None needed", nothing to copy.
    const pending = root.querySelector('output[aria-busy="true"]');
    expect(stripMessages(pending?.textContent ?? '')).toBe('');
    expect(pending?.textContent).not.toContain('None needed');
    expect(pending?.parentElement?.querySelector('button')).toBeNull();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.copy-field button')?.click();
    });
    expect(findLiterals(root, ['odoo.com'])).toEqual([]);
  });
});
