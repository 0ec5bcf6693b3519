/**
 * Every step of the journey, one file each (../steps/), by the part that holds it (./pages.ts;
 * entrypoints/console-step-*.ts register the same lists): for the checks, never bundled.
 */
import type { Step } from '../step';
import { audience } from '../steps/audience';
import { authOverview } from '../steps/auth-overview';
import { authWizard } from '../steps/auth-wizard';
import { branding } from '../steps/branding';
import { clientCreate } from '../steps/client-create';
import { clientDetails } from '../steps/client-details';
import { clientsList } from '../steps/clients-list';
import { dashboard } from '../steps/dashboard';
import { enableMfa } from '../steps/enable-mfa';
import { legacyAppRegistration } from '../steps/legacy-app-registration';
import { legacyUserType } from '../steps/legacy-user-type';
import { projectCreate } from '../steps/project-create';
import { publishApp } from '../steps/publish-app';
import type { StepPart } from './pages';

export const PART_STEPS: Record<StepPart, Step[]> = {
  'step-project-create': [projectCreate],
  'step-dashboard': [dashboard],
  'step-enable-mfa': [enableMfa],
  'step-auth-overview': [authOverview],
  'step-auth-wizard': [authWizard],
  'step-branding': [branding],
  'step-audience': [audience, publishApp],
  'step-legacy-user-type': [legacyUserType],
  'step-legacy-app-registration': [legacyAppRegistration],
  'step-clients-list': [clientsList],
  'step-client-create': [clientCreate],
  'step-client-details': [clientDetails],
};

export const STEPS: Step[] = Object.values(PART_STEPS).flat();
