/**
 * The steps of the Console assistant's clients pages (lib/console/groups/clients.ts): injected with the core
 * (entrypoints/console-assistant.ts) on those pages, or on the core's request after it navigated there
 * (`loadConsolePart`, lib/background/console-loader.ts). The engine they use is the core's (lib/console/engine.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CLIENT_STEPS } from '@/lib/console/groups/clients';
import { kit } from '@/lib/console/kit';

export default defineUnlistedScript(() => {
  kit()['steps-clients'] = CLIENT_STEPS;
});
