/**
 * The Google Cloud Console assistant itself: fill engine, steps, panel, capture. Not declared
 * in the manifest: the background injects it into the top frame of a Console tab
 * (`scripting.executeScript`, lib/background/console-loader.ts) when the loader
 * (entrypoints/console.content) recognized a page of the journey. Everything lives in lib/console/.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createAssistantContext } from '@/lib/console/context';
import { startAssistantOnce } from '@/lib/console/start';

export default defineUnlistedScript(() => {
  startAssistantOnce(createAssistantContext);
});
