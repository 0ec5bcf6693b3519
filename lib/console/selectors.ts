/**
 * Every label, role, `formcontrolname` and structural hook of the Google Cloud Console that the
 * assistant relies on — one place, each entry citing its evidence: `google-console.md §N` (the
 * reference) or `2026 §N` (docs/evidence/google-console-2026.md, public scripts written against
 * the live Console in August–October 2026), with the source when it is one script.
 *
 * How a target is found (lib/console/fill.ts `findAll`), in this order — the first tier that finds
 * anything wins; never generated ids, never positions except the one the evidence names:
 *   1. role + the WHOLE accessible name;
 *   2. `formcontrolname` on the control or its wrapper (`fcn`; 2026 §7 confirms `typeControl`, `uri`,
 *      `userSupportEmail`; §4.1 `displayName`, `emails`) — a first-class finder, so one label the
 *      Console words differently no longer sends a step to manual mode;
 *   3. role + an accessible name that BEGINS with the label and goes on with a description (below);
 *   4. the label texts a person sees (`<label>`, `aria-labelledby`, placeholder, `mat-label`), same rules;
 *   5. `within`: a label-less control inside its section (2026 §4: authorized-domain boxes may carry
 *      no label and no type);
 *   6. `css`: a structural hook the reference names (§4.1).
 * A section (`findGroup`) is its AX group, else the container of its heading that holds its own button,
 * else `owns`: the container of the nth such button (the SECOND "Add URI" is the redirect URIs', §3.6).
 *
 * The matching rule (fill.ts `grade`), on normalized text (below):
 *   - a string label matches the whole name: "Name" = "Name", "+ ADD URI" = "Add URI";
 *   - or the beginning of the name, ending at a word boundary, when what follows starts a NEW phrase —
 *     a capital letter, a digit or punctuation: "External" matches "External Available to any test
 *     user…" and "External — Available…" (2026 §2: radio names carry their description, every live
 *     script matches by prefix or substring), "Authorized domain" matches "Authorized domain 1";
 *   - never a longer name that goes on in lower case — that is another label: "Create" ≠ "Create
 *     credentials", "Add" ≠ "Add users", "Save" ≠ "Save and continue"; never a name that merely
 *     contains the label: "Name" ≠ "Project name"; never a word cut short: "Authorized domain" ≠
 *     "Authorized domains". A name in capitals only ("ADD USERS", legacy §3.8) has no case to tell a
 *     description from a longer label: it matches whole, or before a digit/punctuation;
 *   - BUTTONS match whole names only: a longer button name is another button ("Create OAuth client");
 *   - a RegExp is tested against the normalized name (special cases: "I agree…", "Copy to clipboard: …").
 *     Write it in canonical form (US spelling, tone mark on the second vowel — a unit test checks).
 *   Exact matches win: a page holding both "Create" and "Create OAuth client" gives "Create".
 *
 * Normalization (fill.ts `norm`): lower case, whitespace collapsed, invisible characters dropped, a
 * leading "+" and a trailing "*" or ":" dropped — so "+ ADD URI" (legacy, §3.9) equals "Add URI" (§3.6)
 * — and every spelling a real Console shows folded to one form, so each label is written once:
 *   - British English (2026 §3, `console-auto.mjs`: "Authorised redirect URIs", "organisation"):
 *     `authoris-`/`organis-` read as `authoriz-`/`organiz-` (never inside an address or an ID);
 *   - Vietnamese tone-mark placement (2026 §6): Google writes "uỷ quyền", "xoá", "khoá"; other texts
 *     "ủy", "xóa", "khóa"; NFC keeps them apart. In "oa", "oe", "uy" the mark goes on the second vowel.
 *
 * Languages: the Console follows the Google account's language (§0 note), so each label has an
 * English list (from the reference) and a Vietnamese list (the seed guide's readers). Only
 * "Loại ứng dụng" is attested (§0 note); every other Vietnamese string is marked `UNVERIFIED vi`: a
 * translation of the English label, to be checked on a live Console (Google Cloud's help is not
 * translated into Vietnamese, 2026 §6). A Vietnamese label may help, but it is never the only way: the
 * `formcontrolname` and structural finders find the field too, or the step falls back to guided manual
 * mode and says which label to look for — it never fills the wrong field.
 *
 * TODO [2027-01-01]: drop the legacy (APIs & Services) entries if the legacy pages are gone (§0, §10.3).
 */

