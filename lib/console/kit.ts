/**
 * The assistant's parts that are injected only when needed: the background injects each as its own
 * script (`loadConsolePart`, lib/background/console-loader.ts), which registers its entry here, on the
 * content script's own global (the isolated world in Chrome, the content-script sandbox in Firefox — out
 * of the Console page's reach, shared by the scripts the extension injects into the document). The
 * assistant finds it there after the injection; a part is injected at most once per document.
 */
import { sendMessage } from '../messaging';
import { REPORT_TITLE, type ReportInput } from './report';
import type { ConsolePart } from './types';

/** What each part registers. */
export interface Kit {
  report: (input: ReportInput) => string;
}
const KIT = '__gmailOdooKit';
type Holder = { [KIT]?: Partial<Kit> };

/** The parts registered in this document (a part's script fills it in). */
export function kit(): Partial<Kit> {
  const holder = globalThis as Holder;
  holder[KIT] ??= {};
  return holder[KIT];
}

/** The entry of `part`, injected first if this document does not have it yet; rejects when it could not be. */
export async function loadPart<P extends ConsolePart>(part: P): Promise<Kit[P]> {
  const known = kit()[part];
  if (known) return known;
  const reply = await sendMessage('loadConsolePart', { part });
  const entry = kit()[part];
  if (!reply.ok || !entry) throw new Error(`part ${part} not loaded`);
  return entry;
}

/** The field report, made by its part on the person's click; never rejects: the fall-back shows it regardless. */
export const reportOnDemand = (input: ReportInput): Promise<string> =>
  loadPart('report').then(
    (make) => make(input),
    () => `${REPORT_TITLE}\nreport failed: not loaded`,
  );

/** Forgets every part registered in this document (a new assistant starts: ./engine.ts `shareEngine`). */
export function forgetParts(): void {
  (globalThis as Holder)[KIT] = {};
}
