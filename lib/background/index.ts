/** Everything the background does at start-up; `entrypoints/background.ts` only calls this. */
import { probeHandler, saveSetup, watchOriginPermissions } from './odoo-connection';
import { route } from './router';

export function startBackground(): void {
  route('saveSetup', (data) => saveSetup(data));
  route('probeOdoo', () => probeHandler());
  watchOriginPermissions();
}
