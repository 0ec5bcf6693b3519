/**
 * The protocol table (lib/protocol.ts) at run time: every declared message has its handler, the background
 * listens for each at start-up behind the sender and payload checks, and the content scripts, which import
 * the protocol's types only, never load the table (or zod). The compile-time half — a missing or extra
 * handler does not compile — is protocol.test-d.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers, startBackground } from '@/lib/background';
import { STEP_PARTS } from '@/lib/console/groups/pages';
import { removeAllListeners } from '@/lib/messaging';
import { type MessageName, protocol, type SenderKind } from '@/lib/protocol';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const SIGN_IN_TAB = {
  id: 'test-extension-id',
  url: 'https://accounts.google.com/signin/oauth/error?authError=x',
  tab: { id: 9, url: 'https://accounts.google.com/signin/oauth/error?authError=x' },
  frameId: 0,
};
const SENDER: Record<SenderKind, object> = { extensionPage: POPUP, consoleContent: CONSOLE_TAB, signInContent: SIGN_IN_TAB };
const NAMES = Object.keys(protocol) as MessageName[];

describe('the protocol table', () => {
  beforeEach(() => {
    installPermissions();
    startBackground();
  });
  afterEach(() => removeAllListeners());

  it('has one handler for each declared message, and none for anything else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('%s is routed at start-up: a stranger is refused before its payload is read', async (name) => {
    expect(await sendAs({}, name, {})).toEqual({ ok: false, error: { key: 'err.sender' } });
  });

  it.each(NAMES)('%s is routed at start-up: its payload is parsed with its own schema', async (name) => {
    const from = protocol[name].from[0] as SenderKind;
    expect(await sendAs(SENDER[from], name, null)).toEqual({ ok: false, error: { key: 'err.payload', params: { name } } });
  });

  it('nothing answers a message the table does not declare', async () => {
    expect(await sendAs(POPUP, 'deleteEverything', {})).toBeUndefined();
  });
});

/** The scripts that run in Google's pages or Odoo's: built without zod, for their size (wxt.config.ts). */
const PAGE_SCRIPTS = [
  'entrypoints/console.content/index.ts',
  'entrypoints/console-assistant.ts',
  'entrypoints/console-report.ts',
  ...STEP_PARTS.map((part) => `entrypoints/console-${part}.ts`),
  'entrypoints/signin-error.content/index.ts',
  'entrypoints/diagnosis-panel.ts',
];
/** `import … from '…'` and `export … from '…'`, except `import type` / `export type` (erased from the bundle). */
const VALUE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

function resolveModule(from: string, spec: string): string | null {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return null;
  const base = spec.startsWith('@/') ? resolve(spec.slice(2)) : resolve(dirname(from), spec);
  for (const file of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    try {
      if (readFileSync(file) && /\.tsx?$/.test(file)) return file;
    } catch {}
  }
  return null;
}

/** Every module and package a script loads at run time, following value imports only. */
function loadedBy(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const next = resolveModule(file, spec);
      if (next) visit(next);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec);
    }
  };
  visit(resolve(entry));
  return { modules, packages };
}

describe('the content scripts import the protocol as types only', () => {
  it.each(PAGE_SCRIPTS)('%s loads neither the table nor zod', (entry) => {
    const { modules, packages } = loadedBy(entry);
    expect(modules.size).toBeGreaterThan(1);
    expect(modules).not.toContain(resolve('lib/protocol.ts'));
    expect([...packages].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
  });

  it('the import scan sees what the background loads', () => {
    const { modules, packages } = loadedBy('entrypoints/background.ts');
    expect(modules).toContain(resolve('lib/protocol.ts'));
    expect(packages).toContain('zod/mini');
  });
});
