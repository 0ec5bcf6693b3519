/**
 * Conventions of the Console assistant (refined-github's build/features.test.ts idea): one step per
 * file, named after it, registered once; every page of the journey has exactly one step; every
 * reason a step can need a person has its texts; every selector cites its evidence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_IDS } from '@/lib/console/detect';
import { STEPS } from '@/lib/console/groups/all';
import { REASONS } from '@/lib/console/types';
import { type MsgKey, t } from '@/lib/i18n';

describe('steps', () => {
  it('one file per step, its id is the file name, each registered once', () => {
    const files = readdirSync(resolve('lib/console/steps')).map((f) => f.replace(/\.ts$/, ''));
    expect(STEPS.map((s) => s.id).sort()).toEqual(files.sort());
  });

  it('every page of the journey has exactly one step', () => {
    for (const page of PAGE_IDS)
      expect({ page, steps: STEPS.filter((s) => s.pages.includes(page)).length }).toEqual({ page, steps: 1 });
  });

  it('every step has a title; every reason a note for the popup and a line for the panel', () => {
    for (const s of STEPS) expect(t(s.title)).not.toBe('');
    for (const code of REASONS) {
      expect(t(`console.note.${code}` as MsgKey)).not.toBe('');
      expect(t(`panel.reason.${code}` as MsgKey)).not.toBe('');
    }
  });

  it('every selector cites google-console.md and marks unverifiable Vietnamese labels', () => {
    const source = readFileSync(resolve('lib/console/selectors.ts'), 'utf8');
    const body = source.slice(source.indexOf('const T = '));
    const entries = body.split('\n').filter((line) => /^export const [a-zA-Z]+ = /.test(line));
    expect(entries.length).toBeGreaterThan(30);
    // Each entry is preceded by a comment citing a section (§…).
    const lines = body.split('\n');
    for (const entry of entries) {
      const at = lines.indexOf(entry);
      const comment = lines.slice(Math.max(0, at - 3), at).join('\n');
      expect({ entry: entry.trim().slice(0, 40), cites: /§\d/.test(comment) || /§\d/.test(entry) }).toEqual({
        entry: entry.trim().slice(0, 40),
        cites: true,
      });
    }
    // Every Vietnamese string but the attested one is marked UNVERIFIED (code lines only, not comments).
    const code = lines.filter((l) => !/^\s*(\/\*\*|\*|\/\/)/.test(l)).join('\n');
    const vi = [
      ...code.matchAll(/'([^'\n]*[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ][^'\n]*)'([^\n]{0,40})/gi),
    ];
    expect(vi.length).toBeGreaterThan(20);
    for (const [, text, after] of vi) {
      if (text === 'Loại ứng dụng') expect(after).toContain('attested');
      else expect({ text, marked: after?.includes('UNVERIFIED vi') }).toEqual({ text, marked: true });
    }
  });
});
