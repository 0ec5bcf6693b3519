/**
 * The steps of the Console assistant's project pages (lib/console/groups/project.ts): injected with the core
 * (entrypoints/console-assistant.ts) on those pages, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine they use is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROJECT_STEPS } from '@/lib/console/groups/project';
import { kit } from '@/lib/console/kit';

export default defineUnlistedScript(() => {
  kit()['steps-project'] = PROJECT_STEPS;
});
