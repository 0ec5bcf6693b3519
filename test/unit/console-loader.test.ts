// @vitest-environment happy-dom
/**
 * The Console loader and the injected assistant's start (docs/console.md › How the assistant is
 * loaded): the loader asks for the assistant only on a page of the journey, once per
 * document, also after a single-page navigation, and again after a failed request; the assistant
 * starts at most once per document; the background injects it only for the Console content script,
 * into the sender's own document.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { ASSISTANT_SCRIPT } from '@/lib/background/console-loader';
import { createAssistantContext } from '@/lib/console/context';
import type { PageId } from '@/lib/console/detect';
import { kit, loadPart, reportOnDemand } from '@/lib/console/kit';
import { type LoaderContext, startLoader } from '@/lib/console/loader';
import { fieldReport, REPORT_TITLE } from '@/lib/console/report';
import { startAssistantOnce } from '@/lib/console/start';
import { removeAllListeners } from '@/lib/messaging';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const C = 'https://console.cloud.google.com';
/** happy-dom's way to change the page URL without a navigation, as the Console's history API does. */
const setUrl = (href: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);

/** A content-script context whose location changes the test drives (as WXT's watcher would report them). */
function fakeContext() {
  const listeners: ((event: { newUrl: URL }) => void)[] = [];
  const ctx: LoaderContext = { addEventListener: (_target, _type, handler) => listeners.push(handler) };
  const navigate = (href: string) => {
    setUrl(href);
    for (const l of listeners) l({ newUrl: new URL(href) });
  };
  return { ctx, navigate };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('startLoader', () => {
  it('asks nothing on Console pages outside the journey, asks once a journey page shows (SPA)', async () => {
    setUrl(`${C}/apis/library/gmail.googleapis.com?project=odoo-123456`);
    const { ctx, navigate } = fakeContext();
    const request = vi.fn(async (_page: PageId) => true);
    startLoader(ctx, request);
    navigate(`${C}/iam-admin/settings?project=odoo-123456`);
    await settle();
    expect(request).not.toHaveBeenCalled();

    navigate(`${C}/auth/branding?project=odoo-123456`);
    await settle();
    expect(request.mock.calls).toEqual([['branding']]);
    // Loaded: the assistant's own location handling takes over; the loader never asks again.
    navigate(`${C}/auth/audience?project=odoo-123456`);
    navigate(`${C}/auth/clients/create?project=odoo-123456`);
    await settle();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('asks at once on a journey page, and not twice while the first request runs', async () => {
    setUrl(`${C}/projectcreate`);
    const { ctx, navigate } = fakeContext();
    let answer: (ok: boolean) => void = () => {};
    const request = vi.fn((_page: PageId) => new Promise<boolean>((r) => (answer = r)));
    startLoader(ctx, request);
    navigate(`${C}/projectcreate?organizationId=0`);
    expect(request.mock.calls).toEqual([['projectCreate']]);
    answer(true);
    await settle();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('after a refused or failed request, asks again on the next journey page — not in a loop on the same one', async () => {
    setUrl(`${C}/auth/overview?project=odoo-123456`);
    const { ctx, navigate } = fakeContext();
    const request = vi
      .fn(async (_page: PageId) => true)
      .mockRejectedValueOnce(new Error('Could not establish connection'))
      .mockResolvedValueOnce(false);
    startLoader(ctx, request);
    await settle();
    expect(request.mock.calls).toEqual([['authOverview']]);
    navigate(`${C}/auth/overview?project=odoo-123456&authuser=0`);
    await settle();
    expect(request.mock.calls).toEqual([['authOverview'], ['authOverview']]);
    navigate(`${C}/auth/branding?project=odoo-123456`);
    await settle();
    expect(request.mock.calls.at(-1)).toEqual(['branding']);
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('a person who moved on while a request failed gets the assistant for the page they are on', async () => {
    setUrl(`${C}/auth/branding?project=odoo-123456`);
    const { ctx, navigate } = fakeContext();
    let fail: () => void = () => {};
    const request = vi
      .fn(async (_page: PageId) => true)
      .mockImplementationOnce(() => new Promise<boolean>((_, reject) => (fail = () => reject(new Error('gone')))));
    startLoader(ctx, request);
    navigate(`${C}/auth/audience?project=odoo-123456`); // ignored: a request is running
    fail();
    await settle();
    expect(request.mock.calls).toEqual([['branding'], ['audience']]);
  });
});

describe('startAssistantOnce', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    delete (globalThis as { __gmailOdooAssistant?: unknown }).__gmailOdooAssistant;
  });

  it('starts one assistant per document; a second injection does not even build its context', () => {
    setUrl(`${C}/apis/library?project=odoo-123456`);
    const controller = new AbortController();
    const create = vi.fn(() => ({ signal: controller.signal, onLocation: () => undefined }));
    expect(startAssistantOnce(create)).toBe(true);
    expect(startAssistantOnce(create)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
    // The first one's extension context died (extension updated): a fresh copy may start.
    controller.abort();
    const fresh = new AbortController();
    expect(startAssistantOnce(() => ({ signal: fresh.signal, onLocation: () => undefined }))).toBe(true);
    fresh.abort();
  });
});

describe("the assistant's context", () => {
  afterEach(() => {
    delete (globalThis as { navigation?: unknown }).navigation;
    vi.useRealTimers();
  });
  // Each test's first context stops the one a previous test left running (a newer copy stops the older).
  const create = createAssistantContext;

  it('a newer copy stops the older one (the DOM event WXT sends), never itself', () => {
    const first = create();
    expect(first.signal.aborted).toBe(false);
    const second = create();
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('reports each new address the Navigation API announces, once, and stops with the signal', () => {
    setUrl(`${C}/auth/branding?project=odoo-123456`);
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const navigate = (url: string) => navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    const ctx = create();
    const seen: string[] = [];
    ctx.onLocation((url) => seen.push(url.href));
    navigate(`${C}/auth/branding?project=odoo-123456`); // the same address: nothing
    navigate(`${C}/auth/audience?project=odoo-123456`);
    navigate(`${C}/auth/audience?project=odoo-123456`);
    expect(seen).toEqual([`${C}/auth/audience?project=odoo-123456`]);
    create(); // a newer copy: this one stops listening
    navigate(`${C}/auth/clients?project=odoo-123456`);
    expect(seen).toEqual([`${C}/auth/audience?project=odoo-123456`]);
  });

  it('without the Navigation API, checks the address each second until the signal aborts', () => {
    vi.useFakeTimers();
    setUrl(`${C}/auth/branding?project=odoo-123456`);
    const ctx = create();
    const seen: string[] = [];
    ctx.onLocation((url) => seen.push(url.href));
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    setUrl(`${C}/auth/audience?project=odoo-123456`);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([`${C}/auth/audience?project=odoo-123456`]);
    create();
    setUrl(`${C}/auth/clients?project=odoo-123456`);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([`${C}/auth/audience?project=odoo-123456`]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborts at the next address change once the extension's context is gone", () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const ctx = create();
    const handler = vi.fn();
    ctx.onLocation(handler);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url: `${C}/auth/audience` } }));
    expect(ctx.signal.aborted).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('loadConsoleAssistant (background)', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    installPermissions();
    executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    startBackground();
  });
  afterEach(() => removeAllListeners());

  it("injects the core, then its page's steps, into the sender's own document when the browser names it (Chrome 106+, Firefox 153+)", async () => {
    const reply = await sendAs({ ...CONSOLE_TAB, documentId: 'DOC-1' }, 'loadConsoleAssistant', { page: 'clientCreate' });
    expect(reply).toEqual({ ok: true, value: null });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7, documentIds: ['DOC-1'] }, files: [ASSISTANT_SCRIPT, '/console-step-client-create.js'] }],
    ]);
  });

  it('otherwise into the top frame of the sender tab (Firefox 140–152)', async () => {
    expect(await sendAs(CONSOLE_TAB, 'loadConsoleAssistant', { page: 'branding' })).toEqual({ ok: true, value: null });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7, frameIds: [0] }, files: [ASSISTANT_SCRIPT, '/console-step-branding.js'] }],
    ]);
  });

  it('refuses every sender but the Console content script in a top frame, and unknown pages', async () => {
    const refused = { ok: false, error: { key: 'err.sender' } };
    expect(await sendAs(POPUP, 'loadConsoleAssistant', { page: 'branding' })).toMatchObject(refused);
    expect(await sendAs({ ...CONSOLE_TAB, frameId: 3 }, 'loadConsoleAssistant', { page: 'branding' })).toMatchObject(refused);
    const elsewhere = { ...CONSOLE_TAB, url: 'https://example.com/auth/branding', tab: { id: 7, url: 'https://example.com/' } };
    expect(await sendAs(elsewhere, 'loadConsoleAssistant', { page: 'branding' })).toMatchObject(refused);
    expect(await sendAs({ ...CONSOLE_TAB, id: 'another-extension' }, 'loadConsoleAssistant', { page: 'branding' })).toMatchObject(
      refused,
    );
    expect(await sendAs(CONSOLE_TAB, 'loadConsoleAssistant', { page: 'iamAdmin' })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('says so when the browser refuses the injection (the tab went away)', async () => {
    executeScript.mockRejectedValueOnce(new Error('No tab with id: 7'));
    expect(await sendAs(CONSOLE_TAB, 'loadConsoleAssistant', { page: 'branding' })).toMatchObject({
      ok: false,
      error: { key: 'err.internal', params: { detail: 'No tab with id: 7' } },
    });
  });

  it("injects a part on demand into the asking assistant's document, the same senders only, known parts only", async () => {
    expect(await sendAs({ ...CONSOLE_TAB, documentId: 'DOC-1' }, 'loadConsolePart', { part: 'report' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await sendAs(CONSOLE_TAB, 'loadConsolePart', { part: 'report' })).toEqual({ ok: true, value: null });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7, documentIds: ['DOC-1'] }, files: ['/console-report.js'] }],
      [{ target: { tabId: 7, frameIds: [0] }, files: ['/console-report.js'] }],
    ]);
    executeScript.mockClear();
    expect(await sendAs(POPUP, 'loadConsolePart', { part: 'report' })).toMatchObject({ ok: false, error: { key: 'err.sender' } });
    expect(await sendAs(CONSOLE_TAB, 'loadConsolePart', { part: '../popup' })).toMatchObject({
      ok: false,
      error: { key: 'err.payload' },
    });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe("the assistant's parts on demand (lib/console/kit.ts)", () => {
  afterEach(() => {
    removeAllListeners();
    delete (globalThis as { __gmailOdooKit?: unknown }).__gmailOdooKit;
  });

  /** The background, with an injection that runs the part's script the way the browser would: it registers itself. */
  function backgroundInjecting(register: () => void) {
    installPermissions();
    const executeScript = vi.fn(async () => {
      register();
      return [{ frameId: 0, result: undefined }];
    });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    startBackground();
    // The assistant's messages reach the background as the Console tab's.
    fakeBrowser.runtime.sendMessage = ((message: unknown) =>
      new Promise((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger(message, CONSOLE_TAB as never, resolve);
      })) as unknown as typeof fakeBrowser.runtime.sendMessage;
    return executeScript;
  }

  it('the field report is injected on the first click only, then made by the part in this document', async () => {
    setUrl(`${C}/auth/clients/create?project=odoo-123456`);
    document.body.innerHTML = '<main><label>Name <input></label></main>';
    const executeScript = backgroundInjecting(() => {
      kit().report = fieldReport;
    });
    const first = await reportOnDemand({ step: 'clientCreate', failure: { code: 'notFound', field: 'Name' } });
    expect(first).toBe(fieldReport({ step: 'clientCreate', failure: { code: 'notFound', field: 'Name' } }));
    expect(first).toContain('failure: notFound — Name');
    await reportOnDemand({});
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('a part that could not be injected: the report says so instead of failing the click', async () => {
    backgroundInjecting(() => undefined);
    const text = await reportOnDemand({ step: 'branding' });
    expect(text).toBe(`${REPORT_TITLE}\nreport failed: not loaded`);
    await expect(loadPart('report')).rejects.toThrow('part report not loaded');
  });
});
