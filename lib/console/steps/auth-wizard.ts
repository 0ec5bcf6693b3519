/**
 * The Google Auth Platform "Get started" wizard (google-console.md §3.2, §2.2 step 3): one page,
 * four stepper sections — App Information (App name `Odoo`, User support email = the Gmail
 * address, a combobox that starts disabled), Audience (Internal for Google Workspace, External for
 * personal Gmail — Internal is disabled for personal accounts), Contact Information (a chip input:
 * the address only counts after Enter), Finish (the User Data Policy checkbox, `Continue`, then
 * `Create` — the one click that creates, which the button says).
 *
 * The User Data Policy box is the person's agreement (google-console-2026.md §14): the assistant never
 * ticks it. The run stops there, the panel points at the box, and goes on once the person ticked it —
 * one click of theirs, said before the run starts.
 *
 * Done only on positive evidence: Google leaving the wizard for the overview or another page
 * of the platform after `Create` (§3.2 "After Create the page returns to OAuth Overview"), or — a wizard
 * shown in place — the configured page appearing where it was. A wizard that merely vanished (a blank
 * page, an error) proves nothing: after a minute the panel says Google did not finish, and keeps watching.
 */

import type { PageId } from '../detect';
import { detectPage } from '../detect';
import { find, findText, shownLabel, waitFor } from '../fill';
import { missing, notReady, pageState } from '../page-state';
import * as S from '../selectors';

import { type Env, goOn, type Plan, type Step, tx } from '../step';

/** Where the Console goes once the wizard created the configuration. */
const AFTER: PageId[] = ['authOverview', 'branding', 'audience', 'clientsList', 'clientCreate'];

/**
 * The configured overview (§3.2): its "Create OAuth client" action or its "Metrics" — the empty state
 * shows neither, only "Get started".
 */
export const configuredOverview = (): unknown => find(S.createOAuthClient) ?? findText(S.overviewMetrics);

/** A page of the platform showing its configured content (wizard closed): overview, Branding, Audience, Create client. */
const configuredHere = (): unknown =>
  !find(S.appName) && (configuredOverview() || find(S.addDomain) || find(S.addUsers) || find(S.applicationType));

/** The note said before the run: the policy box is the person's to tick. */
export const agreeNote = (): string => tx('console.note.agreeYourself', { label: shownLabel(S.agree.names) });

export function wizardPlan(env: Env, step: Step): Plan | null {
  const { gmail, audience, appName } = env.ctx;
  if (!env.ctx.ready) return missing(env, step, 'setup');
  if (!gmail || !audience) return missing(env, step, 'gmail');
  const radio = audience === 'internal' ? S.internal : S.external;
  const from = detectPage(location.href);
  return {
    action: tx('console.action.wizard', { name: appName, audience: shownLabel(radio.names) }),
    note: agreeNote(),
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
      // The person's agreement: never ticked by the assistant (2026 §14).
      { fields: [{ target: S.agree, kind: 'agree', value: '' }], next: S.continue },
      { fields: [], next: S.create },
    ],
    async after() {
      env.show({ title: tx(step.title), status: { text: tx('console.status.creating'), tone: 'busy' } });
      // gclientid waits up to 10 minutes on the overview (terms to accept): after a minute the panel says
      // Google did not finish, and keeps watching.
      const created = () => {
        const page = detectPage(location.href);
        return page && page !== from ? AFTER.includes(page) : configuredHere();
      };
      let ok = await waitFor(created, env.keep, 60_000, 250).catch(() => false);
      if (!ok) {
        await env.report({ step: 'consent', state: 'attention', reason: { code: 'rejected', field: tx(step.title) } });
        env.show({ title: tx(step.title), status: { text: tx('console.status.rejected'), tone: 'warn' } });
        ok = await waitFor(created, env.keep, 9 * 60_000, 500).catch(() => false);
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
