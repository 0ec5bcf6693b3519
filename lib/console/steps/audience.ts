/**
 * Audience (google-console.md §3.4, §6.4; field-notes P5): shows the user type and the publishing
 * status (`Testing` / `In production`). For an External app the Gmail address must be a test user
 * (else "Error 403: access_denied"): `+ Add users` opens a side panel with a chip input — type the
 * address, Enter, wait for the chip, then `Save` (its first click often no-ops: latchkey clicks
 * again). Not added twice: the list on the page is read first. Internal apps have no test users.
 */
import { click, find, findGroup, findText, norm, query, visible, waitFor } from '../fill';
import { S, shownLabel } from '../selectors';
import { done, type Env, missing, notReady, pageState, type Step, tx } from '../step';
import { getStartedPlan } from './auth-overview';
import { publishApp, wantsPublish } from './publish-app';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** The addresses listed under "Test users" (the section holding the `Add users` button). */
export function testUsersOnPage(): string[] {
  const section = findGroup(S.testUsers, S.addUsers);
  const text = section ? norm(section.innerText ?? section.textContent) : '';
  return [...new Set(text.match(EMAIL) ?? [])];
}

export function readAudience(): { audience?: 'internal' | 'external'; publishing?: 'testing' | 'production' } {
  const publishing = findText(S.inProduction) ? 'production' : findText(S.testing) ? 'testing' : undefined;
  // Test users exist only for External apps (§6.4); otherwise the page says "Internal".
  const audience =
    find(S.addUsers) || findText(S.external.names) ? 'external' : findText(S.internal.names) ? 'internal' : undefined;
  return { ...(audience ? { audience } : {}), ...(publishing ? { publishing } : {}) };
}

const toClient = () => [{ label: tx('console.next.clientCreate'), path: '/auth/clients/create' }];

export const audience: Step = {
  id: 'audience',
  pages: ['audience'],
  title: 'console.step.audience',
  async prepare(env: Env) {
    const gmail = env.ctx.gmail;
    const state = await pageState(env, () => find(S.addUsers) ?? findText(S.testing) ?? findText(S.inProduction));
    if (state === 'getStarted') return getStartedPlan(env);
    if (state !== 'ready') {
      await notReady(env, audience, state, 'testUser', gmail ? [{ target: S.testUserInput, kind: 'chip', value: gmail }] : []);
      return null;
    }
    const facts = readAudience();
    const users = facts.audience === 'external' ? testUsersOnPage() : [];
    await env.report({ facts: { ...facts, ...(facts.audience === 'external' ? { testUsers: users } : {}) } });
    if (facts.audience && env.ctx.progress.consent !== 'done') await env.report({ step: 'consent', state: 'done', facts });
    if (facts.audience === 'internal') {
      done(env, audience, tx('console.status.internal'), toClient());
      return null;
    }
    if (!gmail) return missing(env, audience, 'gmail');
    if (users.includes(gmail)) {
      await env.report({ step: 'testUser', state: 'done' });
      // The person chose production in the popup (issue 5): guide "Publish app" now.
      if (wantsPublish(env, facts)) return publishApp.prepare(env);
      done(env, audience, tx('console.status.testUserPresent', { email: gmail }), toClient());
      return null;
    }
    return {
      action: tx('console.action.saveTestUser', { email: gmail }),
      progress: 'testUser',
      sections: [{ open: S.addUsers, fields: [{ target: S.testUserInput, kind: 'chip', value: gmail }], next: S.save }],
      async after() {
        const listed = () => testUsersOnPage().includes(gmail);
        const panelOpen = () => query(document, S.dialog, true).some((d) => visible(d) && find(S.save, d));
        // "Panel closing = success"; a first click that did nothing gets a second one (§3.4, latchkey).
        let ok = await waitFor(() => !panelOpen() && listed(), env.signal, 5000).catch(() => false);
        if (!ok && panelOpen()) {
          const save = query(document, S.dialog, true)
            .map((d) => find(S.save, d))
            .find(Boolean);
          if (save) click(save);
          ok = await waitFor(() => !panelOpen() && listed(), env.signal, 15_000).catch(() => false);
        }
        if (ok) {
          await env.report({ step: 'testUser', state: 'done', facts: { testUsers: testUsersOnPage() } });
          if (wantsPublish(env, facts)) return env.rerun();
          done(env, audience, tx('console.status.testUserSaved', { email: gmail }), toClient(), true);
          return;
        }
        await env.report({
          step: 'testUser',
          state: 'attention',
          reason: { code: 'rejected', field: shownLabel(S.addUsers.names) },
        });
        env.show({
          title: tx(audience.title),
          status: { text: tx('console.status.rejected'), tone: 'warn' },
          manual: { rows: [{ label: shownLabel(S.addUsers.names), value: gmail, reason: tx('panel.reason.rejected') }] },
          action: { label: tx('panel.retry'), run: () => env.rerun() },
        });
      },
    };
  },
};
