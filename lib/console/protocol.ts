/**
 * The Console assistant's messages (payload schemas for the background, types for the content
 * script). The content script imports types only from here — zod never reaches its bundle.
 */
import { z } from 'zod';
import { CLIENT_ID_LENIENT_RE } from '../google/client-formats';
import type { Msg } from '../i18n';
import type { StepState } from '../setup/steps';
import { PAGE_IDS } from './detect';

/** The checklist steps the Console assistant drives (lib/setup/steps.ts). */
export const CONSOLE_STEPS = ['project', 'consent', 'domain', 'testUser', 'client'] as const;
export type ConsoleStep = (typeof CONSOLE_STEPS)[number];

/** Why a step needs the person: each has `console.note.<code>` (popup) and `panel.reason.<code>` (panel). */
export const REASONS = [
  'notFound',
  'notKept',
  'noOption',
  'disabled',
  'noChip',
  'noButton',
  /** A button that stays disabled (Google's form is not complete): never clicked (no click into a dead end). */
  'buttonOff',
  'rejected',
  'notReady',
  'secretMissed',
  /** The value is one Google's form refuses (an http redirect URI): not typed, fixed on Odoo's side. */
  'refused',
] as const;
export type Reason = (typeof REASONS)[number];

/** Project ID (google-console.md §5.4) or project number (§1: numbers work in links too). */
const ProjectRef = z.string().regex(/^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{1,20})$/);

export const ConsoleContextRequest = z.object({ page: z.enum(PAGE_IDS) }).strict();
export type ConsoleContextRequest = z.infer<typeof ConsoleContextRequest>;

export const ConsoleReport = z
  .object({
    /** The page it was read on; null for a Console page outside the journey (a pending project's notification). */
    page: z.enum(PAGE_IDS).nullable(),
    step: z.enum(CONSOLE_STEPS).optional(),
    state: z.enum(['inProgress', 'done', 'attention']).optional(),
    /** The person reloads the page because its `main` stayed blank (2026 §12): counted, up to 3 tries. */
    reload: z.literal(true).optional(),
    reason: z
      .object({ code: z.enum(REASONS), field: z.string().max(120).optional() })
      .strict()
      .optional(),
    /** What the page showed (read by the content script), each validated on its own. */
    facts: z
      .object({
        projectId: ProjectRef.optional(),
        pendingProject: z.object({ projectId: ProjectRef.nullable(), fromProject: ProjectRef.nullable() }).strict().optional(),
        audience: z.enum(['internal', 'external']).optional(),
        publishing: z.enum(['testing', 'production']).optional(),
        authorizedDomains: z
          .array(z.string().regex(/^[a-z0-9.-]{1,253}$/))
          .max(100)
          .optional(),
        testUsers: z.array(z.email().max(320)).max(100).optional(),
        redirectUris: z.array(z.url().max(2048)).max(100).optional(),
        clientId: z.string().regex(CLIENT_ID_LENIENT_RE).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((r) => !r.state || r.step, { message: 'a state needs its step' });
export type ConsoleReport = z.infer<typeof ConsoleReport>;

/** What the content script needs to fill a page: the values the popup computed, and what is known. */
export interface ConsoleContext {
  /** The popup's setup exists (Odoo address known). */
  ready: boolean;
  gmail: string | null;
  accountType: 'workspace' | 'personal' | null;
  /** Internal for Google Workspace, External for personal Gmail (google-console.md §3.2, seed guide). */
  audience: 'internal' | 'external' | null;
  projectName: string;
  appName: string;
  clientName: string;
  authorizedDomain: string | null;
  redirectUri: string | null;
  /**
   * Google refuses `redirectUri` (google-console.md §5.6: http except localhost, raw IPs): why, and the
   * fix on Odoo's side (lib/google/redirect-uri.ts). The client steps then never type it.
   */
  redirectRefusal?: { problems: Msg[]; fix: Msg } | null;
  projectId: string | null;
  pendingProject: { projectId: string | null; fromProject: string | null; at: number } | null;
  clientId: string | null;
  /**
   * A secret for `clientId` is held (storage.session) or the person's Odoo already has it; the secret
   * itself never travels back.
   */
  secretCaptured: boolean;
  known: { authorizedDomains: string[]; testUsers: string[]; redirectUris: string[] };
  progress: Partial<Record<ConsoleStep, StepState>>;
  /** The person chose to publish the app (in the popup's "Before you connect"): the Audience page guides "Publish app". */
  publishChoice?: 'testing' | 'production' | null;
  /**
   * With production chosen: the App home page and privacy policy link Branding must hold before Google
   * enables "Publish app" (google-console-2026.md §1) — from the Odoo website or the person (popup).
   */
  publishLinks?: { home: string | null; privacy: string | null } | null;
  /**
   * "Set up Google Cloud for Odoo" is running (one click for the Google side): every page's step runs without a click, a page
   * found done goes on to the next, and the capture goes on to Odoo. The panel shows it, with a Stop.
   */
  autopilot?: boolean;
  /**
   * The assistant opened this page itself, on the person's click on the page before: its panel takes the
   * keyboard focus, so a keyboard user goes on with Enter instead of tabbing through the Console. Once.
   */
  arrived?: boolean;
  /** How often the person reloaded this page from the panel because it stayed blank (2026 §12), lately. */
  reloads?: number;
}
