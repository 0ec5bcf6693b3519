/** Everything the background does at start-up; `entrypoints/background.ts` only calls this. */

import { startGoogleSetup, stopGoogleSetup } from './autopilot';
import { recheckBaseUrl } from './base-url';
import { consoleArrival, consoleContext, consoleReport } from './console';
import { loadConsoleAssistant } from './console-loader';
import { receiveCredentials } from './credentials';
import { runCheck, startMonitor } from './monitor';
import { probeHandler, saveSetup, watchOriginPermissions } from './odoo-connection';
import {
  connectGmail,
  finishInOdoo,
  installGmailModule,
  pendingCredentials,
  saveCredentialsToOdoo,
  setupMailServer,
  watchConnectReturn,
} from './odoo-gmail';
import { setPublishLinks } from './publish-links';
import { route } from './router';
import { choosePublishing, diagnoseSignIn, freezeBaseUrl, watchTroubleshooting } from './troubleshoot';

export function startBackground(): void {
  route('saveSetup', (data) => saveSetup(data));
  route('probeOdoo', () => probeHandler());
  route('captureCredentials', (data) => receiveCredentials({ ...data, source: 'console' }));
  route('setCredentials', (data) => receiveCredentials(data));
  // Console assistant
  route('consoleContext', (data) => consoleContext(data));
  route('startGoogleSetup', () => startGoogleSetup());
  route('stopGoogleSetup', () => stopGoogleSetup());
  route('consoleArrival', (data) => consoleArrival(data.page));
  route('consoleReport', (data) => consoleReport(data));
  // Console assistant loader: inject the assistant on a journey page
  route('loadConsoleAssistant', (data, sender) => loadConsoleAssistant(data, sender));
  watchOriginPermissions();
  // --- Odoo side.
  route('installGmailModule', () => installGmailModule());
  route('pendingCredentials', () => pendingCredentials());
  route('saveCredentialsToOdoo', () => saveCredentialsToOdoo());
  route('setupMailServer', () => setupMailServer());
  route('connectGmail', () => connectGmail());
  route('finishInOdoo', () => finishInOdoo());
  route('recheckBaseUrl', () => recheckBaseUrl());
  route('checkGmail', (data) => runCheck(data.trigger));
  watchConnectReturn();
  startMonitor();
  // --- Troubleshooter.
  route('diagnoseSignIn', (data) => diagnoseSignIn(data));
  route('freezeBaseUrl', (data) => freezeBaseUrl(data));
  route('choosePublishing', (data) => choosePublishing(data));
  route('setPublishLinks', (data) => setPublishLinks(data));
  watchTroubleshooting();
}
