/**
 * "Set up Google Cloud for Odoo" in the panel: while the run goes on by itself, every view says so —
 * which steps are done — and offers Stop: the person may take the wheel at any moment (one click for the
 * Google side).
 */
import { t } from '../i18n';
import { sendMessage } from '../messaging';
import type { Panel, PanelView } from '../ui/panel';
import type { Session } from './session';
import type { ConsoleContext, ConsoleStep } from './types';

export function withAutopilot(view: PanelView, context: ConsoleContext, session: Session, panel: Panel): PanelView {
  if (!session.auto(context)) return view;
  const steps: ConsoleStep[] =
    context.audience === 'internal'
      ? ['project', 'consent', 'domain', 'client']
      : ['project', 'consent', 'domain', 'testUser', 'client'];
  const line = steps.map((s) => `${context.progress[s] === 'done' ? '✓' : '…'} ${t(`step.${s}.title`)}`).join(' · ');
  return {
    ...view,
    notes: [t('console.autopilot.running', { steps: line }), ...(view.notes ?? [])],
    links: [...(view.links ?? []), { label: t('console.autopilot.stop'), run: () => stop(context, session, panel) }],
  };
}

/** The panel's Stop: this document stops going on by itself, and so does the run (the popup's too). */
function stop(context: ConsoleContext, session: Session, panel: Panel): void {
  session.stop();
  context.autopilot = false;
  void sendMessage('stopGoogleSetup', {}).catch(() => undefined);
  panel.show({ title: t('console.autopilot.title'), status: { text: t('console.autopilot.stopped'), tone: 'ok' } });
}
