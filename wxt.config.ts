import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { STEP_PARTS } from './lib/console/groups/pages';
import { CONSOLE_MATCHES } from './lib/console/matches';
import { inlineCss } from './scripts/inline-css';
import { kitImports } from './scripts/kit-imports';

// Hosts the extension reads without asking: the Google Cloud Console, where its content script guides the user.
// Every Odoo origin is asked for at runtime, at a user click (optional_host_permissions).
// (Defined in lib/console/matches.ts so that the content script can import it without this file.)
export { CONSOLE_MATCHES };

/**
 * The Console loader (content script), the assistant the background injects (unlisted script), and the
 * troubleshooter's two page scripts: the content script on Google's sign-in error pages and
 * the panel the background injects into Odoo's /google_gmail/confirm page. All four only need
 * `runtime` and `i18n`, which both browsers provide natively.
 */
const CONSOLE_SCRIPTS = [
  'console',
  'console-assistant',
  'console-report',
  ...STEP_PARTS.map((part) => `console-${part}`),
  'signin-error',
  'diagnosis-panel',
];
/** The assistant's parts (lib/console/kit.ts): they use the core's engine instead of bundling a copy (scripts/kit-imports.ts). */
const isConsolePart = (name: string) => name === 'console-report' || name.startsWith('console-step-');

export default defineConfig({
  // No webextension-polyfill: `wxt/browser` is the browser's own namespace in every bundle, whose calls return
  // promises in Chrome's MV3 and Firefox alike (toolchain.md §12) — 9.6 KB less for the service worker to
  // compile at each wake, and for the popup to load.
  modules: ['@wxt-dev/i18n/module'],
  // Firefox too is built as MV3 (WXT would default it to MV2): docs/firefox.md explains why.
  manifestVersion: 3,
  // The sources zip AMO asks for (`wxt zip -b firefox`): an allowlist of what rebuilds the package, so
  // test outputs, logs, browser profiles and keys can never land in it. docs/store-listing.md › Store packages.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'locales/**',
      'public/**',
      'scripts/icons.ts',
      'scripts/psl.ts',
      'scripts/kit-imports.ts',
      'scripts/inline-css.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
    excludeSources: ['**/*.log', '**/*.pem', '**/*.key', '**/*.p12', '**/.env*'],
  },
  vite: () => ({ plugins: [preact(), inlineCss()] }),
  hooks: {
    // The Console content script (entrypoints/console.content, the loader) must stay small, and so should
    // the assistant it has injected (entrypoints/console-assistant.ts): their `wxt/browser` is
    // lib/console/browser-shim.ts, the same expression as WXT's typed only for what they use.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => CONSOLE_SCRIPTS.includes(e.name) && e.type !== 'background')) {
        // The popup and the background: Rolldown's default constant inlining copies a large exported string
        // into each of its use sites, too far apart for gzip to fold (it once tripled tldts' public-suffix
        // table in both bundles, ≈ 65 KB gzip each; the list is now data, public/psl.txt). Off here, a shared
        // constant stays one; the Console scripts keep the default (there it only saves bytes).
        const rolldown = config.build?.rolldownOptions ?? {};
        config.build = {
          ...config.build,
          rolldownOptions: { ...rolldown, optimization: { ...rolldown.optimization, inlineConst: false } },
        };
        return;
      }
      const alias = config.resolve?.alias ?? [];
      const rest = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      const shim = resolve(import.meta.dirname, 'lib/console/browser-shim.ts');
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: shim }, ...rest] };
      if (entrypoints.every((e) => isConsolePart(e.name)))
        config.plugins = [kitImports(import.meta.dirname), ...(config.plugins ?? [])];
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT takes the popup's <title> as the toolbar tooltip; use the localized name instead.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
      // Test build only (`--mode e2e`): Chromium's permission prompt cannot be answered by a test
      // driver, so the fake Odoo's loopback host is granted up front — the stand-in for a runtime grant
      // that fregante/webext-dynamic-content-scripts' tests use. permissions.request() then resolves
      // without a prompt and the same code path runs. Production builds never contain it.
      // Firefox tests need no such grant: the pref extensions.webextOptionalPermissionPrompts=false lets
      // the real permissions.request() grant the origin (test/firefox/harness.ts).
      if (wxt.config.mode === 'e2e' && wxt.config.browser !== 'firefox')
        manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the Console assistant is injected only on the pages of the journey (docs/store-listing.md › Permissions).
    permissions: ['storage', 'activeTab', 'alarms', 'notifications', 'scripting'],
    host_permissions: [...CONSOLE_MATCHES],
    // Any Odoo: Odoo Online, odoo.sh, a custom domain, an on-premise install on http://localhost:8069.
    // Nothing here is granted at install; the popup asks for exactly one origin when the user clicks "Connect to Odoo".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'odoo-gmail-oauth@assistant.example',
          // 140: data_collection_permissions (140) ⊇ optional_host_permissions (128), AbortSignal.any (124),
          // storage.session (115). The full list is in docs/firefox.md.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
