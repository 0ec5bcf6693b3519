/**
 * The step of the Console assistant's `audience` page: lib/console/steps/audience.ts (with "Publish app", which runs on the same page), injected
 * with the core (entrypoints/console-assistant.ts) there, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine it uses is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kit } from '@/lib/console/kit';
import { audience } from '@/lib/console/steps/audience';
import { publishApp } from '@/lib/console/steps/publish-app';

export default defineUnlistedScript(() => {
  kit()['step-audience'] = [audience, publishApp];
});
