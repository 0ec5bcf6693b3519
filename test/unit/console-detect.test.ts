import { describe, expect, it } from 'vitest';
import {
  clientIdOf,
  detectPage,
  isLegacyPage,
  isPage,
  NOT_JOURNEY_EXAMPLES,
  PAGE_EXAMPLES,
  PAGE_IDS,
  projectOf,
} from '@/lib/console/detect';
import { FAKE_CLIENT_ID } from '../support/builders';

const ID = FAKE_CLIENT_ID;

describe('page detectors (google-console.md §1)', () => {
  for (const page of PAGE_IDS) {
    const own = PAGE_EXAMPLES[page];
    it(`${page}: has examples and recognizes each of them`, () => {
      expect(own.length).toBeGreaterThan(0);
      for (const url of own) expect({ url, page: detectPage(url) }).toEqual({ url, page });
    });
    it(`${page}: recognizes no other page's example and no non-journey URL`, () => {
      const others = [...PAGE_IDS.filter((p) => p !== page).flatMap((p) => PAGE_EXAMPLES[p]), ...NOT_JOURNEY_EXAMPLES];
      for (const url of others) expect({ url, match: isPage(page, url) }).toEqual({ url, match: false });
    });
  }

  it('ignores the noise parameters the Console adds (authuser, hl, supportedpurview, pli, _ga)', () => {
    const base = 'https://console.cloud.google.com/auth/branding?project=odoo-123456';
    for (const noise of ['&authuser=1', '&hl=vi', '&supportedpurview=project', '&pli=1', '&_ga=2.1.2.3', '&authuser=0&hl=ja']) {
      expect(detectPage(base + noise)).toBe('branding');
      expect(projectOf(base + noise)).toBe('odoo-123456');
    }
  });

  it('reads the project, not the "pick a project" placeholder', () => {
    expect(projectOf('https://console.cloud.google.com/auth/overview?project=_')).toBeNull();
    expect(projectOf('https://console.cloud.google.com/auth/overview')).toBeNull();
    expect(projectOf('https://console.cloud.google.com/auth/clients?project=123456789012')).toBe('123456789012');
    expect(projectOf('https://console.cloud.google.com/auth/clients?project=Bad_Id')).toBeNull();
    expect(projectOf('https://example.com/auth/clients?project=odoo-123456')).toBeNull();
    // The dashboard is a page of the journey only with a real project (the proof of creation).
    expect(detectPage('https://console.cloud.google.com/home/dashboard?project=_')).toBeNull();
  });

  it('reads the Client ID of a client page, on both UIs', () => {
    expect(clientIdOf(`https://console.cloud.google.com/auth/clients/${ID}?project=odoo-123456`)).toBe(ID);
    expect(clientIdOf(`https://console.developers.google.com/apis/credentials/oauthclient/${ID}`)).toBe(ID);
    expect(clientIdOf('https://console.cloud.google.com/auth/clients/create')).toBeNull();
  });

  it('tells the legacy pages from the new ones (§0)', () => {
    expect(PAGE_IDS.filter(isLegacyPage)).toEqual([
      'legacyConsent',
      'legacyConsentEdit',
      'legacyCredentials',
      'legacyClientCreate',
      'legacyClientDetails',
    ]);
  });
});
