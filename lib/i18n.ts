/**
 * The one door to user-visible text. Every string shown to a person comes from `locales/*.yml`
 * (English and Vietnamese) through `browser.i18n`, so the UI follows the browser's language.
 *
 * Logic modules never build sentences: they return a `Msg` (a key and its named parameters),
 * which is stored and sent as data and turned into text only where it is shown.
 */
import { type GeneratedI18nStructure, i18n } from '#i18n';

export type MsgKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;
export type MsgParams = Record<string, string | number>;
export interface Msg {
  key: MsgKey;
  params?: MsgParams;
}

export const msg = (key: MsgKey, params?: MsgParams): Msg => (params ? { key, params } : { key });

/** Text for a key with named `{param}` substitutions. */
export function t(key: MsgKey, params?: MsgParams): string {
  const text = (i18n.t as (k: string) => string)(key);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export const tm = (m: Msg): string => t(m.key, m.params);
