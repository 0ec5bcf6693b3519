/**
 * "Connect to Odoo" when the packaged public suffix list cannot be read (lib/background/psl-file.ts gives up
 * after its limit, or the file is missing): the setup is still saved and the person's click answered, the
 * address's facts stay "not known yet", and the next lookup reads the list again — a failed read is not kept.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSetup } from '@/lib/background/odoo-connection';
import { readPslFile } from '@/lib/background/psl-file';
import { noteHosts } from '@/lib/background/public-suffix';
import { hostFactsItem } from '@/lib/state/host-facts';
import { setupItem } from '@/lib/state/items';
import { PSL_TEXT } from './host-facts';

vi.mock('@/lib/background/psl-file', async (actual) => ({
  ...(await actual<typeof import('@/lib/background/psl-file')>()),
  readPslFile: vi.fn(),
}));

beforeEach(() => {
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => false };
});

it('saves the setup without the facts, then reads the list again at the next lookup', async () => {
  // What readPslFile rejects with when its limit passes (AbortSignal.timeout).
  vi.mocked(readPslFile).mockRejectedValueOnce(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  const reply = await saveSetup({ odooUrl: 'https://erp.example.co.uk', gmail: 'me@gmail.com', accountType: 'personal' });
  expect(reply).toMatchObject({ ok: true, value: { odooOrigin: 'https://erp.example.co.uk' } });
  expect((await setupItem.get())?.odooOrigin).toBe('https://erp.example.co.uk');
  expect(await hostFactsItem.get()).toBeNull();

  vi.mocked(readPslFile).mockResolvedValueOnce(PSL_TEXT);
  expect(await noteHosts(['https://erp.example.co.uk'])).toEqual({
    'erp.example.co.uk': { listed: true, domain: 'example.co.uk' },
  });
  expect(readPslFile).toHaveBeenCalledTimes(2);
});
