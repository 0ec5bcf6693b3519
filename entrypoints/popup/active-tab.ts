import { browser } from 'wxt/browser';
import { odooOriginFromTabUrl } from '@/lib/odoo/urls';

/**
 * The Odoo origin of the tab the person is looking at, if it looks like Odoo. With `activeTab`, the
 * popup may read the URL of the tab it was opened on. When the popup runs as a page of its own
 * (a window or tab), the most recently used normal tab stands in for it.
 */
export async function odooOriginOfActiveTab(): Promise<string | null> {
  const own = browser.runtime.getURL('/');
  const isOwn = (url?: string) => !url || url.startsWith(own);
  try {
    const [current] = await browser.tabs.query({ active: true, currentWindow: true });
    if (current && !isOwn(current.url)) return odooOriginFromTabUrl(current.url);
    const others = (await browser.tabs.query({ active: true, windowType: 'normal' }))
      .filter((tab) => !isOwn(tab.url))
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    return odooOriginFromTabUrl(others[0]?.url);
  } catch {
    return null;
  }
}
