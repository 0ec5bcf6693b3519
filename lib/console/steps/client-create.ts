/**
 * Create the OAuth client (google-console.md §3.6, §3.9; seed guide "Create Credentials"):
 * Application type = `Web application` (an overlay listbox; never `Desktop app`, §2.1 FAQ), then the
 * fields that appear only after that choice — Name `Odoo` and, in the group `Authorized redirect
 * URIs` (not JavaScript origins), `Add URI` → `URIs 1` = the redirect URI Odoo sends — then
 * `Create`, on the person's click, which says so. A URI already in the list is not added again; one
 * Google refuses (http other than localhost, a raw IP — §5.6, field-notes P1) is never typed: the step
 * needs attention and points to the fix on Odoo's side. The "OAuth client created" dialog that follows
 * is read by ../capture.ts.
 *
 * Before the consent screen exists the form still renders, under a bar saying it must be configured first
 * (google-console-2026.md §10; google-console.md §3.6, §3.9): nothing is filled — the panel says so and leads to Get started
 * (the legacy Credentials page: to the OAuth consent screen).
 */
import { press } from '../click';
import { isLegacyPage } from '../detect';
import { find, findAll, findText, query, shownLabel, visible, waitFor } from '../fill';
import { missing, notReady, pageState, refusedRedirect } from '../page-state';
import * as S from '../selectors';

import { type Env, type Field, goOn, type Step, tx } from '../step';
import { getStartedPlan } from './auth-overview';
import { agreeNote } from './auth-wizard';

/**
 * The consent screen first (2026 §10): Google's own link in the bar routes within the Console, so the
 * Get-started wizard runs on this same click (`carry`); without a link, the overview opens.
 */
async function consentFirst(env: Env): Promise<void> {
  const link = findAll({ role: 'button', names: S.consentFirst }).find(visible);
  if (link) {
    await env.carry?.('consent');
    const pressed = await press(link, { signal: env.signal }).catch(() => null);
    if (pressed?.ok) return;
  }
  goOn(env, isLegacyPage(env.page) ? '/apis/credentials/consent' : '/auth/overview');
}

export const clientCreate: Step = {
  id: 'client-create',
  pages: ['clientCreate', 'legacyClientCreate'],
  title: 'console.step.clientCreate',
  async prepare(env) {
    const { redirectUri, clientName, redirectRefusal } = env.ctx;
    const uriField: Field | null = redirectUri
      ? { target: S.uri, kind: 'row', group: S.redirectUris, add: S.addUri, value: redirectUri, waitMs: 15_000 }
      : null;
    const fields: Field[] = [
      { target: S.applicationType, kind: 'option', option: S.webApplication, value: shownLabel(S.webApplication) },
      // Shown only after the type is chosen (§3.6): awaited, with a timeout.
      { target: S.clientName, kind: 'text', value: clientName, waitMs: 15_000 },
      // A URI Google refuses (§5.6) is never typed, nor listed to type by hand.
      ...(uriField && !redirectRefusal ? [uriField] : []),
    ];
    const state = await pageState(env, () => find(S.applicationType));
    if (state === 'getStarted' && !isLegacyPage(env.page)) return getStartedPlan(env);
    if (state !== 'ready') {
      await notReady(env, clientCreate, state, 'client', fields);
      return null;
    }
    if (findText(S.consentFirst)) {
      const { appName, audience } = env.ctx;
      const radio = audience === 'internal' ? S.internal : audience === 'external' ? S.external : null;
      env.show({
        title: tx(clientCreate.title),
        state: 'consent-first',
        status: { text: tx('console.status.consentFirst'), tone: 'warn' },
        ...(radio ? { notes: [agreeNote()] } : {}),
        action: {
          // It says what the click does: the wizard creates the app.
          label: radio
            ? tx('console.action.consentFirst', { name: appName, audience: shownLabel(radio.names) })
            : tx('console.action.getStarted'),
          run: () => void consentFirst(env),
        },
      });
      return null;
    }
    if (!env.ctx.ready) return missing(env, clientCreate, 'setup');
    if (!redirectUri) return missing(env, clientCreate, 'redirect');
    // Creating the client without its redirect URI would only move the failure to the sign-in.
    if (redirectRefusal && uriField) return refusedRedirect(env, clientCreate, redirectRefusal, uriField);
    return {
      action: tx('console.action.createClient', { name: clientName }),
      progress: 'client',
      sections: [{ fields, next: S.create }],
      async after() {
        await env.report({ step: 'client', state: 'inProgress' });
        env.show({ title: tx(clientCreate.title), status: { text: tx('console.status.waitingDialog'), tone: 'busy' } });
        // The dialog is read by the capture watcher; if none shows, say so instead of waiting forever.
        const shown = await waitFor(() => query(document, S.dialog, true).some(visible), env.keep, 60_000, 250).catch(
          () => false,
        );
        if (!shown)
          await env.report({ step: 'client', state: 'attention', reason: { code: 'notReady', field: tx(clientCreate.title) } });
      },
    };
  },
};