export type Text = string | RegExp;
export interface Labels {
  en: readonly Text[];
  vi: readonly Text[];
}
export type Role = 'textbox' | 'combobox' | 'radio' | 'checkbox' | 'button' | 'group' | 'dialog';

/** How to find one thing on a page. */
export interface Target {
  role: Role;
  names: Labels;
  /** `formcontrolname` on the control or on its wrapper (Angular forms; §4.1 "stable hooks"). */
  fcn?: string;
  /** Last resort: a tag/class the reference names as a hook (§4.1); scoped like the rest. */
  css?: string;
  /** A control with no name of its own (or only a placeholder) inside this section (2026 §4). */
  within?: { section: Target; hook: Target };
  /** For a section: the container of the `nth` (0-based) `button` that holds no other one (§3.6). */
  owns?: { button: Target; nth: number };
}

/** Pure: a label no code uses is left out of the bundle that does not use it (each part holds its own). */
const T = /* @__NO_SIDE_EFFECTS__ */ (role: Role, en: Text[], vi: Text[], more: Partial<Target> = {}): Target => ({
  role,
  names: { en, vi },
  ...more,
});

/** `+ Add domain` (lab text "+ Add Domain"; legacy `+ ADD DOMAIN`) (§3.3, §3.8; 2026 §4 "ADD DOMAIN appends one"). */
export const addDomain = T('button', ['Add domain'], ['Thêm miền' /* UNVERIFIED vi */]);
/** The "Authorized domains" section of Branding (§3.3), British "Authorised domains" (2026 §3, folded by `norm`). */
export const authorizedDomains = T(
  'group',
  ['Authorized domains'],
  ['Các miền được uỷ quyền' /* UNVERIFIED vi */, 'Miền được uỷ quyền' /* UNVERIFIED vi */],
);
/** `+ Add URI` in each URI group (legacy `+ ADD URI`) (§3.6, §3.9). */
export const addUri = T('button', ['Add URI'], ['Thêm URI' /* UNVERIFIED vi */]);

// ── Create project (§3.1) ──
/** AX textbox `Project name`; CSS `proj-name-id-input input` (latchkey). */
export const projectName = T('textbox', ['Project name'], ['Tên dự án' /* UNVERIFIED vi */], { css: 'proj-name-id-input input' });
/** AX textbox `Project ID` (shown after `Edit the project id.`) (§3.1). */
export const projectId = T('textbox', ['Project ID'], ['Mã dự án' /* UNVERIFIED vi */]);
/** AX button `Create` in `main > form`; CSS `button[type="submit"]` (latchkey). Legacy pages: `CREATE` (§3.8, §3.9). */
export const create = T('button', ['Create'], ['Tạo' /* UNVERIFIED vi */]);
/** Notification after creation: AX button `Navigate to <project-id> project` (gclientid, §3.1). */
export const navigateToProject = T(
  'button',
  [/^navigate to (\S+) project$/],
  [/^(?:chuyển|đi) (?:đến|tới) dự án (\S+)$/ /* UNVERIFIED vi */],
);

// ── Google Auth Platform overview / empty state (§3.2) ──
/** CTA `Get started`: AX role **link** (gclientid); CSS `cfc-empty-state-actions .mdc-button__label` (latchkey). */
export const getStarted = T('button', ['Get started'], ['Bắt đầu' /* UNVERIFIED vi */], {
  css: 'cfc-empty-state-actions a, cfc-empty-state-actions button',
});
/** Transient state of a fresh project (§3.2, §4.8). */
export const failedToLoad = { en: ['Failed to load'], vi: ['Không tải được' /* UNVERIFIED vi */] } as Labels;

// ── Wizard "Get started" (§3.2) and legacy "Edit app registration" (§3.8) ──
/** AX textbox `App name`; `input[formcontrolname="displayName"]` (latchkey, Spanish script). */
export const appName = T('textbox', ['App name'], ['Tên ứng dụng' /* UNVERIFIED vi */], { fcn: 'displayName' });
/** AX combobox `User support email` — starts disabled until the account's emails load; not a `<select>` (§3.2, §4.2).
 *  `cfc-select[formcontrolname="userSupportEmail"]` is the Spanish script's guess (UNVERIFIED). */
export const supportEmail = T('combobox', ['User support email'], ['Email hỗ trợ người dùng' /* UNVERIFIED vi */], {
  /** 2026 §7: `formcontrolname="userSupportEmail"` confirmed (high). */
  fcn: 'userSupportEmail',
});
/** Radios `Internal` / `External`; Internal disabled for personal Gmail (`mdc-radio--disabled`) (§3.2, §3.8).
 *  Their accessible names carry a description, "External Available to any test user…" (2026 §2): prefix rule. */
