/**
 * Which part of the Console assistant holds the step of each page: the steps are not in the core
 * (`/console-assistant.js`) but in one script per group of pages (`/console-steps-<group>.js`,
 * entrypoints/console-steps-*.ts, listed in ./project.ts, ./consent.ts, ./clients.ts). The background
 * injects a page's part with the core (lib/background/console-loader.ts); after an in-document navigation
 * to another group the core asks for that group's part before it runs the step (../journey.ts).
 */
import type { PageId } from '../detect';

export const STEP_PARTS = ['steps-project', 'steps-consent', 'steps-clients'] as const;
export type StepPart = (typeof STEP_PARTS)[number];

export const PAGE_PART: Record<PageId, StepPart> = {
  projectCreate: 'steps-project',
  dashboard: 'steps-project',
  enableMfa: 'steps-project',
  authOverview: 'steps-consent',
  authWizard: 'steps-consent',
  branding: 'steps-consent',
  audience: 'steps-consent',
  legacyConsent: 'steps-consent',
  legacyConsentEdit: 'steps-consent',
  clientsList: 'steps-clients',
  clientCreate: 'steps-clients',
  clientDetails: 'steps-clients',
  legacyCredentials: 'steps-clients',
  legacyClientCreate: 'steps-clients',
  legacyClientDetails: 'steps-clients',
};
