/**
 * The Google Auth Platform "Get started" wizard (google-console.md §3.2, §2.2 step 3): one page,
 * four stepper sections — App Information (App name `Odoo`, User support email = the Gmail
 * address, a combobox that starts disabled), Audience (Internal for Google Workspace, External for
 * personal Gmail — Internal is disabled for personal accounts), Contact Information (a chip input:
 * the address only counts after Enter), Finish (the User Data Policy checkbox, `Continue`, then
 * `Create` — the one click that creates, which the button says). After `Create` the page returns to
 * the overview (§3.2): that is the evidence the consent screen exists.
 */

import type { PageId } from '../detect';
import { detectPage } from '../detect';
import { find, waitFor } from '../fill';
import { S, shownLabel } from '../selectors';
import { type Env, goOn, missing, notReady, type Plan, pageState, type Step, tx } from '../step';

/** Where the Console goes once the wizard created the configuration. */
const AFTER: PageId[] = ['authOverview', 'branding', 'audience', 'clientsList', 'clientCreate'];

export function wizardPlan(env: Env, step: Step): Plan | null {
  const { gmail, audience, appName } = env.ctx;
  if (!env.ctx.ready) return missing(env, step, 'setup');
  if (!gmail || !audience) return missing(env, step, 'gmail');
  const radio = audience === 'internal' ? S.internal : S.external;
  const from = detectPage(location.href);
  return {
    action: tx('console.action.wizard', { name: appName, audience: shownLabel(radio.names) }),
    progress: 'consent',
    sections: [
      {
        fields: [
          { target: S.appName, kind: 'text', value: appName },
          { target: S.supportEmail, kind: 'option', value: gmail, option: { en: [gmail], vi: [] } },
        ],
        next: S.next,
      },
      { fields: [{ target: radio, kind: 'radio', value: shownLabel(radio.names) }], next: S.next },
      { fields: [{ target: S.contactEmails, kind: 'chip', value: gmail }], next: S.next },
      { fields: [{ target: S.agree, kind: 'check', value: '✓' }], next: S.continue },
      { fields: [], next: S.create },
    ],
    async after() {
      env.show({ title: tx(step.title), status: { text: tx('console.status.creating'), tone: 'busy' } });
      // The wizard closes onto the overview (§3.2). gclientid waits up to 10 minutes there (terms to
      // accept): after a minute the panel says Google did not finish, and keeps watching.
      const left = () => {
        const page = detectPage(location.href);
        return page === from ? !find(S.appName) : !!page && AFTER.includes(page);
      };
      let ok = await waitFor(left, env.keep, 60_000, 250).catch(() => false);
      if (!ok) {
        await env.report({ step: 'consent', state: 'attention', reason: { code: 'rejected', field: tx(step.title) } });
        env.show({ title: tx(step.title), status: { text: tx('console.status.rejected'), tone: 'warn' } });
        ok = await waitFor(left, env.keep, 9 * 60_000, 500).catch(() => false);
      }
      if (!ok) return;
      await env.report({ step: 'consent', state: 'done', facts: { audience } });
      // The click that created the app goes on to the next page of the journey (one click per page).
      goOn(env, '/auth/branding');
    },
  };
}

export const authWizard: Step = {
  id: 'auth-wizard',
  pages: ['authWizard'],
  title: 'console.step.wizard',
  async prepare(env) {
    const state = await pageState(env, () => find(S.appName));
    if (state === 'ready') return wizardPlan(env, authWizard);
    await notReady(env, authWizard, state, 'consent');
    return null;
  },
};
