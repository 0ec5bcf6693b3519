/**
 * Which page of the journey a Console URL is — pure URL logic, nothing read from the page
 * (refined-github/github-url-detection style: each detector has example URLs, and the tests check
 * every detector against its own examples and against everybody else's).
 *
 * URL map: google-console.md §1. Noise the Console adds to links (`authuser`, `hl`,
 * `supportedpurview`, `pli`, `_ga`, `project=_`) never changes the answer. Angular matrix
 * parameters (`/consent/edit;newAppInternalUser=false`) are ignored per path segment (§1, legacy
 * consent edit). Both hosts serve the same app (§1).
 */

import { parseUrl } from '../url';
import { CONSOLE_HOSTS } from './matches';

export const PAGE_IDS = [
  'projectCreate',
  'dashboard',
  'authOverview',
  'authWizard',
  'branding',
  'audience',
  'clientsList',
  'clientCreate',
  'clientDetails',
  'legacyConsent',
  'legacyConsentEdit',
  'legacyCredentials',
  'legacyClientCreate',
  'legacyClientDetails',
  /** Google's 2-Step Verification requirement, which interrupts any page (§1, 2026 §11). */
  'enableMfa',
] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** A full Client ID in a path segment (§1 "Client details": `<client_id>` = full `…apps.googleusercontent.com`; §5.1). */
const CLIENT_ID_SEGMENT = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/;
/** Project ID (§5.4: 6–30 chars, lowercase letters, digits, hyphens, starts with a letter, no trailing hyphen) or project number (§1). */
const PROJECT = /^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{1,20})$/;

function parse(input: string | URL): URL | null {
  const url = parseUrl(input);
  return url?.protocol === 'https:' && CONSOLE_HOSTS.includes(url.hostname) ? url : null;
}

/** Path segments without Angular matrix parameters (`edit;newAppInternalUser=false` → `edit`). */
function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .map((s) => decodeURIComponent(s.split(';')[0] ?? ''))
    .filter(Boolean);
}

/** The selected project (`?project=`), or null for none and for the `_` placeholder (§1). */
export function projectOf(input: string | URL): string | null {
  const url = parse(input);
  const project = url?.searchParams.get('project') ?? '';
  return PROJECT.test(project) ? project : null;
}

/** The Client ID in a client-details URL (§1), or null. */
export function clientIdOf(input: string | URL): string | null {
  const url = parse(input);
  const last = url ? segments(url).at(-1) : undefined;
  return last && CLIENT_ID_SEGMENT.test(last) ? last : null;
}

type Pattern = readonly (string | RegExp)[];
const PATTERNS: Record<PageId, Pattern> = {
  projectCreate: ['projectcreate'],
  dashboard: ['home', 'dashboard'],
  authOverview: ['auth', 'overview'],
  authWizard: ['auth', 'overview', 'create'],
  branding: ['auth', 'branding'],
  audience: ['auth', 'audience'],
  clientsList: ['auth', 'clients'],
  clientCreate: ['auth', 'clients', 'create'],
  clientDetails: ['auth', 'clients', CLIENT_ID_SEGMENT],
  legacyConsent: ['apis', 'credentials', 'consent'],
  legacyConsentEdit: ['apis', 'credentials', 'consent', 'edit'],
  legacyCredentials: ['apis', 'credentials'],
  legacyClientCreate: ['apis', 'credentials', 'oauthclient'],
  legacyClientDetails: ['apis', 'credentials', 'oauthclient', CLIENT_ID_SEGMENT],
  enableMfa: ['enable-mfa'],
};

export function isPage(page: PageId, input: string | URL): boolean {
  const url = parse(input);
  if (!url) return false;
  const segs = segments(url);
  const pattern = PATTERNS[page];
  if (segs.length !== pattern.length) return false;
  if (!pattern.every((p, i) => (typeof p === 'string' ? segs[i] === p : p.test(segs[i] ?? '')))) return false;
  // The dashboard is only a page of the journey as the proof of a created project (§1, §3.1).
  return page !== 'dashboard' || projectOf(url) !== null;
}

export function detectPage(input: string | URL): PageId | null {
  return PAGE_IDS.find((page) => isPage(page, input)) ?? null;
}

/**
 * Where `/enable-mfa?redirectTo=…` returns once 2-Step Verification is on (§1): a path of the same Console,
 * or null (never another site).
 */
export function mfaReturn(input: string | URL): string | null {
  const url = parse(input);
  const to = url?.searchParams.get('redirectTo') ?? '';
  if (!url || !to.startsWith('/') || to.startsWith('//') || to.includes('\\')) return null;
  const back = parseUrl(new URL(to, url.origin).href);
  return back?.origin === url.origin ? back.href : null;
}

/** The new Google Auth Platform pages vs the legacy "APIs & Services" ones (§0). */
export const isLegacyPage = (page: PageId): boolean => page.startsWith('legacy');

