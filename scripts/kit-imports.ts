/**
 * The build plugin of the Console assistant's parts (wxt.config.ts): in a part's bundle
 * (`/console-<part>.js`), an import of a module the core shares (lib/console/engine.ts `ENGINE`) becomes a
 * read of the core's copy on the content script's global, instead of a second copy of that module. What
 * the part owns (its steps, the field report) stays in its bundle. The core is always injected first
 * (lib/background/console-loader.ts); a part evaluated without it throws, and its injection is reported failed.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0console-engine:';
/** The one read of the core's engine in a part (each shared module's import reads its entry from it). */
const ROOT = '\0console-engine';
const engineSource = (root: string) => readFileSync(join(root, 'lib/console/engine.ts'), 'utf8');

/**
 * The engine's table, read from lib/console/engine.ts: each shared module's key (its path under lib/,
 * without extension) and the names the parts may import from it.
 */
export function engineTable(root: string): Map<string, string[]> {
  const source = engineSource(root);
  const table = source.slice(source.indexOf('export const ENGINE = {'));
  const entries = [...table.slice(0, table.indexOf('\n};')).matchAll(/'([\w/-]+)': \{([^}]*)\}/g)].map(
    (m): [string, string[]] => [
      m[1] ?? '',
      (m[2] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    ],
  );
  if (entries.length === 0) throw new Error('lib/console/engine.ts: no ENGINE entries found');
  return new Map(entries);
}

/** The global the core puts its engine on (`ENGINE_GLOBAL` in lib/console/engine.ts). */
export function engineGlobal(root: string): string {
  const found = /export const ENGINE_GLOBAL = '(\w+)';/.exec(engineSource(root));
  if (!found?.[1]) throw new Error('lib/console/engine.ts: no ENGINE_GLOBAL found');
  return found[1];
}

export function kitImports(root: string): Plugin {
  const table = engineTable(root);
  const global = engineGlobal(root);
  const lib = join(root, 'lib');
  return {
    name: 'console-kit-imports',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === ROOT) return ROOT;
      if (!importer || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      const key = relative(lib, resolved.id.split('?')[0] ?? '')
        .replaceAll('\\', '/')
        .replace(/\.ts$/, '');
      return table.has(key) ? `${PREFIX}${key}` : null;
    },
    load(id) {
      if (id === ROOT)
        return [
          `const engine = globalThis[${JSON.stringify(global)}];`,
          `if (!engine) throw new Error("the Console assistant's engine is not loaded");`,
          'export default engine;',
        ].join('\n');
      if (!id.startsWith(PREFIX)) return null;
      const key = id.slice(PREFIX.length);
      // Only the names the table lists: a part importing another one fails the build (a missing export). Each
      // name is its own read, marked pure, so a part's bundle keeps only the reads of the names it uses (one
      // destructuring of the module's entry kept them all: ~70 B gzip of unused reads in each part).
      const entry = `engine[${JSON.stringify(key)}]`;
      return [
        `import engine from ${JSON.stringify(ROOT)};`,
        ...(table.get(key) ?? []).map((name) => `export const ${name} = /* @__PURE__ */ (() => ${entry}.${name})();`),
      ].join('\n');
    },
  };
}
