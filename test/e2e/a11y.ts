/**
 * Accessibility checks with axe-core (@axe-core/playwright), reusable for every UI of the extension:
 * the popup here, the in-page Console panels later (pass `include` with the panel's host selector —
 * axe walks open shadow roots; a closed root must be opened for the test build or checked from inside).
 *
 * Fails on any violation of impact "serious" or "critical" under WCAG 2.x A/AA rules plus axe's best
 * practices, and prints each with the elements and axe's own advice, so a failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface A11yOptions {
  /** CSS selector(s) to check (default: the whole page). */
  include?: string | string[];
  exclude?: string | string[];
  /** Rules to skip, each with the reason why it does not apply (kept visible in the test). */
  skip?: Record<string, string>;
}

export const BLOCKING_IMPACTS = ['serious', 'critical'] as const;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function axeReport(page: Page, options: A11yOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const s of [options.include ?? []].flat()) builder = builder.include(s);
  for (const s of [options.exclude ?? []].flat()) builder = builder.exclude(s);
  const skip = Object.keys(options.skip ?? {});
  if (skip.length) builder = builder.disableRules(skip);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => (BLOCKING_IMPACTS as readonly string[]).includes(v.impact ?? ''));
  return { results, blocking };
}

/** Asserts 0 serious/critical violations; returns axe's counts for the record. */
export async function expectNoSeriousA11yViolations(page: Page, label: string, options: A11yOptions = {}) {
  const { results, blocking } = await axeReport(page, options);
  const describe = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replaceAll('\n', ' ')}`).join('\n'),
  );
  expect(describe, `axe on ${label}`).toEqual([]);
  const counts = {
    state: label,
    passes: results.passes.length,
    violations: results.violations.map((v) => `${v.id} (${v.impact})`),
    // "Needs review" items: the checklist's aria-hidden state glyphs (decorative) land here.
    incomplete: results.incomplete.map((v) => `${v.id} ×${v.nodes.length}`),
  };
  console.log(`axe ${JSON.stringify(counts)}`);
  return counts;
}
