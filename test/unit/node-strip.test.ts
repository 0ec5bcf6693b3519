/**
 * `npm start` (the demo Odoo), `npm run bench` and the scripts run TypeScript straight in Node (its type
 * stripping, Node 22 from the `node` dev dependency), which refuses syntax that needs a transform — a
 * parameter property, an enum, a namespace. Vitest and Playwright transform such syntax, so only this
 * test notices: every module those commands load is imported by the same Node, the way they do.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const MODULES = [
  'test/fake-odoo/server.ts', // npm start, npm run demo:odoo
  'test/e2e/fixtures.ts', // npm run bench
  'test/e2e/console-fixtures.ts', // npm run bench
  'scripts/debian-packages.ts', // npm start, npm test
];

it('the modules npm start and npm run bench load run under Node type stripping', () => {
  const node = resolve('node_modules/.bin/node');
  const code = `for (const m of ${JSON.stringify(MODULES)}) await import('./' + m); console.log('loaded');`;
  const r = spawnSync(node, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).not.toMatch(/ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX|SyntaxError/);
  expect(r.stdout.trim()).toBe('loaded');
  expect(r.status).toBe(0);
}, 60_000);
