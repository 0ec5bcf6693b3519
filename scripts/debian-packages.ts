/**
 * The browsers the tests and the demo drive are Debian's (`chromium`, `firefox-esr`, its Vietnamese
 * language pack): tools that download their own browser cannot work on these machines. Missing ones
 * are installed with apt-get, as root or through sudo, so that `npm start` and `npm test` work on a
 * fresh machine with nothing installed by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface DebianPackage {
  /** The apt package. */
  name: string;
  /** A file the package installs: present means installed. */
  file: string;
}

export const CHROMIUM: DebianPackage = { name: 'chromium', file: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
export const FIREFOX: DebianPackage = { name: 'firefox-esr', file: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' };
/** Firefox in Vietnamese (test/firefox/locale.test.ts). */
export const FIREFOX_VI: DebianPackage = {
  name: 'firefox-esr-l10n-vi',
  file: '/usr/lib/firefox-esr/browser/extensions/langpack-vi@firefox-esr.mozilla.org.xpi',
};

/** Installs what is missing; true when every package is there afterwards. Says what it does and why it cannot. */
export function ensureDebianPackages(packages: DebianPackage[]): boolean {
  const missing = packages.filter((p) => !existsSync(p.file));
  if (!missing.length) return true;
  const names = missing.map((p) => p.name);
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!aptGet || (!root && !sudo)) {
    console.error(`Missing Debian packages: ${names.join(' ')}. Install them with: apt-get install -y ${names.join(' ')}`);
    return false;
  }
  console.log(`Installing Debian packages: ${names.join(' ')} (apt-get install -y)…`);
  const prefix = root ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...names],
  ]) {
    const [cmd, ...rest] = [...prefix, ...args];
    if (!cmd || spawnSync(cmd, rest, { stdio: 'inherit', env }).status !== 0) return false;
  }
  return missing.every((p) => existsSync(p.file));
}
