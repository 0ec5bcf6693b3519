/**
 * The journey of the seed guide (Odoo's own, docs/evidence/odoo-guide.md), in order. Each step's id is the key
 * of its progress record and of its texts in `locales/*.yml` (`step.<id>.title`, `step.<id>.manual`).
 */
import * as z from 'zod/mini';

export const STEP_IDS = [
  'odoo',
  'module',
  'project',
  'consent',
  'domain',
  'testUser',
  'client',
  'credentials',
  'server',
  'connect',
  'test',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** `na`: the step does not apply to this setup (a test user for an Internal app). */
export const STEP_STATES = ['todo', 'inProgress', 'done', 'attention', 'na'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** A stored message (key and parameters of locales/*.yml), turned into text where it is shown. */
export const MsgData = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  }),
);

/** What a feature reports about a step it drives (Console assistant, Odoo operations, monitor). */
export const StepProgress = z.lazy(() =>
  z.object({
    state: z.enum(STEP_STATES),
    at: z.number(),
    note: z.optional(MsgData),
  }),
);
export type StepProgress = z.infer<typeof StepProgress>;

export const StepProgressMap = z.lazy(() => z.partialRecord(z.enum(STEP_IDS), StepProgress));
export type StepProgressMap = z.infer<typeof StepProgressMap>;
