/**
 * The Google Cloud Console assistant (issue 4): recognizes each page of the guide's journey and
 * fills it on one click, from the values the popup computed. Everything lives in lib/console/.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAssistant } from '@/lib/console/assistant';
import { CONSOLE_MATCHES } from '@/lib/console/matches';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startAssistant(ctx);
  },
});
