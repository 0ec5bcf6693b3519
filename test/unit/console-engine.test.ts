/**
 * The assistant's parts use the core's engine (lib/console/engine.ts) through the build plugin
 * scripts/kit-imports.ts: what the plugin reads from the sources must be what the core really shares,
 * or a part would read `undefined` where the core has a function.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE, ENGINE_GLOBAL } from '@/lib/console/engine';
import { CLIENT_STEPS } from '@/lib/console/groups/clients';
import { CONSENT_STEPS } from '@/lib/console/groups/consent';
import { PAGE_PART, type StepPart } from '@/lib/console/groups/pages';
import { PROJECT_STEPS } from '@/lib/console/groups/project';
import { engineGlobal, engineTable } from '../../scripts/kit-imports';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the engine the core shares with its parts', () => {
  it('the plugin reads the same table and global as the core registers', () => {
    const read = engineTable(ROOT);
    expect([...read.keys()]).toEqual(Object.keys(ENGINE));
    for (const [key, shared] of Object.entries(ENGINE))
      expect({ key, names: read.get(key) }).toEqual({ key, names: Object.keys(shared) });
    expect(engineGlobal(ROOT)).toBe(ENGINE_GLOBAL);
  });
});

describe('the step parts', () => {
  const parts: Record<StepPart, typeof PROJECT_STEPS> = {
    'steps-project': PROJECT_STEPS,
    'steps-consent': CONSENT_STEPS,
    'steps-clients': CLIENT_STEPS,
  };
  it.each(Object.entries(PAGE_PART))('%s: its step is in the part the background injects for it (%s)', (page, part) => {
    expect(parts[part].filter((s) => s.pages.some((p) => p === page))).toHaveLength(1);
  });
});
