/**
 * The assistant's field report ("Copy a report for the developers", lib/console/report.ts): not in the
 * assistant's bundle; the background injects it on the first click of that button in a document
 * (`loadConsolePart`, lib/background/console-loader.ts) and it registers itself for the assistant
 * (lib/console/kit.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kit } from '@/lib/console/kit';
import { fieldReport } from '@/lib/console/report';

export default defineUnlistedScript(() => {
  kit().report = fieldReport;
});
