/**
 * The assistant's page lifecycle: nothing runs until a URL is recognized as a page of the journey
 * (./detect.ts). On each SPA navigation (./context.ts) the previous page's work is aborted and
 * the new page's step starts with fresh values from the background. The capture of the client's ID and
 * secret runs across the client pages (./capture-view.ts); off the journey only a pending project's proof
 * is watched (./project-proof.ts).
 */
import { msg, t, tm } from '../i18n';
import { sendMessage } from '../messaging';
import { withAutopilot } from './autopilot-view';
import { secretsOn } from './capture';
import { errorText, startCapture } from './capture-view';
import { detectPage, type PageId } from './detect';
import type { AssistantContext, Journey, Parts } from './parts';
import { wrongProject } from './project-guard';
import { watchProject } from './project-proof';
import { type Env, runStep, tx } from './step';

export function startLifecycle(ctx: AssistantContext, parts: Parts, journey: Journey): void {
  const { session, panel } = parts;

  /** Runs the step of `page` until `signal` aborts (the next navigation, a rerun, the proof of a project). */
  async function runPage(page: PageId, url: URL, signal: AbortSignal): Promise<void> {
    const reply = await sendMessage('consoleContext', { page }).catch((e: unknown) => ({
      ok: false as const,
      error: errorText(e),
    }));
    // Asked after the context: the part injected beside the core has registered by then (../journey.ts).
    const def = await journey.stepFor(page).catch(() => null);
    if (signal.aborted) return;
    if (def === null) {
      // The part holding this page's step could not be injected: said on the panel, never skipped silently.
      panel.show({
        title: t('panel.region'),
        status: { text: tm(msg('err.internal', { detail: 'step not loaded' })), tone: 'warn' },
      });
      return;
    }
    if (!def) return;
    if (!reply.ok) {
      panel.show({ title: tx(def.title), status: { text: tm(reply.error), tone: 'warn' } });
      return;
    }
    const context = reply.value;
    session.learn(page, context);
    const env: Env = {
      page,
      url,
      signal,
      keep: ctx.signal,
      ctx: context,
      report: (r) => parts.report(page, r),
      show: (view) => {
        if (!signal.aborted) panel.show(withAutopilot(view, context, session, panel));
      },
      rerun: () => run(location.href),
      fresh: async () => {
        const again = await sendMessage('consoleContext', { page });
        return again.ok ? again.value : null;
      },
      // "Set up Google Cloud for Odoo": every page's step runs without a click; else once on a click's hand-off.
      autoRun: (s) => session.auto(context) || session.takeCarried(s),
      carry: (s) => parts.carry(s),
      open: parts.open,
      expectSecret: () => session.expectSecret(secretsOn(document.body)),
    };
    if (context.pendingProject) watchProject(parts, signal, context.projectId, page);
    const question = wrongProject(def, page, url, context, () => void runStep(def, env));
    if (question) {
      env.show(question);
      return;
    }
    await runStep(def, env);
    // Opened by the assistant on the person's click (often a keyboard's Enter): the next control is theirs.
    if (!signal.aborted && session.takeFocus(page)) panel.focus();
  }

  function run(href: string): void {
    session.beginRun(href);
    const url = new URL(href);
    const page = detectPage(url);
    if (!page) {
      session.captureEnded();
      panel.remove();
      if (session.pendingProject) watchProject(parts, session.startRun(), session.projectId, null);
      return;
    }
    if (journey.clientPages.includes(page)) {
      if (!session.captureRunning()) session.captureStarted(startCapture(parts, page));
    } else session.captureEnded();
    runPage(page, url, session.startRun()).catch(() => undefined);
  }

  ctx.onLocation((newUrl) => {
    const href = newUrl.href;
    // The watcher reports every navigation the Navigation API announces, a cross-document one too (a link, the
    // assistant opening the next page): that one gets a new document with its own assistant, and this
    // document must not run the next page's step on its own DOM meanwhile. A same-document change (the
    // Console's router) has committed its address once the script that made it has returned.
    queueMicrotask(() => {
      if (location.href !== href) return;
      // A rerun may already have started the step of the new address (a click that opened the wizard):
      // the location event that follows must not cut that run short.
      if (!session.runs(href)) run(href);
    });
  });
  run(location.href);
}
