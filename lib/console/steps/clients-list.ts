/**
 * The clients list (`/auth/clients`, google-console.md §1) and the legacy Credentials page
 * (`/apis/credentials`, §3.9): nothing to fill. The legacy "OAuth client created" dialog shows here
 * after `CREATE` (§3.10) and is read by ../capture.ts. The panel points to the next page.
 */
import { isLegacyPage } from '../detect';
import { consoleUrl, done, type Step, tx } from '../step';

export const clientsList: Step = {
  id: 'clients-list',
  pages: ['clientsList', 'legacyCredentials'],
  title: 'console.step.clients',
  async prepare(env) {
    const { ctx } = env;
    if (ctx.secretCaptured && ctx.clientId) {
      done(env, clientsList, tx('console.status.captured', { clientId: ctx.clientId }));
      return null;
    }
    const legacy = isLegacyPage(env.page);
    const links = [
      { label: tx('console.next.clientCreate'), path: legacy ? '/apis/credentials/oauthclient' : '/auth/clients/create' },
    ];
    if (ctx.clientId) {
      links.push({
        label: tx('console.next.clientDetails'),
        path: `${legacy ? '/apis/credentials/oauthclient' : '/auth/clients'}/${ctx.clientId}`,
      });
    }
    env.show({
      title: tx(clientsList.title),
      status: { text: tx(ctx.clientId ? 'console.status.secretMissed' : 'console.status.createClient') },
      links: links.map((l) => ({ label: l.label, href: consoleUrl(l.path, ctx.projectId) })),
    });
    return null;
  },
};
