/** The steps of `/console-steps-project.js` (./pages.ts): the project, its dashboard, Google's 2-Step Verification. */
import type { Step } from '../step';
import { dashboard } from '../steps/dashboard';
import { enableMfa } from '../steps/enable-mfa';
import { projectCreate } from '../steps/project-create';

export const PROJECT_STEPS: Step[] = [projectCreate, dashboard, enableMfa];
