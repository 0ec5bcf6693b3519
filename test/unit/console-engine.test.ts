/**
 * The assistant's parts use the core's engine (lib/console/engine.ts) through the build plugin
 * scripts/kit-imports.ts: what the plugin reads from the sources must be what the core really shares,
 * or a part would read `undefined` where the core has a function.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { ENGINE, ENGINE_GLOBAL } from '@/lib/console/engine';
import { PART_STEPS } from '@/lib/console/groups/all';
import { PAGE_PART, STEP_PARTS } from '@/lib/console/groups/pages';
import { engineGlobal, engineTable, kitImports } from '../../scripts/kit-imports';

const ROOT = resolve(import.meta.dirname, '../..');
/** A step's id as its exported name: `client-details` → `clientDetails`. */
const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('the engine the core shares with its parts', () => {
  it('the plugin reads the same table and global as the core registers', () => {
    const read = engineTable(ROOT);
    expect([...read.keys()]).toEqual(Object.keys(ENGINE));
    for (const [key, shared] of Object.entries(ENGINE))
      expect({ key, names: read.get(key) }).toEqual({ key, names: Object.keys(shared) });
    expect(engineGlobal(ROOT)).toBe(ENGINE_GLOBAL);
  });

  it("a part's bundle reads only the names it imports from the engine, not the rest of their module's", async () => {
    const entry = resolve(ROOT, 'entrypoints/console-step-example.ts');
    const source = "import { find } from '@/lib/console/fill';\nglobalThis.found = find;";
    const bundle = await rolldown({
      input: entry,
      resolve: { alias: { '@': ROOT } },
      plugins: [
        { name: 'example-part', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) },
        kitImports(ROOT),
      ],
    });
    const [chunk] = (await bundle.generate({ format: 'iife', minify: true })).output;
    const read = [...(chunk?.code ?? '').matchAll(/\[`console\/fill`\]\.(\w+)/g)].map((m) => m[1]);
    expect(read).toEqual(['find']);
    // Nor a copy of the module itself: the core's is the one that runs.
    expect(chunk?.code).not.toContain('querySelectorAll');
    const others = (engineTable(ROOT).get('console/fill') ?? []).filter((n) => n !== 'find');
    expect(others.filter((n) => new RegExp(`\\b${n}\\b`).test(chunk?.code ?? ''))).toEqual([]);
  });
});

describe('the step parts', () => {
  it.each(Object.entries(PAGE_PART))('%s: its step is in the part the background injects for it (%s)', (page, part) => {
    expect(PART_STEPS[part].filter((s) => s.pages.some((p) => p === page))).toHaveLength(1);
  });
  it.each(STEP_PARTS)('%s: its script registers the steps the table gives it', (part) => {
    const source = readFileSync(resolve(ROOT, `entrypoints/console-${part}.ts`), 'utf8');
    const registered = /kit\(\)\['([\w-]+)'\] = \[([^\]]*)\];/.exec(source);
    expect([registered?.[1], registered?.[2]?.split(', ')]).toEqual([part, PART_STEPS[part].map((s) => camel(s.id))]);
  });
});
