/** Everything the background does at start-up; `entrypoints/background.ts` only calls this. */

import { startGoogleSetup, stopGoogleSetup } from './autopilot';
import { recheckBaseUrl } from './base-url';
import { consoleContext, consoleHandoff, consoleReport } from './console';
import { loadConsoleAssistant, loadConsolePart } from './console-loader';
import { receiveCredentials } from './credentials';
import { confirmIncoming, receiveMail, watchIncomingReturn } from './incoming';
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
import { connectMine, listPersonal, readMine, testMine, watchPersonalReturn } from './personal';
import { watchHostFacts } from './public-suffix';
import { setPublishLinks } from './publish-links';
import { afterFirstReply, type Handlers, routeAll } from './router';
import { importSetup } from './setups';
import { setTestUsersWanted } from './test-users';
import { choosePublishing, diagnoseSignIn, freezeBaseUrl, watchTroubleshooting } from './troubleshoot';

/**
 * What the background answers to each message of the protocol (lib/protocol.ts): one handler per
 * message, checked against the table by `satisfies Handlers`.
 */
export const handlers = {
  saveSetup: (data) => saveSetup(data),
  probeOdoo: () => probeHandler(),
  captureCredentials: (data) => receiveCredentials({ ...data, source: 'console' }),
  setCredentials: (data) => receiveCredentials(data),
  // Console assistant
  consoleContext: (data, sender) => consoleContext(data, sender),
  consoleHandoff: (data, sender) => consoleHandoff(data, sender),
  consoleReport: (data) => consoleReport(data),
  // Console assistant loader: inject the assistant on a journey page
  loadConsoleAssistant: (data, sender) => loadConsoleAssistant(data, sender),
  loadConsolePart: (data, sender) => loadConsolePart(data, sender),
  startGoogleSetup: () => startGoogleSetup(),
  stopGoogleSetup: () => stopGoogleSetup(),
  finishInOdoo: () => finishInOdoo(),
  // --- Odoo side.
  installGmailModule: () => installGmailModule(),
  pendingCredentials: () => pendingCredentials(),
  saveCredentialsToOdoo: () => saveCredentialsToOdoo(),
  setupMailServer: () => setupMailServer(),
  connectGmail: () => connectGmail(),
  recheckBaseUrl: () => recheckBaseUrl(),
  checkGmail: (data) => runCheck(data.trigger),
  // --- Troubleshooter.
  diagnoseSignIn: (data) => diagnoseSignIn(data),
  freezeBaseUrl: (data) => freezeBaseUrl(data),
  setPublishLinks: (data) => setPublishLinks(data),
  choosePublishing: (data) => choosePublishing(data),
  // --- Incoming Gmail.
  receiveMail: () => receiveMail(),
  confirmIncoming: () => confirmIncoming(),
  setTestUsersWanted: (data) => setTestUsersWanted(data.emails),
  // --- Many databases.
  importSetup: (data) => importSetup(data.text),
  // --- Odoo 19 personal servers.
  readMine: () => readMine(),
  connectMine: () => connectMine(),
  testMine: () => testMine(),
  listPersonal: () => listPersonal(),
} satisfies Handlers;

export function startBackground(): void {
  routeAll(handlers);
  watchOriginPermissions();
  watchConnectReturn();
  startMonitor();
  watchTroubleshooting();
  // The host facts' start-up refresh (three storage reads) goes after the first reply: the popup's first
  // message, which usually wakes the worker, is answered first.
  afterFirstReply(watchHostFacts());
  watchIncomingReturn();
  watchPersonalReturn();
}
