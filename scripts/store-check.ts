/**
 * The store packages, checked as a reviewer would open them: `wxt zip` (Chrome Web Store) and
 * `wxt zip -b firefox` (AMO, plus the sources zip AMO asks for).
 *
 *   node scripts/store-check.ts             zip both, then check them
 *   node scripts/store-check.ts --rebuild   also unpack the sources zip in a temp dir, `npm ci` + build
 *                                           there, and compare with the Firefox package file by file
 *
 * Checks: version = package.json; name/description are __MSG_ keys that resolve in en and vi; icons
 * 16/32/48/96/128 exist as PNGs of that size; no <all_urls>, no host permission beyond the Console at
 * install; content scripts only on the Console and on Google's sign-in error pages (no host permission
 * for accounts.google.com); Firefox gecko id, strict_min_version, data_collection_permissions; the sources zip holds what
 * rebuilds the package and nothing else (no tests, outputs, logs, profiles, keys, dotfiles).
 * Prints one line per check and `store-check: N passed, N failed`; exits 1 on a failure.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { CONSOLE_SCRIPT_LIMIT } from './size-budget.ts';

/** Reads a zip's entries (stored or deflated), enough for the packages WXT writes. */
export function readZip(file: string): Map<string, Buffer> {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    if (!name.endsWith('/')) out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const pngSize = (png: Buffer) =>
  png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
    : null;

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  version: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
}

