/**
 * Legacy "Edit app registration" stepper (google-console.md §3.8, §2.1 steps 4–8; seed guide):
 * 1 "OAuth consent screen": App name `Odoo`, User support email (dropdown), Authorized domains
 *   (`+ ADD DOMAIN` → `Authorized domain 1`), Developer contact `Email addresses` → `SAVE AND CONTINUE`;
 * 2 Scopes: nothing for Odoo → `SAVE AND CONTINUE`;
 * 3 Test users (External): `+ ADD USERS` → dialog → address → `ADD`, then `SAVE AND CONTINUE`;
 * 4 Summary (`BACK TO DASHBOARD` is left to the person).
 * One click, whose label says it saves the registration. Nothing already there is added twice.
 * Each step counts on evidence: the stepper moving on after `SAVE AND CONTINUE`, the test user
 * listed after `ADD` — the stepper's own `SAVE AND CONTINUE`, always on the page, proves nothing.
 */
import { find, shownLabel } from '../fill';
import { missing, notReady, pageState } from '../page-state';
import * as S from '../selectors';

import { done, type Field, type Section, type Step, tx } from '../step';
import { testUsersOnPage } from './audience';

export const legacyAppRegistration: Step = {
  id: 'legacy-app-registration',
  pages: ['legacyConsentEdit'],
  title: 'console.step.legacyRegistration',
  async prepare(env) {
    const { gmail, audience, appName, authorizedDomain } = env.ctx;
    const state = await pageState(env, () => find(S.appName));
    if (state !== 'ready') {
      await notReady(env, legacyAppRegistration, state, 'consent');
      return null;
    }
    if (!env.ctx.ready) return missing(env, legacyAppRegistration, 'setup');
    if (!gmail || !audience) return missing(env, legacyAppRegistration, 'gmail');
    const first: Field[] = [
      { target: S.appName, kind: 'text', value: appName },
      { target: S.supportEmail, kind: 'option', value: gmail, option: { en: [gmail], vi: [] } },
      ...(authorizedDomain
        ? [{ target: S.authorizedDomain, kind: 'row', add: S.addDomain, value: authorizedDomain } as Field]
        : []),
      { target: S.contactEmails, kind: 'chip', value: gmail },
    ];
    const external = audience === 'external';
    const sections: Section[] = [
      { fields: first, next: S.saveAndContinue, until: S.addScopes },
      { fields: [], next: S.saveAndContinue, until: external ? S.addUsers : S.backToDashboard },
    ];
    if (external) {
      sections.push(
        {
          open: S.addUsers,
          fields: [{ target: S.testUserInput, kind: 'chip', value: gmail }],
          next: S.add,
          done: () => testUsersOnPage().includes(gmail),
          skip: () => testUsersOnPage().includes(gmail),
        },
        { fields: [], next: S.saveAndContinue, until: S.backToDashboard },
      );
    }
    return {
      action: tx('console.action.registration', {
        name: appName,
        audience: shownLabel((external ? S.external : S.internal).names),
      }),
      progress: 'consent',
      sections,
      async after() {
        await env.report({ step: 'consent', state: 'done', facts: { audience } });
        if (authorizedDomain)
          await env.report({ step: 'domain', state: 'done', facts: { authorizedDomains: [authorizedDomain] } });
        if (external) await env.report({ step: 'testUser', state: 'done', facts: { testUsers: [gmail] } });
        done(
          env,
          legacyAppRegistration,
          tx('console.status.registrationSaved'),
          [{ label: tx('console.next.clientCreate'), path: '/apis/credentials/oauthclient' }],
          true,
        );
      },
    };
  },
};
