/**
 * Audience (google-console.md §3.4, §6.4; field-notes P5): shows the user type and the publishing
 * status (`Testing` / `In production`). For an External app the Gmail address must be a test user
 * (else "Error 403: access_denied"): `+ Add users` opens a side panel with a chip input — type the
 * address, Enter, wait for the chip, then `Save` (its first click often no-ops: latchkey clicks
 * again). Not added twice: the list on the page is read first. Internal apps have no test users.
 *
 * The side panel may not be a `dialog` (google-console-2026.md §13): success is seen as the chip input
 * gone and the address listed under "Test users" — outside the panel's own chips. Nothing less counts.
 */
import { find, findGroup, findText, norm, visible } from '../fill';
import { missing, notReady, pageState } from '../page-state';
import * as S from '../selectors';
import { done, type Env, type Step, tx } from '../step';
import { getStartedPlan } from './auth-overview';
import { publishApp, wantsPublish } from './publish-app';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** Where an address is being typed, not listed: the chip input's grid and its chips, a dialog (2026 §13). */
const TYPING = `mat-chip-grid, mat-chip-row, mat-chip, .mdc-evolution-chip, input, textarea, ${S.dialog}`;

/** The addresses listed under "Test users" (the section holding the `Add users` button) — not the panel's chips. */
export function testUsersOnPage(): string[] {
  const section = findGroup(S.testUsers, S.addUsers);
  if (!section) return [];
  const texts: string[] = [];
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (el && !el.closest(TYPING) && visible(el)) texts.push(node.nodeValue ?? '');
  }
  return [...new Set(norm(texts.join(' ')).match(EMAIL) ?? [])];
}

/** The side panel's chip input is still open (2026 §13: it disappears on success). */
const typing = () => {
  const input = find(S.testUserInput);
  return !!input && visible(input);
};

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
    // The Gmail address, then the administrator's other test users (the popup's list), each added once.
    const toAdd = [...new Set([gmail, ...(env.ctx.testUsersWanted ?? [])].map((e) => e.toLowerCase()))].filter(
      (e) => !users.includes(e),
    );
    if (toAdd.length === 0) {
      await env.report({ step: 'testUser', state: 'done' });
      // The person chose production in the popup ("Before you connect"): guide "Publish app" now.
      if (wantsPublish(env, facts)) return publishApp.prepare(env);
      done(env, audience, tx('console.status.testUserPresent', { email: gmail }), toClient());
      return null;
    }
    return {
      action:
        toAdd.length === 1 && toAdd[0] === gmail
          ? tx('console.action.saveTestUser', { email: gmail })
          : tx('console.action.saveTestUsers', { count: toAdd.length, emails: toAdd.join(', ') }),
      progress: 'testUser',
      sections: [
        {
          open: S.addUsers,
          // One chip per address, in the one panel (up to 100 test users, §6.4).
          fields: toAdd.map((value) => ({ target: S.testUserInput, kind: 'chip' as const, value })),
          next: S.save,
          // "Panel closing = success" and every address listed (§3.4, 2026 §13); a first Save that did
          // nothing gets a second click (latchkey), then the person is asked (../click.ts).
          done: () => !typing() && toAdd.every((e) => testUsersOnPage().includes(e)),
          again: true,
        },
      ],
      async after() {
        await env.report({ step: 'testUser', state: 'done', facts: { testUsers: testUsersOnPage() } });
        if (wantsPublish(env, facts)) return env.rerun();
        done(env, audience, tx('console.status.testUserSaved', { email: gmail }), toClient(), true);
      },
    };
  },
};
