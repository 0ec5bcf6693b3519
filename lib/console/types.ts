/**
 * The words the Console assistant and the background share: the checklist steps it drives, why a step
 * needs the person, and the context it fills a page from (the reply to `consoleContext`). Its messages
 * and their payloads are declared in lib/protocol.ts, which uses these. No zod here: the assistant's
 * bundle imports this module.
 */

import type { Msg } from '../i18n';
import type { StepState } from '../setup/steps';
import { STEP_PARTS } from './groups/pages';

/** The checklist steps the Console assistant drives (lib/setup/steps.ts). */
export const CONSOLE_STEPS = ['project', 'consent', 'domain', 'testUser', 'client'] as const;
export type ConsoleStep = (typeof CONSOLE_STEPS)[number];

/**
 * The assistant's parts the background injects only when needed (`loadConsolePart`, lib/console/kit.ts):
 * each is its own script, `/console-<part>.js` (entrypoints/console-<part>.ts): the field report, and the
 * steps of each group of pages (./groups/pages.ts).
 */
export const CONSOLE_PARTS = ['report', ...STEP_PARTS] as const;
export type ConsolePart = (typeof CONSOLE_PARTS)[number];

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
  /** Test users to add besides `gmail` (the administrator's list in the popup); lower case. */
  testUsersWanted?: string[];
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
  /**
   * The step the person's click on the page before already asked for (`Env.carry`, lib/state/handoff.ts):
   * it runs here, or on a later page of this document until `until` (the hand-off's one time limit), without a
   * second click. Once.
   */
  carried?: { step: ConsoleStep; until: number };
  /** How often the person reloaded this page from the panel because it stayed blank (2026 §12), lately. */
  reloads?: number;
}