export const internal = T('radio', ['Internal'], ['Nội bộ' /* UNVERIFIED vi */]);
export const external = T('radio', ['External'], ['Bên ngoài' /* UNVERIFIED vi */]);
/** Chip input: label "Email addresses", AX textbox `Text field for emails`, `mat-chip-grid[formcontrolname="emails"] input` (§3.2);
 *  legacy "Developer contact information › Email addresses" (§3.8). Enter makes the chip (§4.3). */
export const contactEmails = T(
  'textbox',
  ['Text field for emails', 'Email addresses'],
  ['Trường văn bản cho email' /* UNVERIFIED vi */, 'Địa chỉ email' /* UNVERIFIED vi */],
  { fcn: 'emails' },
);
/** Checkbox "I agree to the Google API Services: User Data Policy." (AX name starts `I agree`, §3.2). */
export const agree = T(
  'checkbox',
  ['I agree to the Google API Services: User Data Policy.', /^i agree/],
  ['Tôi đồng ý' /* UNVERIFIED vi */, /^tôi đồng ý/],
);
/** Stepper buttons: `Next` (`.cfc-stepper-step-button`), `Continue`, then `Create` (`.cfc-stepper-submit-button button`) (§3.2). */
export const next = T('button', ['Next'], ['Tiếp theo' /* UNVERIFIED vi */]);
export const continueButton = T('button', ['Continue'], ['Tiếp tục' /* UNVERIFIED vi */]);
export { continueButton as continue };
/** Legacy stepper (§3.8): `SAVE AND CONTINUE` on every step, `BACK TO DASHBOARD` on the summary. */
export const saveAndContinue = T('button', ['Save and continue'], ['Lưu và tiếp tục' /* UNVERIFIED vi */]);

// ── Branding (§3.3) / legacy App domain (§3.8) ──
/** Button `Add domain` (§3.3, §3.8; 2026 §4). */
/** The section "Authorized domains" (§3.3; 2026 §3 British, 2026 §6 "uỷ quyền"). */
/** Each new field: AX textbox `Authorized domain` (visible label "Authorized domain 1", "… 2") (§3.3; gclientid 2026 §4
 *  finds it by the name `Authorized domain`: the prefix rule takes "Authorized domain", "… 1", British "Authorised…").
 *  `console-auto.mjs` (live 2026-10-01, 2026 §4): the boxes may carry no label and no type — then any unnamed
 *  textbox of the section; after `Add domain`, the NEW box is filled (fill.ts `addRow`). */
export const authorizedDomain = T(
  'textbox',
  ['Authorized domain 1', 'Authorized domain'],
  ['Miền được uỷ quyền 1' /* UNVERIFIED vi */, 'Miền được uỷ quyền' /* UNVERIFIED vi */],
  { within: { section: authorizedDomains, hook: addDomain } },
);
/** `Save` in `main > form`; `button[aria-label="Save"][type="submit"]` in the test-users panel (§3.3, §3.4). */
export const save = T('button', ['Save'], ['Lưu' /* UNVERIFIED vi */]);

/** Rejection on Save: AX dialog `Error dialog` (gclientid, §3.3); domain validation text (§3.3, §5.5). */
export const errorDialog = T('dialog', ['Error dialog'], ['Hộp thoại lỗi' /* UNVERIFIED vi */]);
export const invalidDomain = { en: [/^invalid domain/], vi: [/^miền không hợp lệ/ /* UNVERIFIED vi */] } as Labels;

// ── Audience (§3.4) / legacy Test users (§3.8) ──
/** The test users list: heading "Test users" (§3.4, §3.8 step 3). */
export const testUsers = T('group', ['Test users'], ['Người dùng thử nghiệm' /* UNVERIFIED vi */]);
/** `+ Add users` (AX button /add users/i); legacy `+ ADD USERS` (§3.4, §3.8). */
export const addUsers = T('button', ['Add users', /^add users?$/], ['Thêm người dùng' /* UNVERIFIED vi */]);
/** The side panel's chip input: `mat-chip-grid input` (latchkey); its label is not in the reference. */
export const testUserInput = T('textbox', ['Email', /e-?mail/], ['Email' /* UNVERIFIED vi */, /email/], {
  css: 'mat-chip-grid input',
});
/** Legacy "Add users" dialog's confirm button `ADD` (§3.8). */
export const add = T('button', ['Add'], ['Thêm' /* UNVERIFIED vi */]);
/** Publishing status texts (§3.4, §3.8). */
export const testing = { en: ['Testing'], vi: ['Đang thử nghiệm' /* UNVERIFIED vi */] } as Labels;
export const inProduction = { en: ['In production'], vi: ['Đang phát hành' /* UNVERIFIED vi */] } as Labels;

