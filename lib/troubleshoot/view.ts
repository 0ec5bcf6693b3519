/**
 * A diagnosis as the in-page panel (lib/ui/panel.ts) shows it: the title, the cause, the fix, the
 * details, the value to copy and the link to where the fix is done. Texts are resolved here, in the
 * context that shows them (the sign-in page's content script, or the background for Odoo's page).
 */

import { type MsgKey, t, tm } from '../i18n';
import type { PanelView } from '../ui/panel';
import type { Diagnosis } from './sign-in';

/** A diagnosis without its checklist step: what the page panel needs. */
export type DiagnosisLike = Omit<Diagnosis, 'step'>;

/** Only these hosts are linked from a page the extension does not own. */
const LINK_HOSTS = ['console.cloud.google.com', 'admin.google.com'];

function linkLabel(d: DiagnosisLike, href: string): MsgKey {
  const path = new URL(href).pathname;
  if (path.startsWith('/auth/audience')) return 'diag.panel.openAudience';
  if (path.startsWith('/auth/clients')) return 'diag.panel.openClient';
  if (d.id.startsWith('forbidden')) return 'diag.panel.openApps';
  return 'diag.panel.open';
}

export function safeLink(href: string | undefined, odooOrigin: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    if (url.protocol === 'https:' && LINK_HOSTS.includes(url.hostname)) return url.href;
    if (odooOrigin && url.origin === odooOrigin) return url.href;
  } catch {
    // not a URL: no link
  }
  return null;
}

export function diagnosisView(d: DiagnosisLike, odooOrigin: string | null = null): PanelView {
  const href = safeLink(d.link, odooOrigin);
  return {
    title: tm(d.title),
    status: { text: tm(d.cause), tone: 'warn' },
    notes: [t('diag.panel.fix', { fix: tm(d.fix) }), ...(d.details ?? []).map(tm)],
    ...(d.value ? { copy: { label: t('diag.panel.value'), value: d.value } } : {}),
    ...(href ? { links: [{ label: t(linkLabel(d, href)), href }] } : {}),
  };
}
