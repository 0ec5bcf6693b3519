/**
 * The step of the Console assistant's `authWizard` page: lib/console/steps/auth-wizard.ts, injected
 * with the core (entrypoints/console-assistant.ts) there, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine it uses is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kit } from '@/lib/console/kit';
import { authWizard } from '@/lib/console/steps/auth-wizard';

export default defineUnlistedScript(() => {
  kit()['step-auth-wizard'] = [authWizard];
});
