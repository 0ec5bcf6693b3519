/**
 * Classic zod 4 compiles object parsers with `new Function` when it may (its "JIT"); extension pages
 * forbid eval by CSP, so its first parse would probe `Function('')` and leave a CSP violation in the
 * console. The extension imports `zod/mini`, whose objects never compile; `jitless` keeps any parser of
 * zod's on the interpreter all the same, should one probe. Imported first by every entrypoint
 * (docs/firefox.md › web-ext lint).
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
