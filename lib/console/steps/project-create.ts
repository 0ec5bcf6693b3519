/**
 * Create project (google-console.md §3.1, §2.2 step 1; seed guide "Create a new project"): Project
 * name `Odoo`, then `Create` — only on the person's click, which says so. The generated Project ID
 * is read before the click (the form disappears) and remembered as pending until the Console proves
 * the project exists (./dashboard.ts). Location is shown as a hint, not filled: Workspace accounts
 * pick their organization, personal accounts keep "No organization" (§2.1 step 2).
 */
import { press } from '../click';
import { projectOf } from '../detect';
import { find, query, visible, waitFor } from '../fill';
import { notReady, pageState } from '../page-state';
import * as S from '../selectors';
import { type Field, type Step, tx } from '../step';

/** The Project ID the form shows: its `Project ID` textbox, or the "Project ID: <id>" line (§3.1). */
export function readProjectId(form: ParentNode = document): string | null {
  const box = find(S.projectId, form) as HTMLInputElement | null;
  if (box && /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(box.value)) return box.value;
  const text = (form as HTMLElement).innerText ?? form.textContent ?? '';
  return /(?:project id|mã dự án)\s*:?\s*([a-z][a-z0-9-]{4,28}[a-z0-9])\b/i.exec(text)?.[1] ?? null;
}

export const projectCreate: Step = {
  id: 'project-create',
  pages: ['projectCreate'],
  title: 'console.step.project',
  async prepare(env) {
    const fields: Field[] = [{ target: S.projectName, kind: 'text', value: env.ctx.projectName }];
    const state = await pageState(env, () => find(S.projectName));
    if (state !== 'ready') {
      await notReady(env, projectCreate, state, 'project', fields);
      return null;
    }
    return {
      action: tx('console.action.createProject', { name: env.ctx.projectName }),
      note: tx(env.ctx.accountType === 'workspace' ? 'console.status.locationWorkspace' : 'console.status.locationPersonal'),
      progress: 'project',
      sections: [
        {
          fields,
          next: S.create,
          async beforeNext() {
            const form = find(S.projectName)?.closest('form') ?? document;
            const pendingProject = { projectId: readProjectId(form), fromProject: projectOf(env.url) };
            await env.report({ step: 'project', state: 'inProgress', facts: { pendingProject } });
          },
        },
      ],
      async after() {
        env.show({ title: tx(projectCreate.title), status: { text: tx('console.status.projectPending'), tone: 'busy' } });
        // §3.1: a transient `.cfc-form-submission-error` — latchkey clicks Create once more (if enabled).
        const error = await waitFor(() => query(document, S.submissionError, true).find(visible), env.signal, 5000).catch(
          () => null,
        );
        const button = error && find(S.create);
        if (button) await press(button, { signal: env.signal }).catch(() => undefined);
      },
    };
  },
};
