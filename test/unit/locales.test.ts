import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'vi'] as const;
const load = (lang: string) =>
  generateChromeMessages(parseMessagesText(readFileSync(resolve(`locales/${lang}.yml`), 'utf8'), 'YAML'));
const messages = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('en and vi have exactly the same keys', () => {
    const en = Object.keys(messages.en ?? {}).sort();
    const vi = Object.keys(messages.vi ?? {}).sort();
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
  });

  it('every message has text and the same named placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(messages.en ?? {})) {
      const other = messages.vi?.[key];
      expect(entry.message.trim(), key).not.toBe('');
      expect(other?.message.trim(), key).not.toBe('');
      expect(placeholders(other?.message ?? ''), key).toEqual(placeholders(entry.message));
    }
  });

  // Store limits: Chrome Web Store takes a description of at most 132 characters and a name
  // of at most 75; AMO's linter schema caps the name at 45.
  it.each(LOCALES)('%s: the manifest name and description fit the stores', (lang) => {
    const name = messages[lang]?.extName?.message ?? '';
    const description = messages[lang]?.extDescription?.message ?? '';
    expect(name.length).toBeGreaterThan(1);
    expect(name.length).toBeLessThanOrEqual(45);
    expect(description.length).toBeGreaterThan(1);
    expect(description.length).toBeLessThanOrEqual(132);
  });

  it.each(LOCALES)("%s: a11y.lang names the language of its own file (the popup's <html lang>)", (lang) => {
    expect(messages[lang]?.a11y_lang?.message).toBe(lang);
  });
});
