/**
 * The shipped text of a locale, compiled from locales/<lang>.yml exactly as the build does, for
 * browser tests that assert what a person reads in that language (no copied strings in tests).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

export function localeText(lang: 'en' | 'vi'): (key: string, params?: Record<string, string | number>) => string {
  const messages = generateChromeMessages(parseMessagesText(readFileSync(resolve(`locales/${lang}.yml`), 'utf8'), 'YAML'));
  return (key, params = {}) => {
    const entry = messages[key.replaceAll('.', '_')];
    if (!entry) throw new Error(`no message ${key} in ${lang}`);
    return entry.message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  };
}

/**
 * Every message of a locale as a pattern (its `{named}` parameters match any text), longest first — to
 * strip shipped text from what a page shows and see what is left (test/e2e/console-locale.spec.ts).
 */
export function localePatterns(lang: 'en' | 'vi'): RegExp[] {
  const messages = generateChromeMessages(parseMessagesText(readFileSync(resolve(`locales/${lang}.yml`), 'utf8'), 'YAML'));
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.values(messages)
    .map((m) => m.message)
    .filter((m) => m.trim().length > 0)
    .sort((a, b) => b.length - a.length)
    .map((m) => {
      const parts = m.split(/\{\w+\}/).map(literal);
      // A parameter matches any text; one that ends the message takes the rest of the line ("… domain odoo.com").
      const body = parts.length > 1 && parts.at(-1) === '' ? `${parts.slice(0, -1).join('[^]*?')}[^\\n]*` : parts.join('[^]*?');
      // Whole words only: a short message ("Authorized redirect URI") must not eat the start of a longer word.
      return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
    });
}
