/**
 * The Google Cloud Console assistant's loader: the one content script the manifest
 * declares on the Console hosts. It stays tiny — URL detection, SPA location watching, one message —
 * and asks the background to inject the assistant itself (entrypoints/console-assistant.ts) only on a
 * page of the journey. Everything lives in lib/console/ (loader.ts here).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLoader } from '@/lib/console/loader';
import { CONSOLE_MATCHES } from '@/lib/console/matches';
import { sendMessage } from '@/lib/messaging';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  // WXT's "a newer copy started" notice goes through a DOM event only, not a postMessage the Console's
  // own message listeners would receive.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startLoader(ctx, (page) =>
      sendMessage('loadConsoleAssistant', { page }).then(
        (reply) => reply.ok,
        () => false,
      ),
    );
  },
});
