/**
 * Receiving the OAuth client's ID and secret — captured by the Console assistant, imported from a
 * `client_secret_*.json` or pasted in the popup. Both are checked against Google's formats; the secret
 * goes to `storage.session` only (never `local`, never a log), the ID to the Google state.
 */

import { parseClientId, parseClientSecret } from '../google/formats';
import { msg } from '../i18n';
import type { Reply } from '../protocol';
import { credentialsItem, googleItem, progressItem } from '../state/items';

export interface CredentialsInput {
  clientId: string;
  clientSecret: string;
  source: 'console' | 'json' | 'paste';
}

/** Replies with the Client ID only: the secret never travels back. */
export async function receiveCredentials(input: CredentialsInput): Promise<Reply<{ clientId: string }>> {
  const id = parseClientId(input.clientId);
  if (!id.ok) return { ok: false, error: id.error };
  const secret = parseClientSecret(input.clientSecret);
  if (!secret.ok) return { ok: false, error: secret.error };
  const at = Date.now();
  await credentialsItem.set({ clientId: id.value, clientSecret: secret.value, source: input.source, at });
  await googleItem.update((g) => ({ ...g, clientId: id.value, secretCapturedAt: at }));
  await progressItem.update((p) => ({
    ...p,
    client: { state: 'done', at, note: msg('step.client.captured', { clientId: id.value }) },
  }));
  return { ok: true, value: { clientId: id.value } };
}

/** Once Odoo has confirmed it holds the secret, the extension forgets it. */
export async function wipeSecret(): Promise<void> {
  await credentialsItem.remove();
}
