/**
 * Every link into the Google Cloud Console the extension opens or shows: the popup's checklist, the
 * troubleshooter's fixes, the run of "Set up Google Cloud for Odoo". A project ID, when known, goes in
 * `?project=` so the page opens on the person's project rather than the last one they looked at.
 */
const CONSOLE = 'https://console.cloud.google.com';

export function consoleLink(path: string, projectId?: string | null): string {
  const url = new URL(path, CONSOLE);
  if (projectId) url.searchParams.set('project', projectId);
  return url.href;
}
