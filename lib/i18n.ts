/**
 * The one door to user-visible text. Every string shown to a person comes from `locales/*.yml`
 * (English and Vietnamese) through `browser.i18n`, so the UI follows the browser's language.
 *
 * Logic modules never build sentences: they return a `Msg` (a key and its named parameters),
 * which is stored and sent as data and turned into text only where it is shown.
 */

import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

export type MsgKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;
export type MsgParams = Record<string, string | number>;
export interface Msg {
  key: MsgKey;
  params?: MsgParams;
}

export const msg = (key: MsgKey, params?: MsgParams): Msg => (params ? { key, params } : { key });

/**
 * Text for a key with named `{param}` substitutions. The browser's own `getMessage`, under the name the build
 * gives a key (`a.b` → `a_b`), as @wxt-dev/i18n's `t` calls it without arguments — without bundling its runtime
 * (pluralization and positional substitutions, which no message uses) into the pages' scripts.
 */
export function t(key: MsgKey, params?: MsgParams): string {
  const text = (browser.i18n.getMessage as (name: string) => string)(key.replaceAll('.', '_'));
  if (!text) console.warn(`[i18n] Message not found: "${key}"`);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export const tm = (m: Msg): string => t(m.key, m.params);
