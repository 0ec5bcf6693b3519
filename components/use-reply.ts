import { useState } from 'preact/hooks';
import { type Msg, msg } from '@/lib/i18n';
import type { Reply } from '@/lib/protocol';

/**
 * One message to the background at a time from a popup section, and what went wrong with it: the reply's error,
 * or the messaging failure itself (the background gone, a bad reply). `send` gives back the reply when there was
 * one, so the section can use its value.
 */
export function useReply() {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Msg | null>(null);
  const send = async <T>(message: () => Promise<Reply<T>>): Promise<Reply<T> | null> => {
    setSending(true);
    setError(null);
    try {
      const reply = await message();
      if (!reply.ok) setError(reply.error);
      return reply;
    } catch (e) {
      setError(msg('err.messaging', { detail: e instanceof Error ? e.message : '?' }));
      return null;
    } finally {
      setSending(false);
    }
  };
  return { sending, error, setError, send };
}
