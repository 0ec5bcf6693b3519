/**
 * The senders' transport (lib/messaging.ts): its own small `sendMessage` speaks @webext-core/messaging's
 * wire format, which the background still listens with — so a message from the Console's scripts or the
 * popup reaches the same handlers, and their replies and errors come back as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, removeAllListeners, sendMessage } from '@/lib/messaging';
import { sendMessagesAsPopup } from './helpers';

afterEach(() => removeAllListeners());

describe('sendMessage', () => {
  it("sends the library's message shape: a numeric id (one more each time), the type, the data, a timestamp", async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.sendMessage = vi.fn(async (m: unknown) => {
      sent.push(m);
      return { res: { ok: true, value: null } };
    }) as unknown as typeof fakeBrowser.runtime.sendMessage;
    expect(await sendMessage('loadConsoleAssistant', { page: 'branding' })).toEqual({ ok: true, value: null });
    await sendMessage('stopGoogleSetup', {});
    const [first, second] = sent as { id: number; type: string; data: unknown; timestamp: number }[];
    expect(first).toEqual({
      id: expect.any(Number),
      type: 'loadConsoleAssistant',
      data: { page: 'branding' },
      timestamp: expect.any(Number),
    });
    expect(second?.id).toBe((first?.id ?? 0) + 1);
    expect(second?.type).toBe('stopGoogleSetup');
  });

  it('reaches a listener of the library, and brings back its reply and its thrown error (name and message)', async () => {
    sendMessagesAsPopup();
    onMessage(
      'consoleContext',
      async ({ data }) => ({ ok: false, error: { key: 'err.sender', params: { page: String(data.page) } } }) as never,
    );
    onMessage('finishInOdoo', async () => {
      throw new TypeError('broken handler');
    });
    expect(await sendMessage('consoleContext', { page: 'audience' })).toEqual({
      ok: false,
      error: { key: 'err.sender', params: { page: 'audience' } },
    });
    const thrown = await sendMessage('finishInOdoo', {}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ name: 'TypeError', message: 'broken handler' });
  });

  it('rejects when nothing answers, or when the browser finds no receiver', async () => {
    fakeBrowser.runtime.sendMessage = vi.fn(async () => undefined) as unknown as typeof fakeBrowser.runtime.sendMessage;
    await expect(sendMessage('stopGoogleSetup', {})).rejects.toThrow('No response');
    fakeBrowser.runtime.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as typeof fakeBrowser.runtime.sendMessage;
    await expect(sendMessage('stopGoogleSetup', {})).rejects.toThrow('Could not establish connection');
  });
});
