/**
 * The step of the Console assistant's `projectCreate` page: lib/console/steps/project-create.ts, injected
 * with the core (entrypoints/console-assistant.ts) there, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine it uses is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kit } from '@/lib/console/kit';
import { projectCreate } from '@/lib/console/steps/project-create';

export default defineUnlistedScript(() => {
  kit()['step-project-create'] = [projectCreate];
});
