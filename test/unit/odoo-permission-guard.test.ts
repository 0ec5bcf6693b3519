/**
 * Firefox (MV3) lets the person revoke the Odoo origin at any time, so every path that calls Odoo must
 * check `permissions.contains` first (docs/firefox.md). A static guard for code added later: a module
 * outside lib/odoo/ that imports and calls the Odoo client (jsonRpc, callKw, probeOdoo, the web.base.url
 * read and write) must also call hasOriginPermission (lib/background/odoo-connection.ts). The behaviour
 * itself is tested in background.test.ts and in real Firefox (test/firefox/popup.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A value import of the client's calls (not `import type`). */
const IMPORTS_CLIENT =
  /import\s+\{[^}]*\b(jsonRpc|callKw|probeOdoo|readBaseUrl|setFrozenBaseUrl)\b[^}]*\}\s+from\s+'[^']*odoo\/(rpc|probe|base-url)'/;
const CALLS_ODOO = /\b(jsonRpc|callKw|probeOdoo|readBaseUrl|setFrozenBaseUrl)\s*\(/;
const CHECKS = /\bhasOriginPermission\s*\(/;

describe('every Odoo-calling path checks the origin permission', () => {
  const callers = [...files('lib'), ...files('entrypoints'), ...files('components')]
    .filter((f) => !f.startsWith(join('lib', 'odoo')))
    .filter((f) => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return IMPORTS_CLIENT.test(code) && CALLS_ODOO.test(code);
    });

  it('finds the callers (the guard is not vacuous)', () => {
    expect(callers).toContain(join('lib', 'background', 'odoo-connection.ts'));
    expect(callers).toContain(join('lib', 'background', 'troubleshoot.ts'));
  });

  it.each(callers.map((f) => [f]))('%s checks hasOriginPermission', (file) => {
    expect(readFileSync(file, 'utf8')).toMatch(CHECKS);
  });
});
