/** Every step of the journey, one file each (../steps/), across the parts (./pages.ts): for the checks, never bundled. */
import type { Step } from '../step';
import { CLIENT_STEPS } from './clients';
import { CONSENT_STEPS } from './consent';
import { PROJECT_STEPS } from './project';

export const STEPS: Step[] = [...PROJECT_STEPS, ...CONSENT_STEPS, ...CLIENT_STEPS];
