/**
 * Legacy "OAuth consent screen" (google-console.md §3.8, §2.1 step 3; seed guide): the `User Type`
 * radios — Internal for Google Workspace, External for personal Gmail — then `CREATE`, which opens
 * "Edit app registration" (./legacy-app-registration.ts). A configured app shows its dashboard
 * instead (`Publishing status`), which is evidence the consent screen exists.
 */
import { find, findText, shownLabel } from '../fill';
import { missing, notReady, pageState } from '../page-state';
import * as S from '../selectors';

import { done, type Step, tx } from '../step';
import { readAudience } from './audience';

export const legacyUserType: Step = {
  id: 'legacy-user-type',
  pages: ['legacyConsent'],
  title: 'console.step.legacyUserType',
  async prepare(env) {
    const state = await pageState(env, () => find(S.external) ?? findText(S.publishingStatus));
    if (state !== 'ready') {
      await notReady(env, legacyUserType, state, 'consent');
      return null;
    }
    if (findText(S.publishingStatus)) {
      const facts = readAudience();
      await env.report({ step: 'consent', state: 'done', facts });
      done(env, legacyUserType, tx('console.status.configured'), [
        { label: tx('console.next.clientCreate'), path: '/apis/credentials/oauthclient' },
      ]);
      return null;
    }
    const { audience } = env.ctx;
    if (!audience) return missing(env, legacyUserType, 'gmail');
    const radio = audience === 'internal' ? S.internal : S.external;
    return {
      action: tx('console.action.userType', { audience: shownLabel(radio.names) }),
      progress: 'consent',
      sections: [{ fields: [{ target: radio, kind: 'radio', value: shownLabel(radio.names) }], next: S.create }],
      async after() {
        await env.report({ step: 'consent', state: 'inProgress', facts: { audience } });
      },
    };
  },
};
