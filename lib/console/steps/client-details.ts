/**
 * An existing client's page (google-console.md §3.7, §1 "Client details"): its `Authorized
 * redirect URIs` group (add Odoo's URI if missing, then `Save`), and "Client secrets": since 2025 a
 * secret is shown only once, at creation; a missed one is replaced with `Add secret`, whose dialog
 * shows the new secret once — ../capture.ts reads it (field-notes P21). Old secrets keep working.
 */
import { clientIdOf } from '../detect';
import { find, findGroup, rowValues } from '../fill';
import { S } from '../selectors';
import { done, type Field, notReady, pageState, refusedRedirect, type Section, type Step, tx } from '../step';

export const clientDetails: Step = {
  id: 'client-details',
  pages: ['clientDetails', 'legacyClientDetails'],
  title: 'console.step.clientDetails',
  async prepare(env) {
    const clientId = clientIdOf(env.url);
    const { redirectUri } = env.ctx;
    const state = await pageState(env, () => find(S.addSecret) ?? findGroup(S.redirectUris, S.addUri));
    if (state !== 'ready') {
      await notReady(env, clientDetails, state);
      return null;
    }
    const group = findGroup(S.redirectUris, S.addUri);
    const uris = group ? rowValues(group, S.uri) : [];
    if (clientId && clientId === env.ctx.clientId) await env.report({ facts: { redirectUris: uris } });
    const needUri = !!redirectUri && !uris.includes(redirectUri);
    const needSecret = !(env.ctx.secretCaptured && env.ctx.clientId === clientId);
    // A URI Google refuses (§5.6, P1) is not typed: Odoo's fix first; the secret waits for the retry.
    if (needUri && redirectUri && env.ctx.redirectRefusal) {
      const field: Field = { target: S.uri, kind: 'row', group: S.redirectUris, add: S.addUri, value: redirectUri };
      return refusedRedirect(env, clientDetails, env.ctx.redirectRefusal, field);
    }
    if (!needUri && !needSecret) {
      done(env, clientDetails, tx('console.status.clientReady'));
      return null;
    }
    const sections: Section[] = [];
    if (needUri && redirectUri) {
      const field: Field = { target: S.uri, kind: 'row', group: S.redirectUris, add: S.addUri, value: redirectUri };
      sections.push({ fields: [field], next: S.save, nextOnlyIfChanged: true, ...(needSecret ? { until: S.addSecret } : {}) });
    }
    if (needSecret) sections.push({ fields: [], next: S.addSecret });
    return {
      action: tx(
        needUri && needSecret
          ? 'console.action.saveUriAndSecret'
          : needUri
            ? 'console.action.saveUri'
            : 'console.action.addSecret',
      ),
      note: needSecret ? tx('console.status.secretMissed') : undefined,
      progress: 'client',
      sections,
      async after() {
        env.show({
          title: tx(clientDetails.title),
          status: {
            text: tx(needSecret ? 'console.status.waitingSecret' : 'console.status.clientReady'),
            tone: needSecret ? 'busy' : 'ok',
          },
        });
      },
    };
  },
};