/**
 * Branding › App domain: the app's home page and privacy policy link (§3.3, gclientid fills both; High).
 * 2026 §1: both are required, on authorized domains, before "Publish app" is enabled; the banner words them
 * "App home page" / "App privacy policy link" — as field labels that wording is UNVERIFIED, so both are kept.
 */
export const appHomePage = T(
  'textbox',
  ['Application home page', 'App home page'],
  ['Trang chủ của ứng dụng' /* UNVERIFIED vi */, 'Trang chủ ứng dụng' /* UNVERIFIED vi */],
);
/** The privacy policy link beside it (§3.3; 2026 §1: required before Publish app). */
export const appPrivacyPolicy = T(
  'textbox',
  ['Application privacy policy link', 'App privacy policy link'],
  [
    'Đường liên kết đến chính sách quyền riêng tư của ứng dụng', // UNVERIFIED vi
    'Đường liên kết đến chính sách quyền riêng tư', // UNVERIFIED vi
  ],
);
/** 2026 §1 (HA #47604, rclone #9858): "The OAuth configuration of your app is incomplete… Go to the 'Branding' page". */
export const configIncomplete = {
  en: [/^the oauth configuration of your app is incomplete/],
  vi: [/^cấu hình oauth của ứng dụng chưa hoàn tất/ /* UNVERIFIED vi */],
} as Labels;
/** `Publish app` (AX button) → AX alertdialog `Push to production?` → `Confirm` (§3.4, gclientid `_publish`). */
export const publishApp = T('button', ['Publish app', /^publish app$/], ['Xuất bản ứng dụng' /* UNVERIFIED vi */]);
export const confirm = T('button', ['Confirm'], ['Xác nhận' /* UNVERIFIED vi */]);

/** Legacy consent dashboard: `Publishing status` (§3.8). */
export const publishingStatus = { en: ['Publishing status'], vi: ['Trạng thái xuất bản' /* UNVERIFIED vi */] } as Labels;
/** Legacy stepper step 2: `ADD OR REMOVE SCOPES`; step 4: `BACK TO DASHBOARD` (§3.8). */
export const addScopes = T('button', ['Add or remove scopes'], ['Thêm hoặc xoá phạm vi' /* UNVERIFIED vi */]);
export const backToDashboard = T('button', ['Back to dashboard'], ['Quay lại trang tổng quan' /* UNVERIFIED vi */]);

// ── Create client (§3.6) / legacy (§3.9) ──
/** AX combobox `Application type` (`cfc-select[role=combobox]`); options `[role=option]` in `.cdk-overlay-container` (§3.6).
 *  2026 §7: `cfc-select[formcontrolname="typeControl"]` confirmed (high). */
export const applicationType = T('combobox', ['Application type'], ['Loại ứng dụng' /* attested §0 */], { fcn: 'typeControl' });
/** Option `Web application` — never `Desktop app` (§2.1 FAQ, §3.6). */
export const webApplication = { en: ['Web application'], vi: ['Ứng dụng web' /* UNVERIFIED vi */] } as Labels;
/** AX textbox `Name` = `input[formcontrolname="displayName"]`, shown only after a type is chosen (§3.6). */
export const clientName = T('textbox', ['Name'], ['Tên' /* UNVERIFIED vi */], { fcn: 'displayName' });
/** AX group `Authorized redirect URIs` — not `Authorized JavaScript origins` (§3.6, §3.9; British "Authorised", 2026 §3).
 *  Its Vietnamese name is unverifiable (2026 §6), so the structure finds it too: the SECOND `Add URI` of the page
 *  belongs to redirect URIs (§3.6, Spanish script) — its section is the container holding no other `Add URI`. */
export const redirectUris = T('group', ['Authorized redirect URIs'], ['URI chuyển hướng được uỷ quyền' /* UNVERIFIED vi */], {
  owns: { button: addUri, nth: 1 },
});
/** `+ Add URI` in each group (legacy `+ ADD URI`) (§3.6, §3.9). */
/** Each row: AX textbox `URIs N ` (trailing space; §3.6); `input[formcontrolname="uri"]` in both URI sections
 *  (2026 §7, high) — so rows are always looked for inside the section. */
