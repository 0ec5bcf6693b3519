/**
 * zod 4 compiles object parsers with `new Function` when it may (its "JIT"). Extension pages forbid
 * eval by CSP, so the first parse would probe `Function('')`, fail, and fall back anyway — leaving a CSP
 * violation in the console. `jitless` makes zod skip the probe and use its interpreter from the start.
 * Imported first by every entrypoint. (web-ext lint still sees the code in the bundle: docs/firefox.md › web-ext lint.)
 */
import { z } from 'zod';

z.config({ jitless: true });
