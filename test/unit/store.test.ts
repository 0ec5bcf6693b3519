/** Store-readiness facts that live in code rather than in the built package (store-check covers that). */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CONSOLE_ORIGINS } from '@/lib/console-access';
import { SIGN_IN_ERROR_MATCHES } from '@/lib/troubleshoot/matches';
import { CONSOLE_MATCHES } from '../../wxt.config';
import '@/lib/zod-config';

describe('store readiness', () => {
  it('the popup checks exactly the Console hosts the manifest declares', () => {
    expect(CONSOLE_ORIGINS).toEqual(CONSOLE_MATCHES);
  });

  it("the sign-in troubleshooter matches Google's OAuth error pages only (google-console.md §6.1)", () => {
    expect(SIGN_IN_ERROR_MATCHES).toEqual(['https://accounts.google.com/signin/oauth/error*']);
  });

  it('zod runs without eval: jitless is set by lib/zod-config.ts (docs/firefox.md › web-ext lint)', () => {
    expect(z.config().jitless).toBe(true);
    // And still validates: the interpreter, not a compiled function, answers.
    expect(z.object({ a: z.string() }).safeParse({ a: 1 }).success).toBe(false);
  });
});
