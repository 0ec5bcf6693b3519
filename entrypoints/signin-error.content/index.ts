/**
 * The troubleshooter on Google's sign-in error pages: reads the error from the page's URL
 * (lib/google/auth-error.ts; the page's text only for the "Request details" line), asks the background
 * for the diagnosis (it holds Odoo's redirect URI, the registered ones, the address, the project and
 * client), and shows it in the same in-page panel as the Console assistant (lib/ui/panel.ts).
 * Nothing of Google's page is changed or clicked; no secret ever reaches this page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseSignInError } from '@/lib/google/auth-error';
import { sendMessage } from '@/lib/messaging';
import { SIGN_IN_ERROR_MATCHES } from '@/lib/troubleshoot/matches';
import { diagnosisView } from '@/lib/troubleshoot/view';
import { createPanel } from '@/lib/ui/panel';

export default defineContentScript({
  matches: SIGN_IN_ERROR_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const error = parseSignInError(location.href, document.body?.innerText ?? '');
    if (!error) return;
    const reply = await sendMessage('diagnoseSignIn', {
      code: error.code.slice(0, 100),
      message: error.message?.slice(0, 2000) ?? null,
      clientId: error.clientId?.slice(0, 200) ?? null,
      redirectUri: error.redirectUri?.slice(0, 2000) ?? null,
    }).catch(() => null);
    if (!reply?.ok || ctx.signal.aborted) return;
    createPanel(ctx.signal).show(diagnosisView(reply.value));
  },
});
