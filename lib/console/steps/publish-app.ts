/**
 * "Publish app" on the Audience page (google-console.md §3.4, §6.4; field-notes P6, P7), when the person
 * chose production for an External app in the popup (issue 5): `Publish app` → alertdialog `Push to
 * production?` → `Confirm` → the page says `In production`. The app stays unverified (one "Google
 * hasn't verified this app" screen at connect, §6.3) and its Gmail token no longer expires after 7 days.
 *
 * It shares the Audience page with ./audience.ts, which runs it once the test user is there — hence no
 * page of its own (`pages: []`: every page keeps exactly one step). Never runs without the person's choice.
 */
import { findText, waitFor } from '../fill';
import { S } from '../selectors';
import { done, type Env, type Plan, type Step, tx } from '../step';

/** The app is External, in Testing, and the person asked for production. */
export const wantsPublish = (env: Env, facts: { audience?: string; publishing?: string }): boolean =>
  env.ctx.publishChoice === 'production' && facts.audience === 'external' && facts.publishing === 'testing';

const toClient = () => [{ label: tx('console.next.clientCreate'), path: '/auth/clients/create' }];

export const publishApp: Step = {
  id: 'publish-app',
  pages: [],
  title: 'console.step.publishApp',
  async prepare(env: Env): Promise<Plan> {
    return {
      action: tx('console.action.publishApp'),
      note: tx('console.note.publishApp'),
      progress: 'consent',
      sections: [{ open: S.publishApp, fields: [], next: S.confirm }],
      async after() {
        const ok = await waitFor(() => !!findText(S.inProduction), env.signal, 10_000).catch(() => false);
        if (!ok) {
          env.show({
            title: tx(publishApp.title),
            status: { text: tx('console.status.rejected'), tone: 'warn' },
            action: { label: tx('panel.retry'), run: () => env.rerun() },
          });
          return;
        }
        await env.report({ facts: { publishing: 'production' } });
        done(env, publishApp, tx('console.status.published'), toClient(), true);
      },
    };
  },
};
