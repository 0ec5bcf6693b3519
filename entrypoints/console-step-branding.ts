/**
 * The step of the Console assistant's `branding` page: lib/console/steps/branding.ts, injected
 * with the core (entrypoints/console-assistant.ts) there, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine it uses is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kit } from '@/lib/console/kit';
import { branding } from '@/lib/console/steps/branding';

export default defineUnlistedScript(() => {
  kit()['step-branding'] = [branding];
});
