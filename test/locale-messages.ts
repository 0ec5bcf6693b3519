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
