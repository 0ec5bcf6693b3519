/**
 * `node test/fake-odoo/cli.ts [--port 8069] [--version 17.0] [--edition community] [--gmail installed]`
 * Starts the fake Odoo for the demo (login admin / admin).
 */
import { parseArgs } from 'node:util';
import { startFakeOdoo } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8069' },
    host: { type: 'string', default: '127.0.0.1' },
    version: { type: 'string', default: '17.0' },
    edition: { type: 'string', default: 'community' },
    db: { type: 'string', default: 'demo' },
    gmail: { type: 'string', default: 'installed' },
  },
});

const odoo = await startFakeOdoo({
  host: values.host,
  port: Number(values.port),
  version: values.version,
  edition: values.edition === 'enterprise' ? 'enterprise' : 'community',
  db: values.db,
  gmail: values.gmail as 'installed' | 'outdated' | 'uninstalled' | 'absent',
});
console.log(`Fake Odoo ${values.version} (${values.edition}) on ${odoo.origin} — db "${values.db}", sign in as admin / admin`);
