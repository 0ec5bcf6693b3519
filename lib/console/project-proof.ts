/**
 * The project-creation proof: a project creation this tab started stays pending until the Console proves
 * it — the "Navigate to <id> project" notification (google-console.md §3.1), on whatever page Google went
 * to meanwhile, a journey page or not (./steps/dashboard.ts reads the dashboard itself).
 */
import { t } from '../i18n';
import type { PageId } from './detect';
import type { Parts } from './parts';
import { consoleUrl } from './step';
import { watchNewProject } from './steps/dashboard';

/** Watches for the proof while `signal` holds. */
export function watchProject(parts: Parts, signal: AbortSignal, projectId: string | null, page: PageId | null): void {
  void watchNewProject(signal, projectId, (id) => projectFound(parts, page, id));
}

function projectFound({ session, panel, report, open }: Parts, page: PageId | null, id: string): void {
  session.abortRun();
  void report(page, { step: 'project', state: 'done', facts: { projectId: id } }).then(() => {
    session.projectProven(id);
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
