/**
 * Proof that the project exists (google-console.md §3.1): the dashboard of the new project
 * (`/home/dashboard?project=<id>`, latchkey's success check) or the notification button
 * `Navigate to <id> project` (gclientid). Google navigates back to the previous dashboard while the
 * creation runs, so the dashboard of another project proves nothing — the panel keeps waiting.
 * From here every link the assistant opens carries `?project=<id>`.
 */
import { projectOf } from '../detect';
import { accName, findAll, names, norm, waitFor } from '../fill';
import * as S from '../selectors';

import { consoleUrl, done, type Env, type Step, tx } from '../step';

const next = () => ({ label: tx('console.next.overview'), path: '/auth/overview' });

/** The project is the Odoo project: the person's click made or chose it, so the journey goes on. */
async function confirm(env: Env, projectId: string): Promise<void> {
  await env.report({ step: 'project', state: 'done', facts: { projectId } });
  // Links and the next page carry the new project, not one the background knew before.
  const here = { ...env, ctx: { ...env.ctx, projectId } };
  done(here, dashboard, tx('console.status.projectDone', { projectId }), [next()], true);
}

/** The project a "Navigate to <id> project" notification names, if one is on the page. */
export function notifiedProject(): string | null {
  for (const button of findAll(S.navigateToProject)) {
    for (const re of names(S.navigateToProject.names)) {
      const id = re instanceof RegExp ? re.exec(norm(accName(button)))?.[1] : undefined;
      if (id) return id;
    }
  }
  return null;
}

/**
 * While a creation is pending — on any Console page, since Google may go back to a page that is no
 * part of the journey (§3.1) — wait for the notification naming the new project.
 */
export async function watchNewProject(
  signal: AbortSignal,
  known: string | null,
  found: (projectId: string) => void,
): Promise<void> {
  const id = await waitFor(notifiedProject, signal, 10 * 60_000, 250).catch(() => null);
  if (id && id !== known) found(id);
}

export const dashboard: Step = {
  id: 'dashboard',
  pages: ['dashboard'],
  title: 'console.step.dashboard',
  async prepare(env) {
    const current = projectOf(env.url) ?? '';
    const pending = env.ctx.pendingProject;
    if (pending && (pending.projectId ? pending.projectId === current : current !== pending.fromProject)) {
      await confirm(env, current);
    } else if (pending) {
      env.show({ title: tx(this.title), status: { text: tx('console.status.projectPending'), tone: 'busy' } });
    } else if (env.ctx.projectId === current) {
      done(env, dashboard, tx('console.status.projectDone', { projectId: current }), [next()]);
    } else {
      env.show({
        title: tx(this.title),
        status: { text: tx('console.status.otherProject', { current }) },
        links: [
          { label: tx('console.action.useProject', { projectId: current }), run: () => void confirm(env, current) },
          { label: tx('console.next.projectCreate'), href: consoleUrl('/projectcreate', null) },
        ],
      });
    }
    return null;
  },
};
