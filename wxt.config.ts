import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONSOLE_MATCHES } from './lib/console/matches';

// Hosts the extension reads without asking: the Google Cloud Console, where its content script guides the user.
// Every Odoo origin is asked for at runtime, at a user click (optional_host_permissions).
// (Defined in lib/console/matches.ts so that the content script can import it without this file.)
export { CONSOLE_MATCHES };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Firefox too is built as MV3 (WXT would default it to MV2): README › Firefox explains why.
  manifestVersion: 3,
  // The sources zip AMO asks for (`wxt zip -b firefox`): an allowlist of what rebuilds the package, so
  // test outputs, logs, browser profiles and keys can never land in it. README › Store packages.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'locales/**',
      'public/**',
      'scripts/icons.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
    excludeSources: ['**/*.log', '**/*.pem', '**/*.key', '**/*.p12', '**/.env*'],
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The Console content script (entrypoints/console.content) must stay small: its `wxt/browser` is the
    // native namespace instead of webextension-polyfill (lib/console/browser-shim.ts). Only that entrypoint:
    // every other one (other content scripts included) keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' && e.name === 'console')) return;
      const alias = config.resolve?.alias ?? [];
      const rest = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      const shim = resolve(import.meta.dirname, 'lib/console/browser-shim.ts');
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: shim }, ...rest] };
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
    permissions: ['storage', 'activeTab', 'alarms', 'notifications'],
    host_permissions: [...CONSOLE_MATCHES],
    // Any Odoo: Odoo Online, odoo.sh, a custom domain, an on-premise install on http://localhost:8069.
    // Nothing here is granted at install; the popup asks for exactly one origin when the user clicks "Connect to Odoo".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'odoo-gmail-oauth@assistant.example',
          // 140: data_collection_permissions (140) ⊇ optional_host_permissions (128), AbortSignal.any (124),
          // storage.session (115). The full list is in README › Firefox.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
