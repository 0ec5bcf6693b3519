/**
 * "Publish app" on the Audience page (google-console.md §3.4, §6.4; field-notes P6, P7), when the person
 * chose production for an External app in the popup ("Before you connect"): `Publish app` → alertdialog `Push to
 * production?` → `Confirm` → the page says `In production`. The app stays unverified (one "Google
 * hasn't verified this app" screen at connect, §6.3) and its Gmail token no longer expires after 7 days.
 *
 * It shares the Audience page with ./audience.ts, which runs it once the test user is there — hence no
 * page of its own (`pages: []`: every page keeps exactly one step). Never runs without the person's choice.
 */
import { isOff } from '../click';
import { projectOf } from '../detect';
import { find, findText, waitFor } from '../fill';
import * as S from '../selectors';
import { consoleUrl, done, type Env, goOn, type Plan, type Step, tx } from '../step';

/** The app is External, in Testing, and the person asked for production. */
export const wantsPublish = (env: Env, facts: { audience?: string; publishing?: string }): boolean =>
  env.ctx.publishChoice === 'production' && facts.audience === 'external' && facts.publishing === 'testing';

const toClient = () => [{ label: tx('console.next.clientCreate'), path: '/auth/clients/create' }];

export const publishApp: Step = {
  id: 'publish-app',
  pages: [],
  title: 'console.step.publishApp',
  async prepare(env: Env): Promise<Plan | null> {
    // Google keeps "Publish app" disabled until Branding has an App home page and an App privacy policy
    // link on authorized domains, and says so in a banner (google-console-2026.md §1). Never click it then:
    // name what is missing and lead to Branding, which fills both once the person chose production.
    const button = find(S.publishApp);
    if (findText(S.configIncomplete) || (button && isOff(button))) {
      const links = env.ctx.publishLinks;
      const known = !!links?.home && !!links.privacy;
      env.show({
        title: tx(publishApp.title),
        state: 'links-needed',
        status: { text: tx('console.status.linksNeeded'), tone: 'warn' },
        ...(known ? {} : { notes: [tx('console.note.linksInPopup')] }),
        links: [
          { label: tx('console.next.branding'), href: consoleUrl('/auth/branding', env.ctx.projectId ?? projectOf(env.url)) },
        ],
        ...(known ? { action: { label: tx('console.action.toBranding'), run: () => goOn(env, '/auth/branding') } } : {}),
      });
      return null;
    }
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
