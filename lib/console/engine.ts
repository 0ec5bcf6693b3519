/**
 * The assistant's shared engine, as the core (`/console-assistant.js`) holds it: every module its parts
 * (`/console-<part>.js`: the step groups, the field report) use from it instead of bundling their own copy.
 * WXT builds each unlisted script on its own, with no shared chunks; so for the parts' builds, an import of
 * one of these modules becomes a read of this table from the kit (scripts/kit-imports.ts, wxt.config.ts),
 * and the core registers it there when it starts (`shareEngine`, below). One copy of each module runs in
 * a document — the core's — with its state (the timing, the messaging).
 *
 * The keys are the modules' paths under lib/, without extension, each with the names the parts import from
 * it (only those: the core's bundle keeps what it does not use itself out); scripts/kit-imports.ts reads
 * this table from this file, and a part importing a name missing here fails the build. The Console's labels
 * (./selectors.ts) are not in it: each bundle holds only the labels its own code uses.
 */
import { secretsOn } from './capture';
import { isOff, press } from './click';
import { clientIdOf, detectPage, isLegacyPage, mfaReturn, projectOf } from './detect';
import { accName, find, findAll, findGroup, findText, names, norm, query, shownLabel, visible, waitFor } from './fill';
import { forgetParts, kit } from './kit';
import { missing, notReady, pageState, refusedRedirect } from './page-state';
import { consoleUrl, done, goOn, linkIn, tx } from './step';
import { isDisabled } from './widgets/events';
import { rowValues } from './widgets/uri-row';

export const ENGINE = {
  'console/capture': { secretsOn },
  'console/click': { isOff, press },
  'console/detect': { clientIdOf, detectPage, isLegacyPage, mfaReturn, projectOf },
  'console/fill': { accName, find, findAll, findGroup, findText, names, norm, query, shownLabel, visible, waitFor },
  'console/kit': { kit },
  'console/page-state': { missing, notReady, pageState, refusedRedirect },
  'console/step': { consoleUrl, done, goOn, linkIn, tx },
  'console/widgets/events': { isDisabled },
  'console/widgets/uri-row': { rowValues },
};
export type Engine = typeof ENGINE;

/** Where the engine lives in a document: the content script's own global, like the kit (./kit.ts). */
export const ENGINE_GLOBAL = '__gmailOdooEngine';

/**
 * Puts this copy's engine on the content script's global for the parts, and forgets the parts registered
 * before (a copy whose extension context died left them bound to its own engine). Called by the starting
 * assistant before any part is injected beside it or asked for.
 */
export function shareEngine(): void {
  (globalThis as { [ENGINE_GLOBAL]?: Engine })[ENGINE_GLOBAL] = ENGINE;
  forgetParts();
}