export const uri = T('textbox', ['URIs 1', 'URIs'], ['URI 1' /* UNVERIFIED vi */, 'URI' /* UNVERIFIED vi */], { fcn: 'uri' });

// ── "OAuth client created" dialog and client details (§3.7, §3.10) ──
/** `mat-dialog-container` / `.mat-mdc-dialog-container`, AX dialog `OAuth client created` (§3.7, §4.1). */
export const dialog = 'mat-dialog-container, .mat-mdc-dialog-container, [role="dialog"], [role="alertdialog"]';
export const clientCreated = { en: ['OAuth client created'], vi: ['Đã tạo ứng dụng OAuth' /* UNVERIFIED vi */] } as Labels;
/** Copy buttons named `Copy to clipboard: <value>` (gclientid, §3.7). */
export const copyPrefix = {
  en: [/^copy to clipboard: ?(.+)$/],
  vi: [/^sao chép vào bảng nhớ tạm: ?(.+)$/ /* UNVERIFIED vi */],
} as Labels;
/** AX terms `Client ID`, `Client secret` (definition-list style, §3.7). */
export const clientIdTerm = { en: ['Client ID'], vi: ['Mã ứng dụng khách' /* UNVERIFIED vi */] } as Labels;
export const clientSecretTerm = { en: ['Client secret'], vi: ['Mật khẩu ứng dụng khách' /* UNVERIFIED vi */] } as Labels;
/** Client details: "Client secrets" › `Add secret` — a new secret shown once in a dialog (§3.7). */
export const addSecret = T('button', ['Add secret'], ['Thêm mật khẩu' /* UNVERIFIED vi */]);

// ── Evidence of a page's state, and interruptions (never claim what was not seen; interruptions named) ──
/** The configured overview's action `Create OAuth client` (§3.2: the empty state shows only `Get started`;
 *  the configured page's wording is not in the reference — UNVERIFIED, the replica's). Positive evidence only. */
export const createOAuthClient = T('button', ['Create OAuth client'], ['Tạo ứng dụng khách OAuth' /* UNVERIFIED vi */]);
/** The configured overview's "Metrics" section (§3.2, UNVERIFIED like the above; either one is enough). */
export const overviewMetrics = { en: ['Metrics'], vi: ['Chỉ số' /* UNVERIFIED vi */] } as Labels;
/** A Console without the page asked for: an older Console has no `/auth/*` pages (§0, §1); wording UNVERIFIED. */
export const pageNotFound = {
  en: ['Not found', 'Page not found', /^404\b/, /requested url was not found/],
  vi: ['Không tìm thấy trang' /* UNVERIFIED vi */, 'Không tìm thấy' /* UNVERIFIED vi */],
} as Labels;
/** The Console's content area: "inside `main` > `form`" (§3.1, §3.2); blank for seconds on the redesigned Console (2026 §12). */
export const main = 'main, [role="main"]';
/** The Cloud Terms of Service dialog of a new account: `cfc-tos-checkboxes` (§3.1, §4.1; 2026 §11). Never ticked by the assistant. */
export const tos = 'cfc-tos-checkboxes';
/** Its button "Agree and continue" (§3.1, latchkey) — the person's to click; the panel points at it. */
export const agreeAndContinue = T('button', ['Agree and continue'], ['Đồng ý và tiếp tục' /* UNVERIFIED vi */]);
/** The clients page before the consent screen: a bar "you must first configure your consent screen" (§3.6 latchkey;
 *  §3.9 `CONFIGURE CONSENT SCREEN`; 2026 §10: the create form still renders under it). */
export const consentFirst = {
  en: [/configure (?:your |the )?(?:oauth )?consent screen/],
  vi: [/(?:định cấu hình|thiết lập) màn hình (?:xin phép|đồng ý)/ /* UNVERIFIED vi */],
} as Labels;

// ── Structural hooks named by the reference (§4.1) ──
/** Where CDK overlays (select options, menus) render, outside the field (§3.6, §4.2). */
export const overlay = '.cdk-overlay-container';
/** Options of an open select (`mat-option`, `cfc-option`, `[role=option]`) (§3.2, §3.6). */
export const option = '[role="option"], mat-option, cfc-option';
/** Chips already made (`mat-chip-row`; latchkey waits for one containing the email) (§3.4). */
export const chip = 'mat-chip-row, mat-chip, [role="row"], .mdc-evolution-chip';
/** Transient submission error on project creation (§3.1). */
export const submissionError = '.cfc-form-submission-error';
