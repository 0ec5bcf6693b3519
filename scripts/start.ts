/**
 * `npm start`: builds the extension, starts the bundled demo, and launches Debian's Chromium with the
 * extension loaded and the demo open. Installs Chromium (and openssl) with apt when missing (as root,
 * or through sudo).
 *
 * By default the demo includes Google's side (scripts/demo.ts): the fake Odoo at https://acme.odoo.com,
 * the REPLICA Console at https://console.cloud.google.com and the STAND-IN consent page at
 * https://accounts.google.com — in the launched Chromium only, offline, no Google account. The whole
 * journey can be watched in one command. Why it is the default: the bundled Odoo is a fake whose
 * server exchanges Google's code at the fake's own token endpoint, so a real Google account can never
 * finish the journey against it.
 *
 * Options: --version 17.0 | 15.0 | 16.0 | 18.0 | 19.0 | saas~17.4   (demo Odoo version)
 *          --edition community | enterprise
 *          --port 8069                       (the fake Odoo itself, on 127.0.0.1)
 *          --gmail odoo.sender@gmail.com     (the demo Gmail address)
 *          --demo-google                     (the default, named for clarity)
 *          --real-google                     (the Odoo side only, at http://127.0.0.1:8069; the real Console)
 *          --no-browser                      (only build and serve the demo)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type FakeOdoo, startFakeOdoo } from '../test/fake-odoo/server.ts';
import { CHROMIUM as CHROMIUM_PACKAGE, ensureDebianPackages } from './debian-packages.ts';
import { DEMO_GMAIL, type Demo, OPENSSL, startDemo } from './demo.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: '17.0' },
    edition: { type: 'string', default: 'community' },
    port: { type: 'string', default: '8069' },
    gmail: { type: 'string', default: DEMO_GMAIL },
    'demo-google': { type: 'boolean', default: false },
    'real-google': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});
if (values['demo-google'] && values['real-google']) {
  console.error('--demo-google and --real-google exclude each other.');
  process.exit(2);
}
const demoGoogle = !values['real-google'];
const edition = values.edition === 'enterprise' ? 'enterprise' : 'community';

const CHROMIUM = CHROMIUM_PACKAGE.file;
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const wantsBrowser = !values['no-browser'] && hasDisplay;
// Asked before the build, so that apt's questions (sudo) come first.
const browserReady = wantsBrowser && ensureDebianPackages([CHROMIUM_PACKAGE]);
if (demoGoogle && !ensureDebianPackages([OPENSSL])) {
  console.error('The demo of the Google side needs openssl for its throw-away certificate (or run with --real-google).');
  process.exit(1);
}

console.log('Building the extension (wxt build)…');
if (spawnSync(resolve('node_modules/.bin/wxt'), ['build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const extension = resolve('.output/chrome-mv3');

let demo: Demo | undefined;
let odoo: FakeOdoo;
/** Where the browser opens, and its extra flags. */
let start: string;
let browserArgs: string[] = [];
/** Chromium's profile: a fresh one per run for the demo (removed at the end), `.demo-profile` otherwise. */
let profile: string | undefined;
if (demoGoogle) {
  demo = await startDemo({ version: values.version, edition, odooPort: Number(values.port), gmail: values.gmail });
  odoo = demo.odoo;
  start = `${demo.odooOrigin}/web/login`;
  browserArgs = demo.chromiumArgs;
  const at = `https://127.0.0.1:${demo.tlsPort}`;
  console.log(`
Demo with Google's side — no Google account, nothing leaves this machine. These names are answered by a
local server (${at}, a throw-away certificate), only in a Chromium started with the demo's flags:
  ${demo.odooOrigin}             the demo Odoo ${values.version} (${values.edition}), database "demo": sign in as admin / admin
                                    (the fake Odoo in proxy mode at ${odoo.origin}, behind a TLS front)
  https://console.cloud.google.com  a REPLICA of the Google Cloud Console (test/fixtures/console/), not Google
  https://accounts.google.com       a STAND-IN for Google's consent page, signed in as ${demo.gmail}
Google's token endpoint is the same stand-in, inside the demo Odoo.`);
} else {
  odoo = await startFakeOdoo({ port: Number(values.port), version: values.version, edition, db: 'demo' });
  start = `${odoo.origin}/web/login`;
  profile = resolve('.demo-profile');
  console.log(`\nDemo Odoo ${values.version} (${values.edition}) at ${odoo.origin} — database "demo", sign in as admin / admin.`);
  console.log('The Console and Google are the real ones (--real-google): the last step cannot succeed with the demo Odoo.');
}

const stop = async () => {
  await (demo ? demo.stop() : odoo.stop());
  if (demo && profile) rmSync(profile, { recursive: true, force: true });
};

if (!browserReady) {
  console.log(`\nLoad the extension by hand: chrome://extensions › Developer mode › Load unpacked › ${extension}`);
  if (demo) {
    // The flags apply to the whole browser: a profile of its own, not the person's everyday one.
    console.log('Or start a Chromium of its own with the extension and the demo at the real addresses:');
    const args = ['--user-data-dir=$(mktemp -d)', `'--load-extension=${extension}'`, ...browserArgs.map((a) => `'${a}'`), start];
    console.log(`  chromium ${args.join(' ')}`);
  }
  if (!hasDisplay && !values['no-browser']) console.log('(No display found, so no browser was started.)');
  console.log('Press Ctrl+C to stop the demo.');
} else {
  // The demo's: a fresh profile per run — the fake Odoo and the replica's "Google" start empty each time.
  if (profile) mkdirSync(profile, { recursive: true });
  else profile = mkdtempSync(join(tmpdir(), 'gmail-odoo-demo-profile-'));
  const browser = spawn(
    CHROMIUM,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--no-default-browser-check',
      ...browserArgs,
      // Chromium refuses to start as root with its sandbox (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      start,
    ],
    { stdio: 'ignore' },
  );
  console.log(
    '\nChromium is open with the extension. Sign in to the demo Odoo, then click the extension icon (puzzle piece › Gmail for Odoo).',
  );
  if (demo) {
    console.log(
      "Then: Connect to Odoo (Allow), Set up Google Cloud for Odoo, tick Google's User Data Policy box when asked, then choose the account and Allow on Google's page.",
    );
  }
  console.log('Close Chromium or press Ctrl+C to stop.');
  browser.on('exit', async () => {
    await stop();
    process.exit(0);
  });
}
process.on('SIGINT', async () => {
  await stop();
  process.exit(0);
});
