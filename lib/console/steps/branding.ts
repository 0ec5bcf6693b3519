/**
 * Branding › Authorized domains (google-console.md §3.3, §5.5; field-notes P4): the registrable
 * domain of Odoo's redirect host (`odoo.com` for `*.odoo.com`), added with `Add domain` →
 * `Authorized domain N`, then `Save` — only if it is not there yet. A save is settled when `Save`
 * turns disabled or goes away; a rejection shows an `Error dialog` or "Invalid domain: must be a
 * top private domain". A filled App name on this page is evidence the consent screen exists.
 *
 * With production chosen for an External app, the same Save also holds the App home page and the App
 * privacy policy link (google-console-2026.md §1: "Publish app" stays disabled without them) — the Odoo
 * website's, or the person's from the popup; the step is done only when both read back.
 */
import { find, findText, shownLabel, waitFor } from '../fill';
import { notReady, pageState } from '../page-state';
import type { Target } from '../selectors';
import * as S from '../selectors';
import { done, type Env, type Field, type Step, tx } from '../step';
import { isDisabled } from '../widgets/events';
import { rowValues } from '../widgets/uri-row';
import { getStartedPlan } from './auth-overview';

const domainsOnPage = () => rowValues(document, S.authorizedDomain).map((d) => d.toLowerCase());
/** What a text field on the page holds now (read back after the save). */
const pageValue = (t: Target) => ((find(t) as HTMLInputElement | null)?.value ?? '').trim();
const next = (env: Env) =>
  env.ctx.audience === 'external'
    ? [{ label: tx('console.next.audience'), path: '/auth/audience' }]
    : [{ label: tx('console.next.clientCreate'), path: '/auth/clients/create' }];

export const branding: Step = {
  id: 'branding',
  pages: ['branding'],
  title: 'console.step.branding',
  async prepare(env) {
    const domain = env.ctx.authorizedDomain;
    // Production chosen for an External app: Google keeps "Publish app" disabled until Branding has an App
    // home page and an App privacy policy link on authorized domains (google-console-2026.md §1).
    const wantsLinks = env.ctx.publishChoice === 'production' && env.ctx.audience === 'external';
    const links = wantsLinks && env.ctx.publishLinks?.home && env.ctx.publishLinks.privacy ? env.ctx.publishLinks : null;
    const linkFields: Field[] = links
      ? [
          { target: S.appHomePage, kind: 'text', value: links.home ?? '' },
          { target: S.appPrivacyPolicy, kind: 'text', value: links.privacy ?? '' },
        ]
      : [];
    const fields: Field[] = [
      ...(domain ? [{ target: S.authorizedDomain, kind: 'row' as const, add: S.addDomain, value: domain }] : []),
      ...linkFields,
    ];
    const linksOnPage = () => linkFields.every((f) => pageValue(f.target) === f.value);
    const state = await pageState(env, () => find(S.addDomain) ?? find(S.appName));
    if (state === 'getStarted') return getStartedPlan(env);
    if (state !== 'ready') {
      await notReady(env, branding, state, 'domain', fields);
      return null;
    }
    const present = domainsOnPage();
    await env.report({ facts: { authorizedDomains: present } });
    const appName = (find(S.appName) as HTMLInputElement | null)?.value;
    if (appName && env.ctx.progress.consent !== 'done') await env.report({ step: 'consent', state: 'done' });
    if (!env.ctx.ready) {
      env.show({ title: tx(branding.title), status: { text: tx('console.missing.setup'), tone: 'warn' } });
      return null;
    }
    if (!domain) {
      done(env, branding, tx('console.status.domainNone'), next(env));
      return null;
    }
    if (present.includes(domain) && linksOnPage()) {
      await env.report({ step: 'domain', state: 'done', facts: { authorizedDomains: present } });
      done(env, branding, tx(links ? 'console.status.linksPresent' : 'console.status.domainPresent', { domain }), next(env));
      return null;
    }
    return {
      action: tx(links ? 'console.action.saveDomainLinks' : 'console.action.saveDomain', { domain }),
      // Production chosen, but no links known yet: the popup asks for them (the Odoo website had none).
      ...(wantsLinks && !links ? { note: tx('console.note.linksInPopup') } : {}),
      progress: 'domain',
      sections: [{ fields, next: S.save, nextOnlyIfChanged: true }],
      async after() {
        const result = await waitFor(
          () => {
            if (findText(S.invalidDomain) || find(S.errorDialog)) return 'rejected';
            const save = find(S.save);
            return !save || isDisabled(save) ? 'saved' : null;
          },
          env.signal,
          20_000,
        ).catch(() => 'timeout');
        const now = domainsOnPage();
        if (result === 'saved' && now.includes(domain) && linksOnPage()) {
          await env.report({ step: 'domain', state: 'done', facts: { authorizedDomains: now } });
          done(env, branding, tx('console.status.domainSaved', { domain }), next(env), true);
          return;
        }
        await env.report({
          step: 'domain',
          state: 'attention',
          reason: { code: 'rejected', field: shownLabel(S.authorizedDomain.names) },
        });
        env.show({
          title: tx(branding.title),
          status: { text: tx('console.status.rejected'), tone: 'warn' },
          manual: { rows: [{ label: shownLabel(S.authorizedDomain.names), value: domain, reason: tx('panel.reason.rejected') }] },
          action: { label: tx('panel.retry'), run: () => env.rerun() },
        });
      },
    };
  },
};