const C = 'https://console.cloud.google.com';
const D = 'https://console.developers.google.com';
const ID = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';

/**
 * Example URLs of each page, as public links and the reference show them (google-console.md §1).
 * Tests check each detector against its own list (positive) and every other list (negative). Not
 * used at run time (tree-shaken from the content script).
 */
export const PAGE_EXAMPLES: Record<PageId, string[]> = {
  projectCreate: [
    `${C}/projectcreate`,
    `${C}/projectcreate?previousPage=%2Fhome%2Fdashboard&organizationId=0&supportedpurview=project`,
    `${C}/projectcreate?authuser=1&hl=vi&folder=&organizationId=123`,
    `${D}/projectcreate`,
  ],
  dashboard: [
    `${C}/home/dashboard?project=odoo-123456`,
    `${C}/home/dashboard?project=our-foundry-442305-d3&authuser=0&supportedpurview=project`,
    `${D}/home/dashboard?project=verification-506705&hl=ja`,
  ],
  authOverview: [
    `${C}/auth/overview?project=odoo-123456`,
    `${C}/auth/overview?project=_&authuser=2`,
    `${C}/auth/overview/?project=odoo-123456&pli=1&_ga=2.1.2.3`,
    `${D}/auth/overview`,
  ],
  authWizard: [`${C}/auth/overview/create?project=odoo-123456`, `${C}/auth/overview/create?authuser=1&hl=es`],
  branding: [`${C}/auth/branding?project=odoo-123456`, `${D}/auth/branding?project=123456789012&supportedpurview=project`],
  audience: [`${C}/auth/audience?project=odoo-123456`, `${C}/auth/audience?project=odoo-123456&authuser=0&hl=vi`],
  clientsList: [`${C}/auth/clients?project=odoo-123456`, `${D}/auth/clients?authuser=1`],
  clientCreate: [`${C}/auth/clients/create?project=odoo-123456`, `${C}/auth/clients/create?project=_&supportedpurview=project`],
  clientDetails: [`${C}/auth/clients/${ID}?project=odoo-123456`, `${C}/auth/clients/${ID}?project=123456789012&authuser=1`],
  legacyConsent: [`${C}/apis/credentials/consent?project=odoo-123456`, `${D}/apis/credentials/consent?authuser=0`],
  legacyConsentEdit: [
    `${C}/apis/credentials/consent/edit;newAppInternalUser=false?project=odoo-123456`,
    `${C}/apis/credentials/consent/edit;newAppInternalUser=true?project=odoo-123456&hl=vi`,
    `${C}/apis/credentials/consent/edit?project=odoo-123456`,
  ],
  legacyCredentials: [
    `${C}/apis/credentials?project=odoo-123456`,
    `${C}/apis/credentials?project=odoo-123456&highlightClient=${ID}`,
    `${D}/apis/credentials`,
  ],
  legacyClientCreate: [
    `${C}/apis/credentials/oauthclient?project=odoo-123456`,
    `${D}/apis/credentials/oauthclient?project=_&supportedpurview=project`,
  ],
  legacyClientDetails: [`${C}/apis/credentials/oauthclient/${ID}?project=odoo-123456`],
  enableMfa: [
    `${C}/enable-mfa?redirectTo=%2Fauth%2Foverview`,
    `${C}/enable-mfa?redirectTo=%2Fauth%2Foverview%3Fproject%3Dodoo-123456&authuser=0`,
    `${D}/enable-mfa`,
  ],
};

/** Console (and look-alike) URLs that are no page of the journey. */
export const NOT_JOURNEY_EXAMPLES: string[] = [
  `${C}/`,
  `${C}/home/dashboard`,
  `${C}/home/dashboard?project=_`,
  `${C}/projectselector2/home/dashboard?supportedpurview=project`,
  `${C}/projectselector2/apis/credentials?supportedpurview=project`,
  `${C}/apis/library/gmail.googleapis.com?project=odoo-123456`,
  `${C}/flows/enableapi?apiid=gmail.googleapis.com&project=odoo-123456`,
  `${C}/auth/scopes?project=odoo-123456`,
  `${C}/auth/audience/create?project=odoo-123456`,
  `${C}/auth/clients/not-a-client-id?project=odoo-123456`,
  `${C}/apis/credentials/domainverification?project=odoo-123456`,
  `${C}/iam-admin/settings?project=odoo-123456`,
  `${C}/enable-mfa/settings`,
  `${C}/welcome?project=odoo-123456`,
  'https://console.cloud.google.com.example.com/auth/overview',
  'http://console.cloud.google.com/auth/overview',
  'https://example.com/auth/overview?project=odoo-123456',
  'https://accounts.google.com/signin/oauth/error?authError=abc',
  'not a url',
];
