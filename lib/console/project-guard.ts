/**
 * The wrong-project guard: filling another project than the one created for Odoo is a mistake worth one
 * question — switch to that project, or go on here.
 */

import type { PanelView } from '../ui/panel';
import { type PageId, projectOf } from './detect';
import { type Step, tx } from './step';
import type { ConsoleContext } from './types';

/** Pages that belong to no project yet, or to any (creating one, its dashboard, the account's 2-Step Verification). */
const ANY_PROJECT: PageId[] = ['dashboard', 'projectCreate', 'enableMfa'];

/** The question to ask before filling `url`, or null when it is the Odoo project (or a project number, or none). */
export function wrongProject(
  def: Step,
  page: PageId,
  url: URL,
  context: ConsoleContext,
  continueHere: () => void,
): PanelView | null {
  const here = projectOf(url);
  const projectId = context.projectId;
  if (!projectId || !here || /^\d+$/.test(here) || here === projectId || ANY_PROJECT.includes(page)) return null;
  const switched = new URL(url);
  switched.searchParams.set('project', projectId);
  return {
    title: tx(def.title),
    status: { text: tx('console.status.wrongProject', { current: here, projectId }), tone: 'warn' },
    links: [
      { label: tx('console.action.switchProject', { projectId }), href: switched.href },
      { label: tx('console.action.continueHere'), run: continueHere },
    ],
  };
}
