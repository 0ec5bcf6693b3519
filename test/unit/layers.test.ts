/**
 * The layers check (scripts/layers.ts) on a small project of its own: each rule fires on the import it
 * forbids and stays quiet on the one it allows, so a rule cannot silently become a no-op. The last test
 * holds the extension itself to the rules (as `npm test -- layers` does).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers } from '../../scripts/layers.ts';

const root = mkdtempSync(join(tmpdir(), 'layers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, code] of Object.entries({
    'lib/i18n.ts': 'export const msg = (key: string) => key;\n',
    'lib/protocol.ts': "import * as z from 'zod/mini';\nexport const Payload = z.string();\nexport type Reply = string;\n",
    'lib/odoo/rpc.ts': 'export const callKw = () => 1;\n',
    'lib/odoo/client.ts':
      "import { msg } from '../i18n';\nimport { callKw } from './rpc';\nexport const read = () => msg(String(callKw()));\n",
    'lib/background/handlers.ts':
      "import { read } from '@/lib/odoo/client';\nexport type Handled = number;\nexport const handle = () => read();\n",
    'lib/setup/value.ts': 'export const value = 1;\n',
    ...files,
  })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), code);
  }
  return dir;
}

/** The rule names that fired, one per violation. */
const fired = (dir: string) => checkLayers(dir).violations.map((v) => v.split(':')[0]);

describe('the layers check', () => {
  it('passes a project that keeps every rule', () => {
    const dir = project('clean', {
      'lib/console/step.ts':
        "import type { Reply } from '../protocol';\nimport type { Handled } from '../background/handlers';\nexport type R = [Reply, Handled];\n",
      'components/Widget.tsx': "import type { Handled } from '@/lib/background/handlers';\nexport type W = Handled;\n",
      'entrypoints/console-assistant.ts': "import type { R } from '@/lib/console/step';\nexport type E = R;\n",
    });
    expect(checkLayers(dir)).toMatchObject({ violations: [], cycles: [] });
  });

  it('refuses a lib/odoo or lib/google module importing another lib folder (the shared leaves aside)', () => {
    const dir = project('leaky', {
      'lib/odoo/leaky.ts': "import { value } from '../setup/value';\nexport const v = value;\n",
      'lib/google/leaky.ts': "import type { Reply } from '../protocol';\nexport type G = Reply;\n",
    });
    expect(fired(dir)).toEqual(['odoo-google-self-contained', 'odoo-google-self-contained']);
  });

  it('refuses the transport outside lib/odoo, even for a type', () => {
    const dir = project('transport', {
      'lib/background/raw.ts': "import { callKw } from '../odoo/rpc';\nexport const raw = () => callKw();\n",
      'lib/setup/raw.ts': "import type { callKw } from '@/lib/odoo/rpc';\nexport type Raw = typeof callKw;\n",
    });
    expect(fired(dir)).toEqual(['odoo-transport-private', 'odoo-transport-private']);
  });

  it('refuses a value of the protocol, the background or lib/odoo in a page script — `import { type X }` included', () => {
    const dir = project('page', {
      'lib/console/inline.ts': "import { type Reply } from '../protocol';\nexport type I = Reply;\n",
      'lib/ui/odoo.ts': "import { read } from '../odoo/client';\nexport const r = read;\n",
    });
    expect(fired(dir)).toEqual(['page-scripts-types-only', 'page-scripts-types-only']);
  });

  it('follows a page bundle through shared modules: what it loads, not only what it imports', () => {
    const dir = project('bundle', {
      'lib/common.ts': "import { Payload } from './protocol';\nexport const check = (v: unknown) => Payload.parse(v);\n",
      'lib/ui/panel.ts': "import { check } from '../common';\nexport const panel = check;\n",
      'entrypoints/diagnosis-panel.ts': "import { panel } from '@/lib/ui/panel';\nexport default panel;\n",
    });
    const { violations } = checkLayers(dir);
    expect(violations.map((v) => v.split(':')[0])).toEqual(['page-scripts-types-only', 'page-bundles-no-zod']);
    expect(violations[0]).toContain('entrypoints/diagnosis-panel.ts → lib/ui/panel.ts → lib/common.ts → lib/protocol.ts');
  });

  it("refuses classic zod in lib/, components/ and entrypoints/, even for a type: 'zod/mini' only", () => {
    const dir = project('classic-zod', {
      'lib/setup/schema.ts': "import { z } from 'zod';\nexport const Schema = z.string();\n",
      'components/Form.tsx': "import type { z } from 'zod';\nexport type Form = z.ZodType;\n",
      'entrypoints/popup/main.tsx': "import * as z from 'zod/v4';\nexport const main = z.string();\n",
      'lib/setup/mini.ts': "import * as z from 'zod/mini';\nexport const Mini = z.optional(z.string());\n",
    });
    expect(checkLayers(dir).violations).toEqual([
      expect.stringMatching(/^zod-mini-only: lib\/setup\/schema\.ts imports zod — /),
      expect.stringMatching(/^zod-mini-only: components\/Form\.tsx imports the types of zod — /),
      expect.stringMatching(/^zod-mini-only: entrypoints\/popup\/main\.tsx imports zod\/v4 — /),
    ]);
  });

  it("refuses a value of lib/background in the popup's components", () => {
    const dir = project('popup', {
      'components/Widget.tsx': "import { handle } from '../lib/background/handlers';\nexport const w = handle;\n",
      'entrypoints/popup/App.tsx': "import { handle } from '@/lib/background/handlers';\nexport const a = handle;\n",
    });
    expect(fired(dir)).toEqual(['popup-no-background-values', 'popup-no-background-values']);
  });

  it("refuses tldts anywhere, and the public suffix lookup in the popup's bundle", () => {
    const dir = project('psl', {
      'lib/google/suffix-list.ts': 'export const lookUp = (host: string) => host;\n',
      'lib/google/old-rules.ts': "import { getDomain } from 'tldts';\nexport const domain = getDomain;\n",
      'lib/setup/values.ts': "import { lookUp } from '../google/suffix-list';\nexport const values = lookUp;\n",
      'entrypoints/popup/App.tsx': "import { values } from '@/lib/setup/values';\nexport const a = values;\n",
      // The background may load it, and a popup module may take its types.
      'lib/background/facts.ts': "import { lookUp } from '../google/suffix-list';\nexport const facts = lookUp;\n",
      'entrypoints/popup/types.ts': "import type { lookUp } from '@/lib/google/suffix-list';\nexport type L = typeof lookUp;\n",
    });
    const { violations } = checkLayers(dir);
    expect(violations.map((v) => v.split(':')[0])).toEqual([
      'public-suffix-list-in-background',
      'public-suffix-list-in-background',
    ]);
    expect(violations[0]).toContain('lib/google/old-rules.ts imports tldts');
    expect(violations[1]).toContain('entrypoints/popup/App.tsx → lib/setup/values.ts → lib/google/suffix-list.ts');
  });

  it('refuses an import cycle, even one made of type imports only', () => {
    const dir = project('cycle', {
      'lib/setup/a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'lib/setup/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    });
    const report = checkLayers(dir);
    expect(report.cycles).toEqual([['lib/setup/a.ts', 'lib/setup/b.ts']]);
    expect(report.violations).toEqual([
      expect.stringMatching(/^no-cycles: lib\/setup\/a\.ts → lib\/setup\/b\.ts → lib\/setup\/a\.ts/),
    ]);
  });

  it("holds the extension's own code", () => {
    const report = checkLayers(process.cwd());
    expect(report.files).toBeGreaterThan(90);
    expect(report.violations).toEqual([]);
  });
});