const results: { name: string; ok: boolean; detail?: string }[] = [];
function check(name: string, ok: boolean, detail?: string) {
  results.push({ name, ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const CONSOLE = ['https://console.cloud.google.com/*', 'https://console.developers.google.com/*'];
/** The troubleshooter's content script: Google's OAuth error pages, nothing else of accounts.google.com. */
const SIGN_IN_ERROR = ['https://accounts.google.com/signin/oauth/error*'];
const ICON_SIZES = ['16', '32', '48', '96', '128'];

function checkPackage(label: string, zip: Map<string, Buffer>) {
  const manifestBytes = zip.get('manifest.json');
  check(`${label}: has manifest.json`, !!manifestBytes);
  if (!manifestBytes) return null;
  const m = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  check(`${label}: MV3`, m.manifest_version === 3, `manifest_version ${m.manifest_version}`);
  check(`${label}: version from package.json`, m.version === pkg.version, `${m.version} vs ${pkg.version}`);
  for (const lang of ['en', 'vi']) {
    const messages = zip.get(`_locales/${lang}/messages.json`);
    const parsed = messages ? (JSON.parse(messages.toString('utf8')) as Record<string, { message: string }>) : {};
    for (const field of ['name', 'description'] as const) {
      const key = /^__MSG_(\w+)__$/.exec(m[field])?.[1];
      const text = key ? parsed[key]?.message : undefined;
      check(`${label}: ${field} resolves in ${lang}`, !!text && text.length > 1, text);
      const limit = field === 'name' ? 45 : 132; // AMO's schema caps the name at 45; CWS the description at 132
      check(`${label}: ${field} ≤ ${limit} characters in ${lang}`, (text ?? '').length <= limit, `${(text ?? '').length}`);
    }
  }
  for (const size of ICON_SIZES) {
    const path = m.icons?.[size];
    const png = path ? zip.get(path) : undefined;
    const dims = png ? pngSize(png) : null;
    check(
      `${label}: icon ${size}`,
      dims?.width === Number(size) && dims.height === Number(size),
      path ? `${path} ${dims ? `${dims.width}×${dims.height}` : 'not a PNG'}` : 'missing',
    );
  }
  const all = [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
  check(`${label}: no <all_urls>`, !all.includes('<all_urls>'));
  check(
    `${label}: install-time hosts are the Console only`,
    JSON.stringify(m.host_permissions ?? []) === JSON.stringify(CONSOLE),
    (m.host_permissions ?? []).join(' '),
  );
  check(
    `${label}: API permissions as documented`,
    JSON.stringify(m.permissions ?? []) === JSON.stringify(['storage', 'activeTab', 'alarms', 'notifications', 'scripting']),
    (m.permissions ?? []).join(' '),
  );
  const scriptHosts = [...new Set((m.content_scripts ?? []).flatMap((c) => c.matches ?? []))].sort();
  check(
    `${label}: content scripts only on the Console and Google's sign-in error pages`,
    JSON.stringify(scriptHosts) === JSON.stringify([...SIGN_IN_ERROR, ...CONSOLE].sort()),
    scriptHosts.join(' '),
  );
  check(
    `${label}: no host permission for accounts.google.com`,
    !all.some((p) => p.includes('accounts.google.com')),
    all.filter((p) => p.includes('accounts.google.com')).join(' '),
  );
  checkConsoleScripts(label, m, zip);
  checkSuffixTable(label, zip);
  return m;
}

/**
 * The public suffix list is packaged once, as data (`psl.txt`, written by scripts/psl.ts), which the
 * background reads on first use: no JavaScript file carries it — tldts (whose table, `labelText`, once sat
 * in the popup and the background, three times each through the bundler's constant inlining) is the
 * tests' oracle only. The marker is the table's start, read from the installed tldts so that an update of
 * its data moves it along.
 */
function suffixTableMarker(): string | null {
  try {
    const trie = readFileSync(resolve('node_modules/tldts/dist/es6/src/data/trie.js'), 'utf8');
    return /labelText = "([a-z]{48})/.exec(trie)?.[1] ?? null;
  } catch {
    return null;
  }
}
function checkSuffixTable(label: string, zip: Map<string, Buffer>) {
  const marker = suffixTableMarker();
  const carriers = [...zip]
    .filter(([path]) => path.endsWith('.js'))
    .filter(([, bytes]) => marker !== null && bytes.toString('latin1').includes(marker))
    .map(([path]) => path);
  check(
    `${label}: the public suffix list in no bundle`,
    marker !== null && carriers.length === 0,
    marker === null
      ? 'the table was not found in node_modules/tldts (its layout changed: update suffixTableMarker)'
      : carriers.join('; '),
  );
  const list = zip.get('psl.txt');
  check(
    `${label}: the public suffix list packaged as data`,
    !!list && list.toString('utf8').includes('// ===BEGIN PRIVATE DOMAINS==='),
    list
      ? `psl.txt ${(list.length / 1024).toFixed(1)} KB raw, ${(gzipSync(list, { level: 9 }).length / 1024).toFixed(1)} KB gzip`
      : 'missing',
  );
}

/**
 * The Console content script (the loader's size goal, docs/console.md › How the assistant is
 * loaded): what the manifest injects on every Console page stays ≤ 25 KB raw (the limit is
 * scripts/size-budget.ts's, as in the size gate); the assistant is in the package but not in the manifest
 * (the background injects it on journey pages only).
 */
const ASSISTANT = 'console-assistant.js';
function checkConsoleScripts(label: string, m: Manifest, zip: Map<string, Buffer>) {
  const size = (path: string) => {
    const bytes = zip.get(path);
    return bytes ? { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length } : null;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const declared = (m.content_scripts ?? [])
    .filter((c) => c.matches?.some((p) => CONSOLE.includes(p)))
    .flatMap((c) => c.js ?? []);
  const sizes = declared.map((path) => ({ path, size: size(path) }));
  const raw = sizes.reduce((sum, s) => sum + (s.size?.raw ?? 0), 0);
  check(
    `${label}: Console content script ≤ ${CONSOLE_SCRIPT_LIMIT / 1024} KB raw`,
    sizes.length > 0 && sizes.every((s) => s.size) && raw <= CONSOLE_SCRIPT_LIMIT,
    sizes.map((s) => `${s.path} ${s.size ? `${kb(s.size.raw)} raw, ${kb(s.size.gzip)} gzip` : 'missing'}`).join('; '),
  );
  const assistant = size(ASSISTANT);
  check(
    `${label}: Console assistant packaged, not declared in the manifest`,
    !!assistant && !declared.includes(ASSISTANT),
    assistant ? `${ASSISTANT} ${kb(assistant.raw)} raw, ${kb(assistant.gzip)} gzip (injected on journey pages)` : 'missing',
  );
}

function zip(args: string[]) {
  const r = spawnSync(resolve('node_modules/.bin/wxt'), ['zip', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt zip ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Paths the sources zip must contain, and patterns it must never contain. */
const SOURCES_REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'];
const SOURCES_FORBIDDEN = [
  /^test\//,
  /^\.|\/\./, // dotfiles and dot-directories (.git, .env, .output, .wxt, .cache, .ci …)
  /node_modules\//,
  /(^|\/)(test-results|playwright-report|\.demo-profile|profile[^/]*)\//,
  /\.(log|pem|key|p12|crt|zip)$/,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
];

function main() {
  zip([]);
  zip(['-b', 'firefox']);
  const out = '.output';
  const chromeZip = join(out, `${pkg.name}-${pkg.version}-chrome.zip`);
  const firefoxZip = join(out, `${pkg.name}-${pkg.version}-firefox.zip`);
  const sourcesZip = join(out, `${pkg.name}-${pkg.version}-sources.zip`);

  checkPackage('chrome', readZip(chromeZip));
  const firefox = readZip(firefoxZip);
  const fm = checkPackage('firefox', firefox);
  const gecko = fm?.browser_specific_settings?.gecko;
  check('firefox: gecko id', !!gecko?.id, gecko?.id);
  check('firefox: strict_min_version 140.0', gecko?.strict_min_version === '140.0', gecko?.strict_min_version);
  check(
    'firefox: data_collection_permissions required none',
    JSON.stringify(gecko?.data_collection_permissions?.required) === '["none"]',
  );

  const sources = [...readZip(sourcesZip).keys()].sort();
  console.log(`sources zip: ${sources.length} files`);
  for (const required of SOURCES_REQUIRED) check(`sources: has ${required}`, sources.includes(required));
  for (const dir of ['entrypoints/', 'components/', 'lib/', 'locales/', 'public/icon/']) {
    check(
      `sources: has ${dir}`,
      sources.some((s) => s.startsWith(dir)),
    );
  }
  const bad = sources.filter((s) => SOURCES_FORBIDDEN.some((re) => re.test(s)));
  check('sources: no tests, outputs, logs, profiles, keys or dotfiles', bad.length === 0, bad.join(', '));
  for (const s of sources) console.log(`     ${s}`);

  if (process.argv.includes('--rebuild')) rebuild(sourcesZip, firefox);

  const failed = results.filter((r) => !r.ok).length;
  console.log(`store-check: ${results.length - failed} passed, ${failed} failed`);
  // exitCode, not exit(): a pipe may still hold the last lines (it shrinks to a page under load), and exit() drops them.
  process.exitCode = failed ? 1 : 0;
}

/** What an AMO reviewer does: build from the sources zip alone and compare with the package. */
function rebuild(sourcesZip: string, firefox: Map<string, Buffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'amo-rebuild-'));
  try {
    for (const [name, data] of readZip(sourcesZip)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: 'inherit' });
    const ci = run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    check('rebuild: npm ci from the sources zip', ci.status === 0);
    const build = run(join(dir, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox']);
    check('rebuild: wxt build -b firefox from the sources zip', build.status === 0);
    const built = join(dir, '.output/firefox-mv3');
    const files = (d: string, base = d): string[] =>
      readdirSync(d).flatMap((n) =>
        statSync(join(d, n)).isDirectory() ? files(join(d, n), base) : [join(d, n).slice(base.length + 1)],
      );
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const rebuilt = new Map(files(built).map((f) => [f, hash(readFileSync(join(built, f)))]));
    const differ = [...firefox.keys()].filter((f) => rebuilt.get(f) !== hash(firefox.get(f) ?? Buffer.alloc(0)));
    const extra = [...rebuilt.keys()].filter((f) => !firefox.has(f));
    check(
      'rebuild: identical to the Firefox package',
      differ.length === 0 && extra.length === 0,
      [...differ, ...extra].join(', '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
