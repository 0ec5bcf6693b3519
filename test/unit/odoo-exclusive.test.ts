import { describe, expect, it } from 'vitest';
import { BUSY, exclusive } from '@/lib/background/odoo-context';

const later = <T>(value: T, ms = 20) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('one Odoo operation at a time', () => {
  it("a person's click waits for the monitor's running check instead of being refused", async () => {
    const order: string[] = [];
    const check = exclusive('check', async () => {
      await later(null);
      order.push('check');
      return 'checked';
    });
    const save = exclusive('credentials', async () => {
      order.push('save');
      return 'saved';
    });
    expect(await Promise.all([check, save])).toEqual(['checked', 'saved']);
    expect(order).toEqual(['check', 'save']);
  });

  it('a second operation of the person while one runs is refused as busy', async () => {
    const first = exclusive('server', () => later('created'));
    const second = await exclusive('connect', async () => 'connected');
    expect(second).toBe(BUSY);
    expect(await first).toBe('created');
    // Afterwards the next one runs.
    expect(await exclusive('connect', async () => 'connected')).toBe('connected');
  });

  it('a check waits for a running operation, and a failed operation frees the lock', async () => {
    const failing = exclusive('module', async () => {
      await later(null);
      throw new Error('Odoo down');
    });
    const check = exclusive('check', async () => 'checked');
    await expect(failing).rejects.toThrow('Odoo down');
    expect(await check).toBe('checked');
  });
});
