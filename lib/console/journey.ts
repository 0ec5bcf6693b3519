/**
 * Where the core finds the step of a page: in that page's part (./groups/pages.ts), which the background
 * injects beside the core, or which the core asks for after an in-document navigation to another group
 * (./kit.ts `loadPart`). A step never runs before its part is there.
 */
import type { PageId } from './detect';
import { PAGE_PART, type StepPart } from './groups/pages';
import { loadPart } from './kit';
import type { Step } from './step';

declare module './kit' {
  /** Each step part registers its steps (entrypoints/console-step-*.ts). */
  interface Kit extends Record<StepPart, Step[]> {}
}

/** The step of `page`, from its part (injected first if this document lacks it); rejects when it could not be. */
export async function stepFor(page: PageId): Promise<Step | undefined> {
  const steps = await loadPart(PAGE_PART[page]);
  return steps.find((s) => s.pages.includes(page));
}
