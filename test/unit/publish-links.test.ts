/**
 * Publishing to production: "Publish app" stays disabled until Branding has an App home page and an App privacy
 * policy link on authorized domains (google-console-2026.md §1). The links come from the Odoo website
 * when it has them, or from the person in the popup (checked: https, on an authorized domain); Branding
 * fills them beside the domain (console-publish-links.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/lib/background';
import { removeAllListeners } from '@/lib/messaging';
import { checkPublishLink, websiteLinks } from '@/lib/setup/publish-links';
import { publishLinksItem, setupItem } from '@/lib/state/items';
import { aSetup } from '../support/builders';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';
import { installPermissions, POPUP, sendAs } from './helpers';
import { knownHosts } from './host-facts';

describe('the links Google takes', () => {
  it.each([
    ['https://acme.odoo.com/', ['odoo.com'], true],
    ['https://acme.odoo.com/privacy', ['odoo.com'], true],
    ['http://acme.odoo.com/privacy', ['odoo.com'], false],
    ['https://www.acme.com/privacy', ['odoo.com'], false],
    ['https://www.acme.com/privacy', ['odoo.com', 'acme.com'], true],
    ['not a link', ['odoo.com'], false],
  ] as const)('%s on %j → %s', (link, domains, ok) => expect(checkPublishLink(link, domains, knownHosts(link)).ok).toBe(ok));

  it('says why a link is refused', () => {
    expect(checkPublishLink('http://acme.odoo.com/p', ['odoo.com'], knownHosts('http://acme.odoo.com/p'))).toEqual({
      ok: false,
      error: { key: 'publishLinks.err.https', params: { value: 'http://acme.odoo.com/p' } },
    });
    expect(checkPublishLink('https://x.example.org/p', ['odoo.com'], knownHosts('https://x.example.org/p'))).toEqual({
      ok: false,
      error: { key: 'publishLinks.err.domain', params: { value: 'https://x.example.org/p', domains: 'odoo.com' } },
    });
  });

  it('a website gives its home page and privacy page on the https address Odoo sends; an http one gives none', () => {
    expect(websiteLinks('https://acme.odoo.com', '/privacy')).toEqual({
      home: 'https://acme.odoo.com/',
      privacy: 'https://acme.odoo.com/privacy',
    });
    expect(websiteLinks('https://acme.odoo.com', null)).toEqual({ home: 'https://acme.odoo.com/', privacy: null });
    expect(websiteLinks('http://acme.odoo.com', '/privacy')).toEqual({ home: null, privacy: null });
  });
});

describe('production chosen, against the fake Odoo', () => {
  let client: FakeOdooClient | null = null;
  beforeEach(() => installPermissions(['http://127.0.0.1/*']));
  afterEach(async () => {
    removeAllListeners();
    vi.unstubAllGlobals();
    await client?.stop();
    client = null;
  });

  async function connected(website?: { pages: string[] }) {
    client = await fakeOdooClient({ version: '17.0', ...(website ? { website } : {}) });
    // Odoo Online behind its proxy: the address Odoo sends to Google is the https one.
    client.odoo.db.params.set('web.base.url', 'https://acme.odoo.com');
    vi.stubGlobal('fetch', client.fetch);
    startBackground();
    await setupItem.set(aSetup({ odooOrigin: client.odoo.origin }));
    expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: 'ok' } });
  }

  it('the Odoo website has a privacy page: both links proposed from it', async () => {
    await connected({ pages: ['/', '/contactus', '/privacy'] });
    expect(await sendAs(POPUP, 'choosePublishing', { choice: 'production' })).toEqual({ ok: true, value: null });
    expect(await publishLinksItem.get()).toMatchObject({
      home: 'https://acme.odoo.com/',
      privacy: 'https://acme.odoo.com/privacy',
      source: 'website',
    });
  });

  it('no website: nothing proposed, the person gives them — checked, then kept over a later proposal', async () => {
    await connected();
    await sendAs(POPUP, 'choosePublishing', { choice: 'production' });
    expect(await publishLinksItem.get()).toMatchObject({ home: null, privacy: null, source: 'none' });
    expect(await sendAs(POPUP, 'setPublishLinks', { home: 'https://acme.odoo.com/', privacy: 'http://acme.odoo.com/p' })).toEqual(
      {
        ok: false,
        error: { key: 'publishLinks.err.https', params: { value: 'http://acme.odoo.com/p' } },
      },
    );
    expect(
      await sendAs(POPUP, 'setPublishLinks', { home: 'https://acme.odoo.com/', privacy: 'https://acme.odoo.com/legal' }),
    ).toMatchObject({ ok: true, value: { source: 'person' } });
    await sendAs(POPUP, 'choosePublishing', { choice: 'production' });
    expect(await publishLinksItem.get()).toMatchObject({ privacy: 'https://acme.odoo.com/legal', source: 'person' });
  });
});
