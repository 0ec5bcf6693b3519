/**
 * An existing client's page (google-console.md §3.7, §1 "Client details"): its `Authorized
 * redirect URIs` group (add Odoo's URI if missing, then `Save`), and "Client secrets": since 2025 a
 * secret is shown only once, at creation; a missed one is replaced with `Add secret`, whose dialog
 * shows the new secret once — ../capture.ts reads it (field-notes P21). Old secrets keep working.
 *
 * "Add secret" may first open an "Information and summary" side panel and then ask to confirm
 * ("Add secret" / "Add", google-console-2026.md §8): the confirmation is the same request, so it is
 * pressed too; the new secret is then read wherever it shows — a dialog, the side panel, the page, in
 * text or in an attribute (2026 §8, §9). A saved redirect URI counts only once Google settled the save
 * (`Save` disabled or gone, §3.3) and the URI is read back.
 */
import { secretsOn } from '../capture';
import { press } from '../click';
import { clientIdOf } from '../detect';
import { find, findAll, findGroup, query, shownLabel, visible, waitFor } from '../fill';
import { notReady, pageState, refusedRedirect } from '../page-state';
import * as S from '../selectors';

import { done, type Env, type Field, type Section, type Step, tx } from '../step';
import { isDisabled } from '../widgets/events';
import { rowValues } from '../widgets/uri-row';

/**
 * The buttons that confirm a new secret: "Add secret" or "Add" (2026 §8) in what the request opened — a dialog,
 * or a side panel outside the page's main content. Never the page's own "+ Add secret": Google re-renders the
 * client's page when a secret is added, and that button, a new element then, would ask for one more secret
 * (each press creates a secret at Google).
 */
const confirmations = (): HTMLElement[] =>
  [...findAll(S.addSecret), ...findAll(S.add)].filter((b) => visible(b) && (!!b.closest(S.dialog) || !b.closest(S.main)));

/** The URIs of the client's redirect URI group, as the page holds them now. */
const urisOnPage = (): string[] => {
  const group = findGroup(S.redirectUris, S.addUri);
  return group ? rowValues(group, S.uri) : [];
};

/** Google settled the save: `Save` disabled or gone, and no error (§3.3). */
const saved = (): boolean => {
  if (find(S.errorDialog) || query(document, S.submissionError, true).some(visible)) return false;
  const save = find(S.save);
  return !save || isDisabled(save);
};

/**
 * Presses each new confirmation of the secret request (a side panel, then a dialog: at most two) — until the new
 * secret shows (`secrets`: those on the page before the request): once it is there, one more press would only
 * create another secret at Google.
 */
async function confirmSecret(env: Env, before: Set<HTMLElement>, secrets: ReadonlySet<string>): Promise<void> {
  const shown = () => [...secretsOn(document.body)].some((v) => !secrets.has(v));
  for (let i = 0; i < 2; i++) {
    const next = await waitFor(() => shown() || confirmations().find((b) => !before.has(b)), env.signal, 8000).catch(() => null);
    if (!next || next === true) return;
    before.add(next);
    await press(next, {
      signal: env.signal,
      handOver: (button) =>
        env.show({
          title: tx(clientDetails.title),
          state: 'click-google',
          status: {
            text: tx('panel.clickYourself', { button: button.textContent?.trim() || shownLabel(S.addSecret.names) }),
            tone: 'warn',
          },
          point: button,
        }),
    });
  }
}

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
    const uris = urisOnPage();
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
      // Saved = Google settled the save and the URI reads back (§3.3, §3.7).
      sections.push({
        fields: [field],
        next: S.save,
        nextOnlyIfChanged: true,
        done: () => saved() && urisOnPage().includes(redirectUri),
      });
    }
    let before = new Set<HTMLElement>();
    let secrets: ReadonlySet<string> = new Set();
    if (needSecret)
      sections.push({
        fields: [],
        next: S.addSecret,
        // The buttons and secrets on the page before the request: only new ones count.
        async beforeNext() {
          before = new Set(confirmations());
          secrets = secretsOn(document.body);
          env.expectSecret?.();
        },
        // Google answered: a confirmation to press (a side panel, 2026 §8), or the new secret itself.
        done: () => confirmations().some((b) => !before.has(b)) || [...secretsOn(document.body)].some((v) => !secrets.has(v)),
      });
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
        if (needUri && clientId && clientId === env.ctx.clientId) await env.report({ facts: { redirectUris: urisOnPage() } });
        env.show({
          title: tx(clientDetails.title),
          status: {
            text: tx(needSecret ? 'console.status.waitingSecret' : 'console.status.clientReady'),
            tone: needSecret ? 'busy' : 'ok',
          },
        });
        if (needSecret) await confirmSecret(env, before, secrets);
      },
    };
  },
};
