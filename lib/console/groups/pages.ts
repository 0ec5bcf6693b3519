/**
 * Which part of the Console assistant holds the step of each page: the steps are not in the core
 * (`/console-assistant.js`) but in one script per step (`/console-step-<step>.js`, entrypoints/console-step-*.ts;
 * all of them in ./all.ts), so a page gets the core and the one step it runs. The background injects a page's
 * part with the core (lib/background/console-loader.ts); after an in-document navigation to another page the
 * core asks for that page's part before it runs the step (../journey.ts).
 */
import type { PageId } from '../detect';

export const STEP_PARTS = [
  'step-project-create',
  'step-dashboard',
  'step-enable-mfa',
  'step-auth-overview',
  'step-auth-wizard',
  'step-branding',
  'step-audience',
  'step-legacy-user-type',
  'step-legacy-app-registration',
  'step-clients-list',
  'step-client-create',
  'step-client-details',
] as const;
export type StepPart = (typeof STEP_PARTS)[number];

export const PAGE_PART: Record<PageId, StepPart> = {
  projectCreate: 'step-project-create',
  dashboard: 'step-dashboard',
  enableMfa: 'step-enable-mfa',
  authOverview: 'step-auth-overview',
  authWizard: 'step-auth-wizard',
  branding: 'step-branding',
  audience: 'step-audience',
  legacyConsent: 'step-legacy-user-type',
  legacyConsentEdit: 'step-legacy-app-registration',
  clientsList: 'step-clients-list',
  clientCreate: 'step-client-create',
  clientDetails: 'step-client-details',
  legacyCredentials: 'step-clients-list',
  legacyClientCreate: 'step-client-create',
  legacyClientDetails: 'step-client-details',
};
