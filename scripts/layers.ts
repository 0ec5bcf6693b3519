/**
 * The layers check (`npm test -- layers`): the dependency rules of docs/architecture.md › Layers, on
 * the extension's own code (lib/, components/, entrypoints/).
 *
 *   node scripts/layers.ts          prints every broken rule and the import cycles; exits 1 on any
 *
 * Biome's `noRestrictedImports` matches an import's text, not its kind, so it cannot say "types only";
 * this script reads each file with Vite's parser (oxc), which tells `import type` from a value import.
 * A value import is anything the bundle keeps: with `verbatimModuleSyntax`, `import { type A } from`
 * still loads the module, so only `import type` / `export type` count as types. Cycles count type imports
 * too (a cycle of types is still two modules that cannot be understood one without the other); Biome's
 * `noImportCycles` (biome.json, `ignoreTypes: false`) says the same in the editor.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';
import { STEP_PARTS } from '../lib/console/groups/pages.ts';

/** One import of one file: `to` is a path relative to the root (a module of ours) or a package name. */
export interface Edge {
  from: string;
  to: string;
  /** The specifier as written (`'zod/mini'`, `'../odoo/rpc'`): `to` keeps only a package's name. */
  spec: string;
  /** false for `import type` / `export type`: erased, never in a bundle. */
  value: boolean;
}

export interface Rule {
  name: string;
  /** Why the rule exists, printed with each violation. */
  why: string;
  /** The edges it forbids (only direct imports unless `bundle` is set). */
  forbids: (edge: Edge) => boolean;
  /** Checked on everything a page entrypoint loads, following value imports: the bundle itself. */
  bundle?: { entries: (file: string) => boolean; forbids: (module: string) => boolean };
}

const SOURCES = ['lib', 'components', 'entrypoints'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

const under = (file: string, ...dirs: string[]) => dirs.some((d) => file === d || file.startsWith(`${d}/`));
/** Shared leaf modules every folder may use: text, URL parsing, zod's configuration. */
export const LEAVES = ['lib/i18n.ts', 'lib/url.ts', 'lib/zod-config.ts'];
const ours = (to: string) => under(to, ...SOURCES);

/** Code that runs in someone else's page: the Console loader and assistant, the troubleshooter's two panels. */
export const PAGE_SCRIPTS = [
  'lib/console',
  'lib/ui',
  'entrypoints/console.content',
  'entrypoints/console-assistant.ts',
  'entrypoints/console-report.ts',
  ...STEP_PARTS.map((part) => `entrypoints/console-${part}.ts`),
  'entrypoints/signin-error.content',
  'entrypoints/diagnosis-panel.ts',
];
const PAGE_ENTRIES = PAGE_SCRIPTS.filter((p) => p.startsWith('entrypoints/'));
/** What only the background may load: its handlers, the protocol's zod tables, the Odoo client. */
const BACKGROUND_ONLY = ['lib/protocol.ts', 'lib/background', 'lib/odoo'];

/**
 * The public suffix list is data the background reads on first use (public/psl.txt, lib/background/public-suffix.ts):
 * no module imports tldts (the tests' oracle only, a dev dependency), and the popup's bundle holds neither the
 * lookup nor the list — it reads the facts the background stored (lib/state/host-facts.ts).
 */
const PUBLIC_SUFFIX_LOOKUP = ['lib/google/suffix-list.ts', 'lib/background/public-suffix.ts', 'lib/background/psl-file.ts'];
const isTldts = (to: string) => to === 'tldts' || to.startsWith('tldts-');
const PUBLIC_SUFFIX_RULE: Rule = {
  name: 'public-suffix-list-in-background',
  why: "the public suffix list is read by the background on first use (public/psl.txt); tldts is only the tests' oracle, and the popup reads the facts the background stored",
  forbids: (e) => isTldts(e.to),
  bundle: {
    entries: (file) => under(file, 'entrypoints/popup'),
    forbids: (module) => isTldts(module) || PUBLIC_SUFFIX_LOOKUP.includes(module),
  },
};

export const RULES: Rule[] = [
  {
    name: 'odoo-google-self-contained',
    why: "lib/odoo and lib/google are the two sites' rules: they import their own folder and the shared leaves only",
    forbids: (e) => {
      const folder = under(e.from, 'lib/odoo') ? 'lib/odoo' : under(e.from, 'lib/google') ? 'lib/google' : null;
      return !!folder && ours(e.to) && !under(e.to, folder) && !LEAVES.includes(e.to);
    },
  },
  {
    name: 'odoo-transport-private',
    why: "the transport (rpc.ts: callKw, jsonRpc; call.ts) is lib/odoo's own: elsewhere, call the client's named functions, which send its en_US context",
    forbids: (e) => !under(e.from, 'lib/odoo') && (e.to === 'lib/odoo/rpc.ts' || e.to === 'lib/odoo/call.ts'),
  },
  {
    name: 'page-scripts-types-only',
    why: 'a page script takes types only from the protocol, the background and lib/odoo (the page bundle must not load zod)',
    forbids: (e) => e.value && under(e.from, ...PAGE_SCRIPTS) && under(e.to, ...BACKGROUND_ONLY),
    bundle: {
      entries: (file) => under(file, ...PAGE_ENTRIES),
      forbids: (module) => under(module, ...BACKGROUND_ONLY),
    },
  },
  {
    name: 'page-bundles-no-zod',
    why: 'the page bundles carry no zod: the background validates what they send',
    forbids: () => false,
    bundle: { entries: (file) => under(file, ...PAGE_ENTRIES), forbids: (module) => module === 'zod' },
  },
  {
    name: 'zod-mini-only',
    why: "zod only as 'zod/mini' (`import * as z from 'zod/mini'`): classic zod gives every schema every method, JSON Schema included, which no bundle can shake off (about 15 KB gzip per bundle)",
    forbids: (e) => e.to === 'zod' && e.spec !== 'zod/mini',
  },
  {
    name: 'popup-no-background-values',
    why: 'the popup asks the background by message; it takes types only from lib/background',
    forbids: (e) => e.value && under(e.from, 'components', 'entrypoints/popup') && under(e.to, 'lib/background'),
  },
  PUBLIC_SUFFIX_RULE,
];

function sourceFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A specifier as a file of ours (relative to the root), or the package it names. */
function resolveSpecifier(root: string, from: string, spec: string): string {
  const alias = /^(@@?|~~?)\//.exec(spec);
  const base = spec.startsWith('.') ? join(dirname(from), spec) : alias ? spec.slice(alias[0].length) : null;
  if (base === null) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
  for (const ext of ['', ...EXTENSIONS]) {
    const candidate = `${base}${ext}`;
    if (/\.tsx?$/.test(candidate) && existsSync(join(root, candidate))) return candidate.split('\\').join('/');
  }
  return base;
}

interface AstNode {
  type?: string;
  importKind?: string;
  exportKind?: string;
  source?: { value?: unknown } | null;
  [key: string]: unknown;
}

/** Every import of one file: declarations, re-exports, and `import()`. */
export function importsOf(root: string, file: string): Edge[] {
  const code = readFileSync(join(root, file), 'utf8');
  const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as AstNode;
  const edges: Edge[] = [];
  const add = (spec: unknown, value: boolean) => {
    if (typeof spec === 'string') edges.push({ from: file, to: resolveSpecifier(root, file, spec), spec, value });
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'ImportDeclaration') add(n.source?.value, n.importKind !== 'type');
    else if (n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') {
      if (n.source) add(n.source.value, n.exportKind !== 'type');
    } else if (n.type === 'ImportExpression')
      add(n.source && (n.source as AstNode).type === 'Literal' ? n.source.value : null, true);
    for (const [key, child] of Object.entries(n)) if (key !== 'source' && typeof child === 'object') walk(child);
  };
  walk(ast);
  return edges;
}

