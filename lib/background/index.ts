/** Everything the background does at start-up; `entrypoints/background.ts` only calls this. */
import { consoleContext, consoleReport } from './console';
import { receiveCredentials } from './credentials';
import { probeHandler, saveSetup, watchOriginPermissions } from './odoo-connection';
import { route } from './router';

export function startBackground(): void {
  route('saveSetup', (data) => saveSetup(data));
  route('probeOdoo', () => probeHandler());
  route('captureCredentials', (data) => receiveCredentials({ ...data, source: 'console' }));
  route('setCredentials', (data) => receiveCredentials(data));
  // Console assistant (issue 4)
  route('consoleContext', () => consoleContext());
  route('consoleReport', (data) => consoleReport(data));
  watchOriginPermissions();
}
