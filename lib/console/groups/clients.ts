/** The steps of `/console-steps-clients.js` (./pages.ts): the OAuth clients, new and legacy. */
import type { Step } from '../step';
import { clientCreate } from '../steps/client-create';
import { clientDetails } from '../steps/client-details';
import { clientsList } from '../steps/clients-list';

export const CLIENT_STEPS: Step[] = [clientsList, clientCreate, clientDetails];
