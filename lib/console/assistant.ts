/**
 * The Console assistant's lifecycle in the page: nothing runs until a URL is recognized as a page
 * of the journey (./detect.ts). On each SPA navigation (`wxt:locationchange`) the previous page's
 * work is aborted and the new page's step starts with fresh values from the background. The
 * capture of the client's ID and secret watches across the client pages (the "OAuth client
 * created" dialog can outlive the URL it started on).
 */
import { type Msg, msg, t, tm } from '../i18n';
import { sendMessage } from '../messaging';
import { createPanel, type PanelView } from '../ui/panel';
import { secretsOn, watchCapture } from './capture';
import { clientIdOf, detectPage, type PageId, projectOf } from './detect';
import { consoleUrl, type Env, runStep, type Step, tx } from './step';
import { audience } from './steps/audience';
import { authOverview } from './steps/auth-overview';
import { authWizard } from './steps/auth-wizard';
import { branding } from './steps/branding';
import { clientCreate } from './steps/client-create';
import { clientDetails } from './steps/client-details';
import { clientsList } from './steps/clients-list';
import { dashboard, watchNewProject } from './steps/dashboard';
import { enableMfa } from './steps/enable-mfa';
import { legacyAppRegistration } from './steps/legacy-app-registration';
import { legacyUserType } from './steps/legacy-user-type';
import { projectCreate } from './steps/project-create';
import { publishApp } from './steps/publish-app';
import type { ConsoleContext, ConsoleStep } from './types';

/** Every step, one file each (./steps/). */
export const STEPS: Step[] = [
  projectCreate,
  dashboard,
  authOverview,
  authWizard,
  branding,
  audience,
  publishApp,
  clientsList,
  clientCreate,
  clientDetails,
  legacyUserType,
  legacyAppRegistration,
  enableMfa,
];

/** Pages where an "OAuth client created" or added-secret dialog can show (google-console.md §3.7, §3.10). */
const CLIENT_PAGES: PageId[] = [
  'clientsList',
  'clientCreate',
  'clientDetails',
  'legacyCredentials',
  'legacyClientCreate',
  'legacyClientDetails',
];

export interface AssistantContext {
  signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: { newUrl: URL }) => void): void;
}

const errorText = (e: unknown): Msg => msg('err.messaging', { detail: e instanceof Error ? e.message : String(e) });

/** How long a click's request to carry a step on to the next page of the same document holds. */
const CARRY_MS = 60_000;

