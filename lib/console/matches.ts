/**
 * Where the Console assistant's content script runs: both hosts of the Google Cloud Console
 * (google-console.md §1: `console.developers.google.com` is still linked by Odoo's guide and serves
 * the same app). A module of its own so that the content script can import it without wxt.config.ts.
 */
export const CONSOLE_HOSTS = ['console.cloud.google.com', 'console.developers.google.com'];
export const CONSOLE_MATCHES = CONSOLE_HOSTS.map((host) => `https://${host}/*`);
