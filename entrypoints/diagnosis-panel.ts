/**
 * The troubleshooter's panel on Odoo's `/google_gmail/confirm` answer. Not in the manifest:
 * the Odoo origin is only granted at runtime, so the background injects this script into that tab
 * (`scripting.executeScript`, lib/background/troubleshoot.ts) and then calls the function it leaves on
 * the isolated world's global with the diagnosis, already in the person's language.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PANEL_GLOBAL } from '@/lib/troubleshoot/panel-global';
import { createPanel, type Panel, type PanelView } from '@/lib/ui/panel';

export default defineUnlistedScript(() => {
  const holder = globalThis as unknown as Record<string, ((view: PanelView) => void) | undefined>;
  if (holder[PANEL_GLOBAL]) return;
  let panel: Panel | null = null;
  holder[PANEL_GLOBAL] = (view) => {
    panel ??= createPanel(new AbortController().signal);
    panel.show(view);
  };
});
