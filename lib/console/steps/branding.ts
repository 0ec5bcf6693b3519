/**
 * Branding › Authorized domains (google-console.md §3.3, §5.5; field-notes P4): the registrable
 * domain of Odoo's redirect host (`odoo.com` for `*.odoo.com`), added with `Add domain` →
 * `Authorized domain N`, then `Save` — only if it is not there yet. A save is settled when `Save`
 * turns disabled or goes away; a rejection shows an `Error dialog` or "Invalid domain: must be a
 * top private domain". A filled App name on this page is evidence the consent screen exists.
 */
import { find, findText, isDisabled, rowValues, waitFor } from '../fill';
import { S, shownLabel } from '../selectors';
import { done, type Env, type Field, notReady, pageState, type Step, tx } from '../step';
import { getStartedPlan } from './auth-overview';

const domainsOnPage = () => rowValues(document, S.authorizedDomain).map((d) => d.toLowerCase());
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
    const fields: Field[] = domain ? [{ target: S.authorizedDomain, kind: 'row', add: S.addDomain, value: domain }] : [];
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
    if (present.includes(domain)) {
      await env.report({ step: 'domain', state: 'done', facts: { authorizedDomains: present } });
      done(env, branding, tx('console.status.domainPresent', { domain }), next(env));
      return null;
    }
    return {
      action: tx('console.action.saveDomain', { domain }),
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
        if (result === 'saved' && now.includes(domain)) {
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
