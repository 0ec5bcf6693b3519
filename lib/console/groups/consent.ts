/** The steps of `/console-steps-consent.js` (./pages.ts): the OAuth consent screen, new and legacy. */
import type { Step } from '../step';
import { audience } from '../steps/audience';
import { authOverview } from '../steps/auth-overview';
import { authWizard } from '../steps/auth-wizard';
import { branding } from '../steps/branding';
import { legacyAppRegistration } from '../steps/legacy-app-registration';
import { legacyUserType } from '../steps/legacy-user-type';
import { publishApp } from '../steps/publish-app';

export const CONSENT_STEPS: Step[] = [
  authOverview,
  authWizard,
  branding,
  audience,
  publishApp,
  legacyUserType,
  legacyAppRegistration,
];
