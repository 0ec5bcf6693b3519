/**
 * Manifest audit: the extension asks for nothing docs/store-listing.md › Permissions does not justify.
 *
 * The allowlist is read from the Permissions section of docs/store-listing.md (the text pasted into the
 * stores' forms), so the test fails when that text and the manifest disagree either way: an API permission, an install-time host permission or an optional host
 * permission in one and not the other, or a content script matching beyond the justified hosts. It never
 * accepts `<all_urls>` or `*://*\/*`, nor a wildcard host at install.
 *
 * The manifest: the production build's (`.output/chrome-mv3/manifest.json`, and the Firefox one when
 * built — what `npm run store:check` reads from the zips), else the manifest wxt.config.ts generates
 * (its `manifest()` for Chrome and Firefox plus every content-script entrypoint's `matches`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: { matches?: string[] }[];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** docs/store-listing.md › Permissions: the bold lead-in of each paragraph names what it justifies, in backticks. */
function listingAllowlist(listing: string) {
  const start = listing.indexOf('\n## Permissions');
  if (start < 0) throw new Error('docs/store-listing.md has no Permissions section');
  const end = listing.indexOf('\n## ', start + 1);
  const section = listing.slice(start, end < 0 ? undefined : end);
  const api: string[] = [];
  const hosts: string[] = [];
  const optionalHosts: string[] = [];
  /** Content scripts that run on a host without a host permission (the script reads its own page only). */
  const contentScripts: string[] = [];
  for (const paragraph of section.split(/\n\s*\n/)) {
    const lead = /^\*\*(.+?)\*\*/s.exec(paragraph.trim())?.[1];
    if (!lead) continue;
    const names = [...lead.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    if (/^optional host permissions?\b/i.test(lead)) optionalHosts.push(...names);
    else if (/^content scripts?\b/i.test(lead)) contentScripts.push(...names);
    else if (/^host permissions?\b/i.test(lead)) hosts.push(...names);
    else api.push(...names);
  }
  return { api, hosts, optionalHosts, contentScripts };
}

/** Match patterns: does `outer` cover every URL `inner` matches? (scheme, host with `*.`, path glob) */
function covers(outer: string, inner: string): boolean {
  if (outer === '<all_urls>') return true;
  const parse = (p: string) => /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(p);
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i) return outer === inner;
  const [, os, oh = '', op = ''] = o;
  const [, is, ih = '', ip = ''] = i;
  const scheme = os === is || (os === '*' && (is === 'http' || is === 'https'));
  const host =
    oh === '*' ||
    oh === ih ||
    (oh.startsWith('*.') &&
      (ih === oh.slice(2) || ih.endsWith(oh.slice(1)) || (ih.startsWith('*.') && ih.endsWith(oh.slice(1)))));
  const glob = new RegExp(
    `^${op
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return scheme && host && glob.test(ip);
}

const BROAD = ['<all_urls>', '*://*/*'];

async function generatedManifests(): Promise<Record<string, Manifest>> {
  const config = (await import('../../wxt.config.ts')).default as {
    manifest?: (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => Manifest;
  };
  const entrypoints = resolve(ROOT, 'entrypoints');
  const scripts: { matches?: string[] }[] = [];
  for (const name of readdirSync(entrypoints)) {
    if (!/\.content(\.tsx?|$)/.test(name)) continue;
    const file = existsSync(resolve(entrypoints, name, 'index.ts'))
      ? resolve(entrypoints, name, 'index.ts')
      : resolve(entrypoints, name);
    const mod = (await import(file)) as { default: { matches?: string[]; registration?: string } };
    if (mod.default.registration !== 'runtime') scripts.push({ matches: mod.default.matches ?? [] });
  }
  const out: Record<string, Manifest> = {};
  for (const browser of ['chrome', 'firefox']) {
    const m = config.manifest?.({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) ?? {};
    out[`${browser} (generated from wxt.config.ts)`] = { ...m, content_scripts: scripts };
  }
  return out;
}

async function manifests(): Promise<Record<string, Manifest>> {
  const built: Record<string, Manifest> = {};
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const file = resolve(ROOT, '.output', dir, 'manifest.json');
    if (existsSync(file)) built[`.output/${dir}/manifest.json`] = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  }
  return Object.keys(built).length ? built : generatedManifests();
}

const allow = listingAllowlist(readFileSync(resolve(ROOT, 'docs/store-listing.md'), 'utf8'));
const sorted = (xs: string[] | undefined) => [...new Set(xs ?? [])].sort();

describe('docs/store-listing.md › Permissions is an allowlist', () => {
  it('names API permissions, install-time hosts and optional hosts', () => {
    expect(allow.api).toContain('storage');
    expect(allow.hosts.length).toBeGreaterThan(0);
    expect(allow.optionalHosts.length).toBeGreaterThan(0);
    // The listing itself never justifies the broad patterns, nor a wildcard host at install.
    for (const p of [...allow.api, ...allow.hosts, ...allow.optionalHosts]) expect(BROAD).not.toContain(p);
    expect(allow.hosts.filter((host) => /^[a-z*]+:\/\/\*/.test(host))).toEqual([]);
  });

  it('match-pattern coverage is strict', () => {
    expect(covers('https://accounts.google.com/*', 'https://accounts.google.com/signin/oauth/*')).toBe(true);
    expect(covers('https://console.cloud.google.com/*', 'https://accounts.google.com/*')).toBe(false);
    expect(covers('https://console.cloud.google.com/*', 'http://console.cloud.google.com/*')).toBe(false);
    expect(covers('https://*.google.com/*', 'https://evil.com/*')).toBe(false);
    expect(covers('https://console.cloud.google.com/auth/*', 'https://console.cloud.google.com/*')).toBe(false);
  });
});

describe('manifest audit', async () => {
  const all = await manifests();
  for (const [name, m] of Object.entries(all)) {
    describe(name, () => {
      const everyPattern = [
        ...(m.permissions ?? []),
        ...(m.host_permissions ?? []),
        ...(m.optional_host_permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? []),
        ...(m.web_accessible_resources ?? []).flatMap((w) => w.matches ?? []),
      ];

      it('asks for no <all_urls> and no *://*/*', () => {
        expect(everyPattern.filter((p) => BROAD.includes(p))).toEqual([]);
      });

      it('API permissions = the ones the listing justifies (in any order)', () => {
        // Firefox MV3 keeps API permissions in `permissions` too; hosts never belong there.
        const api = (m.permissions ?? []).filter((p) => !p.includes('://'));
        expect(sorted(api)).toEqual(sorted(allow.api));
        expect((m.permissions ?? []).filter((p) => p.includes('://'))).toEqual([]);
      });

      it('install-time hosts = the ones the listing justifies, no wildcard host', () => {
        expect(sorted(m.host_permissions)).toEqual(sorted(allow.hosts));
      });

      it('optional hosts = the ones the listing justifies (asked one origin at a time)', () => {
        expect(sorted(m.optional_host_permissions)).toEqual(sorted(allow.optionalHosts));
      });

      it('every content script matches only justified hosts (or a page the listing justifies for it alone)', () => {
        const matches = (m.content_scripts ?? []).flatMap((c) => c.matches ?? []);
        expect(matches.length).toBeGreaterThan(0);
        const own = matches.filter((p) => !allow.contentScripts.includes(p));
        expect(own.filter((p) => !allow.hosts.some((h) => covers(h, p)))).toEqual([]);
        expect(own.filter((p) => !(m.host_permissions ?? []).some((h) => covers(h, p)))).toEqual([]);
        // Each content-script-only page the listing names is really in the manifest, and never a host permission.
        expect(sorted(matches.filter((p) => allow.contentScripts.includes(p)))).toEqual(sorted(allow.contentScripts));
        for (const p of allow.contentScripts) expect((m.host_permissions ?? []).some((h) => covers(h, p))).toBe(false);
      });
    });
  }
});