export interface Report {
  files: number;
  violations: string[];
  /** Each cycle as its modules, in import order. */
  cycles: string[][];
}

/** Strongly connected components with more than one module (or a module importing itself). */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
    }
    if (low.get(v) !== indices.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.reverse());
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return cycles;
}

export function checkLayers(root: string, rules: Rule[] = RULES): Report {
  const files = SOURCES.flatMap((dir) => sourceFiles(root, dir));
  const edges = files.flatMap((f) => importsOf(root, f));
  const violations: string[] = [];
  for (const rule of rules) {
    for (const e of edges) {
      if (rule.forbids(e))
        violations.push(
          `${rule.name}: ${e.from} imports ${e.value ? '' : 'the types of '}${ours(e.to) ? e.to : e.spec} — ${rule.why}`,
        );
    }
    if (!rule.bundle) continue;
    const { entries, forbids } = rule.bundle;
    for (const entry of files.filter(entries)) {
      // Breadth-first over value imports, keeping the first path to each module for the message.
      const via = new Map<string, string | null>([[entry, null]]);
      const queue = [entry];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const e of edges) {
          if (e.from !== next || !e.value || via.has(e.to)) continue;
          via.set(e.to, next);
          if (forbids(e.to)) {
            const path: string[] = [e.to];
            for (let p = via.get(e.to); p; p = via.get(p)) path.unshift(p);
            violations.push(`${rule.name}: the bundle of ${entry} loads ${e.to} (${path.join(' → ')}) — ${rule.why}`);
          } else if (ours(e.to)) queue.push(e.to);
        }
      }
    }
  }
  const graph = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (graph.has(e.to)) graph.get(e.from)?.push(e.to);
  const cycles = findCycles(graph);
  for (const c of cycles) violations.push(`no-cycles: ${[...c, c[0]].join(' → ')} — an import cycle (type imports count)`);
  return { files: files.length, violations, cycles };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const report = checkLayers(root);
  for (const v of report.violations) console.error(v);
  console.log(
    `layers: ${report.files} files, ${RULES.length + 1} rules, ${report.cycles.length} import cycles, ${report.violations.length} violations (${relative(process.cwd(), root) || '.'})`,
  );
  process.exitCode = report.violations.length === 0 ? 0 : 1; // not exit(): the lines still in the pipe would be lost
}
