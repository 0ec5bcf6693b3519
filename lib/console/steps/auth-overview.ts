/**
 * Google Auth Platform overview (google-console.md §3.2): an unconfigured project shows the empty
 * state "Google Auth Platform not configured yet" with the CTA `Get started` (AX role link) — also
 * on Branding, Audience and Clients. The assistant's click opens the wizard (./auth-wizard.ts); if
 * the wizard opens in place instead of at `/auth/overview/create`, it is filled right here.
 */
import { find, waitForTarget } from '../fill';
import { S, shownLabel } from '../selectors';
import { done, type Env, notReady, type Plan, pageState, type Step, tx } from '../step';
import { wizardPlan } from './auth-wizard';

/**
 * Any page showing the empty state: `Get started`, then the wizard — one click of the person for both.
 * The button says what the whole click does (it creates the app); the wizard, whether it opens at
 * `/auth/overview/create` or in place, runs on that click (`carry`) without asking again.
 */
export function getStartedPlan(env: Env): Plan {
  const { appName, audience } = env.ctx;
  const radio = audience === 'internal' ? S.internal : audience === 'external' ? S.external : null;
  return {
    action: radio
      ? tx('console.action.wizard', { name: appName, audience: shownLabel(radio.names) })
      : tx('console.action.getStarted'),
    progress: 'consent',
    sections: [
      {
        fields: [],
        next: S.getStarted,
        until: S.appName,
        // Before the click: the wizard may replace this page (and this run) as soon as it is clicked.
        async beforeNext() {
          if (radio) env.carry?.('consent');
        },
      },
    ],
    async after() {
      env.rerun();
    },
  };
}

export const authOverview: Step = {
  id: 'auth-overview',
  pages: ['authOverview'],
  title: 'console.step.overview',
  async prepare(env) {
    // A configured overview has no single sign of its own (§3.2 lists the empty state only): no
    // empty state after a few seconds means configured — and if "Get started" shows later, the
    // page is read again.
    const state = await pageState(env, () => find(S.appName), env.ctx.progress.consent === 'done' ? 2000 : 5000);
    if (state === 'getStarted') return getStartedPlan(env);
    if (state === 'ready') return wizardPlan(env, authOverview);
    if (state === 'failed') {
      await notReady(env, authOverview, state);
      return null;
    }
    // No empty state: the platform is configured. Evidence of *what* is configured comes from Branding/Audience.
    done(env, authOverview, tx('console.status.configured'), [
      { label: tx('console.next.branding'), path: '/auth/branding' },
      { label: tx('console.next.audience'), path: '/auth/audience' },
      { label: tx('console.next.clientCreate'), path: '/auth/clients/create' },
    ]);
    if (await waitForTarget(S.getStarted, env.signal, 60_000).catch(() => null)) env.rerun();
    return null;
  },
};
