/**
 * `npm start`: builds the extension, starts the bundled demo Odoo on http://127.0.0.1:8069 (sign in
 * as admin / admin), and launches Debian's Chromium with the extension loaded and the demo open.
 * Installs Chromium with apt when it is missing (as root, or through sudo).
 *
 * Options: --version 17.0 | 15.0 | 16.0 | 18.0 | 19.0 | saas~17.4   (demo Odoo version)
 *          --edition community | enterprise
 *          --no-browser                                             (only build and serve the demo)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeOdoo } from '../test/fake-odoo/server.ts';
import { CHROMIUM as CHROMIUM_PACKAGE, ensureDebianPackages } from './debian-packages.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: '17.0' },
    edition: { type: 'string', default: 'community' },
    port: { type: 'string', default: '8069' },
    'no-browser': { type: 'boolean', default: false },
  },
});

const CHROMIUM = CHROMIUM_PACKAGE.file;
const ensureChromium = () => ensureDebianPackages([CHROMIUM_PACKAGE]);

console.log('Building the extension (wxt build)…');
if (spawnSync(resolve('node_modules/.bin/wxt'), ['build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const extension = resolve('.output/chrome-mv3');

const odoo = await startFakeOdoo({
  port: Number(values.port),
  version: values.version,
  edition: values.edition === 'enterprise' ? 'enterprise' : 'community',
  db: 'demo',
});
console.log(`\nDemo Odoo ${values.version} (${values.edition}) at ${odoo.origin} — database "demo", sign in as admin / admin.`);

const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (values['no-browser'] || !hasDisplay || !ensureChromium()) {
  console.log(`\nLoad the extension by hand: chrome://extensions › Developer mode › Load unpacked › ${extension}`);
  if (!hasDisplay && !values['no-browser']) console.log('(No display found, so no browser was started.)');
  console.log('Press Ctrl+C to stop the demo Odoo.');
} else {
  const profile = resolve('.demo-profile');
  mkdirSync(profile, { recursive: true });
  const browser = spawn(
    CHROMIUM,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root with its sandbox (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `${odoo.origin}/web/login`,
    ],
    { stdio: 'ignore' },
  );
  console.log(
    '\nChromium is open with the extension. Sign in to the demo Odoo, then click the extension icon (puzzle piece › Gmail for Odoo).',
  );
  console.log('Close Chromium or press Ctrl+C to stop.');
  browser.on('exit', async () => {
    await odoo.stop();
    process.exit(0);
  });
}
process.on('SIGINT', async () => {
  await odoo.stop();
  process.exit(0);
});
