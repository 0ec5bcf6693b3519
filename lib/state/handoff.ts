/**
 * "The click carries on to the next page": what the person's click on one Console page leaves for the
 * page it leads to — the step that click already asked for (so it runs there without a second click) and
 * whether that page's panel takes the keyboard focus (the assistant opened it itself). One record, one
 * time limit, taken once by the page it was left for.
 *
 * Session storage, under a key of its own: a hand-off is meaningless after a browser restart, so the two
 * records it replaces ('session:consoleArrival' and the assistant's in-memory carry) need no migration —
 * session storage dies with the browser.
 */
import * as z from 'zod/mini';
import { PAGE_IDS, type PageId } from '../console/detect';
import { CONSOLE_STEPS } from '../console/types';
import { defineValidatedItem } from './define';

const Handoff = z.lazy(() =>
  z.object({
    /**
     * The page it is for; null when the click cannot know which page it leads to ("Get started" opens the
     * wizard at its own address or in place): then the next page of the journey in that tab takes it.
     */
    page: z.nullable(z.enum(PAGE_IDS)),
    /** The step the click asked for (`Env.carry`): it runs there without a second click. */
    step: z.optional(z.enum(CONSOLE_STEPS)),
    /** The assistant opened the page itself: its panel takes the keyboard focus (`ConsoleContext.arrived`). */
    focus: z.boolean(),
    /** The tab whose click left it: another Console tab never takes it. */
    tab: z.optional(z.int()),
    at: z.number(),
  }),
);
export type Handoff = z.infer<typeof Handoff>;

export const handoffItem = defineValidatedItem('session:consoleHandoff', z.nullable(Handoff), { fallback: null, version: 1 });

/** A page that took longer than this to load is no longer the one the click opened. */
export const HANDOFF_MS = 60_000;

export async function leave(handoff: Omit<Handoff, 'at'>): Promise<void> {
  await handoffItem.set({ ...handoff, at: Date.now() });
}

/** The hand-off left for `page` in `tab`: taken once (it is gone afterwards), and only while fresh. */
export async function take(page: PageId, tab?: number): Promise<Handoff | null> {
  const left = await handoffItem.get();
  if (!left || (left.page !== null && left.page !== page) || left.tab !== tab) return null;
  await handoffItem.set(null);
  return Date.now() - left.at < HANDOFF_MS ? left : null;
}
