/**
 * Unit tests run against WXT's in-memory fake browser. It does not implement `i18n.getMessage`, so
 * this setup compiles `locales/en.yml` exactly as the build does (@wxt-dev/i18n/build) and answers
 * from it — a test that reads text reads the shipped English text. The packaged public suffix list
 * (`/psl.txt`, fetched by the background) is read from public/psl.txt, whatever a test does with `fetch`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('@/lib/background/psl-file', async (actual) => ({
  ...(await actual<typeof import('@/lib/background/psl-file')>()),
  readPslFile: async () => readFileSync(resolve('public/psl.txt'), 'utf8'),
}));

const english = generateChromeMessages(parseMessagesText(readFileSync(resolve('locales/en.yml'), 'utf8'), 'YAML'));

export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = english[name];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  // @webext-core/messaging talks to `chrome.runtime`; the fake browser stands in for both namespaces.
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  fakeBrowser.i18n.getMessage = vi.fn(getMessage) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'test', version: '0.0.0-test' });
});
