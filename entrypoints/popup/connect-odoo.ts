import { browser } from 'wxt/browser';
import { type Msg, msg } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { originPattern } from '@/lib/odoo/urls';
import type { SetupErrors, SetupInput } from '@/lib/setup/setup';

/** What "Connect to Odoo" ended with: nothing to say, the form's field errors, or a line for the person. */
export interface ConnectOutcome {
  fieldErrors?: SetupErrors;
  banner?: Msg;
}

/**
 * "Connect to Odoo" for `input`, whose origin is `origin`: the permission for that one origin (asked first —
 * the request needs the click's user gesture, so call this synchronously from the click), the setup saved
 * (another Odoo's setup kept, this one's taken back: lib/background/setups.ts), then the probe. The form's
 * button and the switcher of other databases both run it.
 */
export function connectOdoo(input: SetupInput, origin: string): Promise<ConnectOutcome> {
  const permission = browser.permissions.request({ origins: [originPattern(origin)] });
  const saved = sendMessage('saveSetup', input);
  return (async (): Promise<ConnectOutcome> => {
    const save = await saved;
    if (!save.ok) return { fieldErrors: save.fieldErrors ?? {}, banner: save.error };
    let granted = false;
    try {
      granted = (await permission) && (await browser.permissions.contains({ origins: [originPattern(origin)] }));
    } catch {
      granted = false;
    }
    const probe = await sendMessage('probeOdoo', {});
    if (!probe.ok) return { banner: probe.error };
    return granted ? {} : { banner: msg('err.permission', { origin }) };
  })().catch((error: unknown) => ({ banner: msg('err.messaging', { detail: error instanceof Error ? error.message : '?' }) }));
}