export function startAssistant(ctx: AssistantContext): void {
  const panel = createPanel(ctx.signal);
  let step: AbortController | null = null;
  let capture: AbortController | null = null;
  let projectId: string | null = null;
  /** A project creation this tab started that the Console has not proven yet (./steps/dashboard.ts). */
  let pending = false;
  /** What the assistant last learnt from the background (for the panel after the capture). */
  let known: ConsoleContext | null = null;
  /** A step the person's last click asked for on the page it leads to, in this document (`Env.carry`). */
  let carried: { step: ConsoleStep; at: number } | null = null;
  /** The page the assistant opened itself: its panel takes the keyboard focus once shown (`ConsoleContext.arrived`). */
  let focusOn: PageId | null = null;
  /** The address the current step runs for: a location event for it (after a rerun) starts nothing new. */
  let runningHref: string | null = null;
  /** "Add secret" was pressed: the secrets on the page before it (`Env.expectSecret`, ./capture.ts). */
  let expected: ReadonlySet<string> | null = null;
  /** The person pressed Stop on "Set up Google Cloud for Odoo" in this document. */
  let stopped = false;
  /** "Set up Google Cloud for Odoo" is running for this page (`ConsoleContext.autopilot`), and not stopped here. */
  const auto = (context: ConsoleContext | null) => !!context?.autopilot && !stopped;

  /**
   * While the run goes on by itself, every view of the panel says so — which steps are done — and offers
   * Stop: the person may take the wheel at any moment (one click for the Google side).
   */
  function withAutopilot(view: PanelView, context: ConsoleContext): PanelView {
    if (!auto(context)) return view;
    const steps: ConsoleStep[] =
      context.audience === 'internal'
        ? ['project', 'consent', 'domain', 'client']
        : ['project', 'consent', 'domain', 'testUser', 'client'];
    const line = steps.map((s) => `${context.progress[s] === 'done' ? '✓' : '…'} ${t(`step.${s}.title`)}`).join(' · ');
    return {
      ...view,
      notes: [t('console.autopilot.running', { steps: line }), ...(view.notes ?? [])],
      links: [...(view.links ?? []), { label: t('console.autopilot.stop'), run: () => stop(context) }],
    };
  }
  function stop(context: ConsoleContext): void {
    stopped = true;
    context.autopilot = false;
    void sendMessage('stopGoogleSetup', {}).catch(() => undefined);
    panel.show({ title: t('console.autopilot.title'), status: { text: t('console.autopilot.stopped'), tone: 'ok' } });
  }
  const child = () => {
    const c = new AbortController();
    ctx.signal.addEventListener('abort', () => c.abort(), { once: true });
    return c;
  };
  const report = (page: PageId | null, r: Parameters<Env['report']>[0]) => {
    if (r.facts?.pendingProject) pending = true;
    if (r.step === 'project' && r.state === 'done') pending = false;
    return sendMessage('consoleReport', { page, ...r }).then(
      () => undefined,
      () => undefined,
    );
  };

  /** The "Navigate to <id> project" notification proved the creation (google-console.md §3.1), wherever Google went meanwhile. */
  function projectFound(page: PageId | null, id: string): void {
    step?.abort();
    void report(page, { step: 'project', state: 'done', facts: { projectId: id } }).then(() => {
      projectId = id;
      const next = consoleUrl('/auth/overview', id);
      panel.show({
        title: t('console.step.dashboard'),
        status: { text: t('console.status.projectDone', { projectId: id }), tone: 'ok' },
        links: [{ label: t('console.next.overview'), href: next }],
      });
      // The person's click created it: the journey goes on (one click per page).
      open(next);
    });
  }

  /** Opens the next page of the journey; the background learns first, so the panel there takes the focus. */
  function open(href: string): void {
    const go = () => {
      if (!ctx.signal.aborted) location.assign(href);
    };
    const next = detectPage(href);
    if (next) void sendMessage('consoleArrival', { page: next }).then(go, go);
    else go();
  }

  /**
   * After the capture, one click finishes the Odoo side from here: the background saves the ID and
   * secret in the person's Odoo, creates (or updates) the Gmail mail server and opens Google's consent
   * page for it (`finishInOdoo`). The panel only ever shows the Client ID.
   */
  function captured(clientId: string): void {
    const gmail = known?.gmail;
    const title = t('console.step.capture');
    const status = { text: t('console.status.captured', { clientId }), tone: 'ok' as const };
    if (!gmail || !known?.ready) {
      panel.show({ title, status: { ...status, text: `${status.text} ${t('console.status.continuePopup')}` } });
      return;
    }
    const view = (extra: Partial<PanelView>): PanelView => ({
      title,
      status,
      notes: [t('console.note.finishInOdoo', { email: gmail })],
      action: { label: t('console.action.finishInOdoo', { email: gmail }), run: finish },
      ...extra,
    });
    function finish(): void {
      panel.show(
        view({
          status: { text: t('console.status.finishing'), tone: 'busy' },
          action: { label: t('console.action.finishInOdoo', { email: gmail ?? '' }), disabled: true },
        }),
      );
      void sendMessage('finishInOdoo', {})
        .catch((e: unknown) => ({ ok: false as const, error: errorText(e) }))
        .then((reply) => {
          if (reply.ok) {
            panel.show({
              title,
              status: { text: t('console.status.finished', { email: gmail ?? '' }), tone: 'ok' },
            });
            return;
          }
          panel.show(view({ status: { text: tm(reply.error), tone: 'warn' }, action: { label: t('panel.retry'), run: finish } }));
        });
    }
    panel.show(view({}));
    // "Set up Google Cloud for Odoo" goes on to Odoo by itself: the person's click in the popup asked for it.
    if (auto(known)) finish();
  }

  function startCapture(page: PageId): AbortController {
    const c = child();
    void watchCapture({
      signal: c.signal,
      clientIdHint: () => clientIdOf(location.href),
      expected: () => expected,
      async send(clientId, clientSecret) {
        const reply = await sendMessage('captureCredentials', { clientId, clientSecret }).catch(() => null);
        return !!reply?.ok;
      },
      onCaptured(clientId) {
        expected = null;
        step?.abort();
        captured(clientId);
      },
      onMissed(clientId) {
        step?.abort();
        const path = clientId ? `/auth/clients/${clientId}` : '/auth/clients';
        // Said on the page once the checklist holds it too (the popup and the panel agree).
        void report(detectPage(location.href) ?? page, {
          step: 'client',
          state: 'attention',
          reason: { code: 'secretMissed' },
          ...(clientId ? { facts: { clientId } } : {}),
        }).then(() =>
          panel.show({
            title: t('console.step.capture'),
            status: { text: t('console.status.secretMissed'), tone: 'warn' },
            links: [{ label: t('console.next.clientDetails'), href: consoleUrl(path, projectId) }],
          }),
        );
      },
    });
    return c;
  }

  async function runPage(page: PageId, url: URL, signal: AbortSignal): Promise<void> {
    const def = STEPS.find((s) => s.pages.includes(page));
    if (!def) return;
    const reply = await sendMessage('consoleContext', { page }).catch((e: unknown) => ({
      ok: false as const,
      error: errorText(e),
    }));
    if (signal.aborted) return;
    if (!reply.ok) {
      panel.show({ title: tx(def.title), status: { text: tm(reply.error), tone: 'warn' } });
      return;
    }
    const context = reply.value;
    known = context;
    // Given once by the background: kept for this page until a run of it uses them (a run can be cut short).
    if (context.arrived) focusOn = page;
    projectId = context.projectId;
    const env: Env = {
      page,
      url,
      signal,
      keep: ctx.signal,
      ctx: context,
      report: (r) => report(page, r),
      show: (view) => {
        if (!signal.aborted) panel.show(withAutopilot(view, context));
      },
      rerun: () => run(location.href),
      fresh: async () => {
        const again = await sendMessage('consoleContext', { page });
        return again.ok ? again.value : null;
      },
      autoRun(s) {
        // "Set up Google Cloud for Odoo": every page's step runs without a click.
        if (auto(context)) return true;
        if (carried?.step === s && Date.now() - carried.at < CARRY_MS) {
          carried = null;
          return true;
        }
        return false;
      },
      carry(s) {
        carried = { step: s, at: Date.now() };
      },
      open,
      expectSecret() {
        expected = secretsOn(document.body);
      },
    };
    if (context.pendingProject) void watchNewProject(signal, context.projectId, (id) => projectFound(page, id));
    // Filling another project than the one created for Odoo is a mistake worth one question.
    const here = projectOf(url);
    if (
      context.projectId &&
      here &&
      !/^\d+$/.test(here) &&
      here !== context.projectId &&
      page !== 'dashboard' &&
      page !== 'projectCreate' &&
      page !== 'enableMfa'
    ) {
      const switched = new URL(url);
      switched.searchParams.set('project', context.projectId);
      env.show({
        title: tx(def.title),
        status: { text: tx('console.status.wrongProject', { current: here, projectId: context.projectId }), tone: 'warn' },
        links: [
          { label: tx('console.action.switchProject', { projectId: context.projectId }), href: switched.href },
          { label: tx('console.action.continueHere'), run: () => void runStep(def, env) },
        ],
      });
      return;
    }
    await runStep(def, env);
    // Opened by the assistant on the person's click (often a keyboard's Enter): the next control is theirs.
    if (focusOn === page && !signal.aborted) {
      focusOn = null;
      panel.focus();
    }
  }

  function run(href: string): void {
    step?.abort();
    step = null;
    runningHref = href;
    const url = new URL(href);
    const page = detectPage(url);
    if (!page) {
      capture?.abort();
      capture = null;
      expected = null;
      panel.remove();
      if (pending) {
        step = child();
        void watchNewProject(step.signal, projectId, (id) => projectFound(null, id));
      }
      return;
    }
    if (CLIENT_PAGES.includes(page)) capture ??= startCapture(page);
    else {
      capture?.abort();
      capture = null;
      expected = null;
    }
    const current = child();
    step = current;
    runPage(page, url, current.signal).catch(() => undefined);
  }

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const href = event.newUrl.href;
    // WXT reports every navigation the Navigation API announces, a cross-document one too (a link, the
    // assistant opening the next page): that one gets a new document with its own assistant, and this
    // document must not run the next page's step on its own DOM meanwhile. A same-document change (the
    // Console's router) has committed its address once the script that made it has returned.
    queueMicrotask(() => {
      if (location.href !== href) return;
      // A rerun may already have started the step of the new address (a click that opened the wizard):
      // the location event that follows must not cut that run short.
      if (href !== runningHref || !step || step.signal.aborted) run(href);
    });
  });
  run(location.href);
}
