/**
 * Google Auth Platform overview (google-console.md §3.2): an unconfigured project shows the empty
 * state "Google Auth Platform not configured yet" with the CTA `Get started` (AX role link) — also
 * on Branding, Audience and Clients. The assistant's click opens the wizard (./auth-wizard.ts); if
 * the wizard opens in place instead of at `/auth/overview/create`, it is filled right here.
 *
 * Never claim what was not seen: the overview counts as configured only when it shows so —
 * its "Create OAuth client" action or its "Metrics". A page that stays blank is an interruption (Reload,
 * ../step.ts); a page that shows something else is "not ready yet", with links to look (Branding reads
 * the App name back) — never "set up ✓". A Console whose `/auth/*` pages do not exist (an older
 * Console: "Not found") follows the legacy path: OAuth consent screen, then Credentials (§3.8–3.10).
 */
import { find, findText, shownLabel, waitFor } from '../fill';
import { notReady, pageState } from '../page-state';
import * as S from '../selectors';

import { done, type Env, goOn, linkIn, type Plan, type Step, tx } from '../step';
import { agreeNote, configuredOverview, wizardPlan } from './auth-wizard';

/** The first page of the legacy path (§3.8). */
const LEGACY_CONSENT = '/apis/credentials/consent';

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
    ...(radio ? { note: agreeNote() } : {}),
    progress: 'consent',
    sections: [
      {
        fields: [],
        next: S.getStarted,
        until: S.appName,
        // Before the click: the wizard may replace this page (and this run) as soon as it is clicked.
        async beforeNext() {
          if (radio) await env.carry?.('consent');
        },
      },
    ],
    async after() {
      env.rerun();
    },
  };
}

const links = () => [
  { label: tx('console.next.branding'), path: '/auth/branding' },
  { label: tx('console.next.audience'), path: '/auth/audience' },
  { label: tx('console.next.clientCreate'), path: '/auth/clients/create' },
];

/** When the overview shows something else later (the empty state, the wizard, …), its page is read again. */
function watchOverview(env: Env, changed: () => unknown): void {
  void waitFor(changed, env.signal, 10 * 60_000, 250).then(
    () => env.rerun(),
    () => undefined,
  );
}

export const authOverview: Step = {
  id: 'auth-overview',
  pages: ['authOverview'],
  title: 'console.step.overview',
  async prepare(env) {
    const state = await pageState(env, () => find(S.appName) ?? configuredOverview() ?? findText(S.pageNotFound));
    if (state === 'getStarted') return getStartedPlan(env);
    if (state === 'ready' && find(S.appName)) return wizardPlan(env, authOverview);
    if (state === 'ready' && configuredOverview()) {
      // The configured overview is the evidence: the consent screen exists.
      if (env.ctx.progress.consent !== 'done') await env.report({ step: 'consent', state: 'done' });
      done(env, authOverview, tx('console.status.configured'), links());
      watchOverview(env, () => find(S.getStarted) ?? find(S.appName));
      return null;
    }
    if (state === 'ready') {
      // No Google Auth Platform on this Console (§0: the legacy UI): the older path, on the person's click
      // that brought the journey here — or as a link on a visit.
      env.show({
        title: tx(authOverview.title),
        status: { text: tx('console.status.noAuthPlatform') },
        links: [{ label: tx('console.next.legacyConsent'), href: linkIn(env, LEGACY_CONSENT) }],
      });
      if (env.ctx.arrived) goOn(env, LEGACY_CONSENT);
      return null;
    }
    if (state !== 'timeout') {
      await notReady(env, authOverview, state, 'consent');
      return null;
    }
    // The page shows something, but neither the empty state nor the configured overview: nothing is done
    // on absence. Branding reads the App name back; an older Console has the legacy path.
    if (env.ctx.progress.consent !== 'done')
      await env.report({ step: 'consent', state: 'attention', reason: { code: 'notReady', field: tx(authOverview.title) } });
    env.show({
      title: tx(authOverview.title),
      status: { text: tx('console.status.notConfirmed'), tone: 'warn' },
      links: [
        { label: tx('console.next.branding'), href: linkIn(env, '/auth/branding') },
        { label: tx('console.next.legacyConsent'), href: linkIn(env, LEGACY_CONSENT) },
      ],
      action: { label: tx('panel.retry'), run: () => env.rerun() },
    });
    watchOverview(env, () => find(S.getStarted) ?? find(S.appName) ?? configuredOverview() ?? findText(S.pageNotFound));
    return null;
  },
};
