/**
 * Every label, role, `formcontrolname` and structural hook of the Google Cloud Console that the
 * assistant relies on — one place, each entry citing ../shared/reference/google-console.md.
 *
 * How fields are found (lib/console/fill.ts): the role and accessible name first, then the label
 * texts, then `formcontrolname`, then (last) a structural hook the reference names (§4.1). Never
 * generated ids, never positions.
 *
 * Languages: the Console follows the Google account's language (§0 note), so each label has an
 * English list (from the reference) and a Vietnamese list (the seed guide's readers). Only
 * "Loại ứng dụng" is attested (§0 note); every other Vietnamese string is marked `UNVERIFIED vi`: a
 * translation of the English label, to be checked on a live Console. When a Vietnamese label is
 * wrong, the structural fallbacks still find the field, or the step falls back to guided manual
 * mode and says which label to look for — it never fills the wrong field.
 *
 * Text comparison is on normalized text (fill.ts `norm`): lower case, whitespace collapsed, a leading
 * "+" and a trailing "*" or ":" dropped — so "+ ADD URI" (legacy, §3.9) equals "Add URI" (§3.6).
 * A string must equal the whole name; a RegExp is tested against it.
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
}

const T = (role: Role, en: Text[], vi: Text[], more: Partial<Target> = {}): Target => ({ role, names: { en, vi }, ...more });

export const S = {
  // ── Create project (§3.1) ──
  /** AX textbox `Project name`; CSS `proj-name-id-input input` (latchkey). */
  projectName: T('textbox', ['Project name'], ['Tên dự án' /* UNVERIFIED vi */], { css: 'proj-name-id-input input' }),
  /** AX textbox `Project ID` (shown after `Edit the project id.`) (§3.1). */
  projectId: T('textbox', ['Project ID'], ['Mã dự án' /* UNVERIFIED vi */]),
  /** AX button `Create` in `main > form`; CSS `button[type="submit"]` (latchkey). Legacy pages: `CREATE` (§3.8, §3.9). */
  create: T('button', ['Create'], ['Tạo' /* UNVERIFIED vi */]),
  /** Notification after creation: AX button `Navigate to <project-id> project` (gclientid, §3.1). */
  navigateToProject: T(
    'button',
    [/^navigate to (\S+) project$/],
    [/^(?:chuyển|đi) (?:đến|tới) dự án (\S+)$/ /* UNVERIFIED vi */],
  ),

  // ── Google Auth Platform overview / empty state (§3.2) ──
  /** CTA `Get started`: AX role **link** (gclientid); CSS `cfc-empty-state-actions .mdc-button__label` (latchkey). */
  getStarted: T('button', ['Get started'], ['Bắt đầu' /* UNVERIFIED vi */], {
    css: 'cfc-empty-state-actions a, cfc-empty-state-actions button',
  }),
  /** Transient state of a fresh project (§3.2, §4.8). */
  failedToLoad: { en: ['Failed to load'], vi: ['Không tải được' /* UNVERIFIED vi */] } as Labels,

  // ── Wizard "Get started" (§3.2) and legacy "Edit app registration" (§3.8) ──
  /** AX textbox `App name`; `input[formcontrolname="displayName"]` (latchkey, Spanish script). */
  appName: T('textbox', ['App name'], ['Tên ứng dụng' /* UNVERIFIED vi */], { fcn: 'displayName' }),
  /** AX combobox `User support email` — starts disabled until the account's emails load; not a `<select>` (§3.2, §4.2).
   *  `cfc-select[formcontrolname="userSupportEmail"]` is the Spanish script's guess (UNVERIFIED). */
  supportEmail: T('combobox', ['User support email'], ['Email hỗ trợ người dùng' /* UNVERIFIED vi */], {
    fcn: 'userSupportEmail',
  }),
  /** Radios `Internal` / `External`; Internal disabled for personal Gmail (`mdc-radio--disabled`) (§3.2, §3.8). */
  internal: T('radio', ['Internal'], ['Nội bộ' /* UNVERIFIED vi */]),
  external: T('radio', ['External'], ['Bên ngoài' /* UNVERIFIED vi */]),
  /** Chip input: label "Email addresses", AX textbox `Text field for emails`, `mat-chip-grid[formcontrolname="emails"] input` (§3.2);
   *  legacy "Developer contact information › Email addresses" (§3.8). Enter makes the chip (§4.3). */
  contactEmails: T(
    'textbox',
    ['Text field for emails', 'Email addresses'],
    ['Trường văn bản cho email' /* UNVERIFIED vi */, 'Địa chỉ email' /* UNVERIFIED vi */],
    { fcn: 'emails' },
  ),
  /** Checkbox "I agree to the Google API Services: User Data Policy." (AX name starts `I agree`, §3.2). */
  agree: T(
    'checkbox',
    ['I agree to the Google API Services: User Data Policy.', /^i agree/],
    ['Tôi đồng ý' /* UNVERIFIED vi */, /^tôi đồng ý/],
  ),
  /** Stepper buttons: `Next` (`.cfc-stepper-step-button`), `Continue`, then `Create` (`.cfc-stepper-submit-button button`) (§3.2). */
  next: T('button', ['Next'], ['Tiếp theo' /* UNVERIFIED vi */]),
  continue: T('button', ['Continue'], ['Tiếp tục' /* UNVERIFIED vi */]),
  /** Legacy stepper (§3.8): `SAVE AND CONTINUE` on every step, `BACK TO DASHBOARD` on the summary. */
  saveAndContinue: T('button', ['Save and continue'], ['Lưu và tiếp tục' /* UNVERIFIED vi */]),

  // ── Branding (§3.3) / legacy App domain (§3.8) ──
  /** Button `Add domain` (lab text "+ Add Domain"; legacy `+ ADD DOMAIN`) (§3.3, §3.8). */
  addDomain: T('button', ['Add domain'], ['Thêm miền' /* UNVERIFIED vi */]),
  /** Each new field: AX textbox `Authorized domain` (visible label "Authorized domain 1", "… 2") (§3.3). */
  authorizedDomain: T(
    'textbox',
    ['Authorized domain 1', /^authorized domain(?: \d+)?$/],
    ['Miền được ủy quyền 1' /* UNVERIFIED vi */, /^miền được ủy quyền(?: \d+)?$/],
  ),
  /** `Save` in `main > form`; `button[aria-label="Save"][type="submit"]` in the test-users panel (§3.3, §3.4). */
  save: T('button', ['Save'], ['Lưu' /* UNVERIFIED vi */]),

  /** Rejection on Save: AX dialog `Error dialog` (gclientid, §3.3); domain validation text (§3.3, §5.5). */
  errorDialog: T('dialog', ['Error dialog'], ['Hộp thoại lỗi' /* UNVERIFIED vi */]),
  invalidDomain: { en: [/^invalid domain/], vi: [/^miền không hợp lệ/ /* UNVERIFIED vi */] } as Labels,

  // ── Audience (§3.4) / legacy Test users (§3.8) ──
  /** The test users list: heading "Test users" (§3.4, §3.8 step 3). */
  testUsers: T('group', ['Test users'], ['Người dùng thử nghiệm' /* UNVERIFIED vi */]),
  /** `+ Add users` (AX button /add users/i); legacy `+ ADD USERS` (§3.4, §3.8). */
  addUsers: T('button', ['Add users', /^add users?$/], ['Thêm người dùng' /* UNVERIFIED vi */]),
  /** The side panel's chip input: `mat-chip-grid input` (latchkey); its label is not in the reference. */
  testUserInput: T('textbox', ['Email', /e-?mail/], ['Email' /* UNVERIFIED vi */, /email/], {
    css: 'mat-chip-grid input',
  }),
  /** Legacy "Add users" dialog's confirm button `ADD` (§3.8). */
  add: T('button', ['Add'], ['Thêm' /* UNVERIFIED vi */]),
  /** Publishing status texts (§3.4, §3.8). */
  testing: { en: ['Testing'], vi: ['Đang thử nghiệm' /* UNVERIFIED vi */] } as Labels,
  inProduction: { en: ['In production'], vi: ['Đang phát hành' /* UNVERIFIED vi */] } as Labels,

  /** `Publish app` (AX button) → AX alertdialog `Push to production?` → `Confirm` (§3.4, gclientid `_publish`). */
  publishApp: T('button', ['Publish app', /^publish app$/], ['Xuất bản ứng dụng' /* UNVERIFIED vi */]),
  confirm: T('button', ['Confirm'], ['Xác nhận' /* UNVERIFIED vi */]),

  /** Legacy consent dashboard: `Publishing status` (§3.8). */
  publishingStatus: { en: ['Publishing status'], vi: ['Trạng thái xuất bản' /* UNVERIFIED vi */] } as Labels,
  /** Legacy stepper step 2: `ADD OR REMOVE SCOPES`; step 4: `BACK TO DASHBOARD` (§3.8). */
  addScopes: T('button', ['Add or remove scopes'], ['Thêm hoặc xóa phạm vi' /* UNVERIFIED vi */]),
  backToDashboard: T('button', ['Back to dashboard'], ['Quay lại trang tổng quan' /* UNVERIFIED vi */]),

  // ── Create client (§3.6) / legacy (§3.9) ──
  /** AX combobox `Application type` (`cfc-select[role=combobox]`); options `[role=option]` in `.cdk-overlay-container`. */
  applicationType: T('combobox', ['Application type'], ['Loại ứng dụng' /* attested §0 */]),
  /** Option `Web application` — never `Desktop app` (§2.1 FAQ, §3.6). */
  webApplication: { en: ['Web application'], vi: ['Ứng dụng web' /* UNVERIFIED vi */] } as Labels,
  /** AX textbox `Name` = `input[formcontrolname="displayName"]`, shown only after a type is chosen (§3.6). */
  clientName: T('textbox', ['Name'], ['Tên' /* UNVERIFIED vi */], { fcn: 'displayName' }),
  /** AX group `Authorized redirect URIs` — not `Authorized JavaScript origins` (§3.6, §3.9). */
  redirectUris: T('group', ['Authorized redirect URIs'], ['URI chuyển hướng được ủy quyền' /* UNVERIFIED vi */]),
  /** `+ Add URI` in each group (legacy `+ ADD URI`) (§3.6, §3.9). */
  addUri: T('button', ['Add URI'], ['Thêm URI' /* UNVERIFIED vi */]),
  /** Each row: AX textbox `URIs N ` (trailing space; §3.6); its formcontrolname is UNVERIFIED (§10.2). */
  uri: T('textbox', ['URIs 1', /^uris \d+$/], ['URI 1' /* UNVERIFIED vi */, /^uri \d+$/]),

  // ── "OAuth client created" dialog and client details (§3.7, §3.10) ──
  /** `mat-dialog-container` / `.mat-mdc-dialog-container`, AX dialog `OAuth client created` (§3.7, §4.1). */
  dialog: 'mat-dialog-container, .mat-mdc-dialog-container, [role="dialog"], [role="alertdialog"]',
  clientCreated: { en: ['OAuth client created'], vi: ['Đã tạo ứng dụng OAuth' /* UNVERIFIED vi */] } as Labels,
  /** Copy buttons named `Copy to clipboard: <value>` (gclientid, §3.7). */
  copyPrefix: { en: [/^copy to clipboard: ?(.+)$/], vi: [/^sao chép vào bảng nhớ tạm: ?(.+)$/ /* UNVERIFIED vi */] } as Labels,
  /** AX terms `Client ID`, `Client secret` (definition-list style, §3.7). */
  clientIdTerm: { en: ['Client ID'], vi: ['Mã ứng dụng khách' /* UNVERIFIED vi */] } as Labels,
  clientSecretTerm: { en: ['Client secret'], vi: ['Mật khẩu ứng dụng khách' /* UNVERIFIED vi */] } as Labels,
  /** Client details: "Client secrets" › `Add secret` — a new secret shown once in a dialog (§3.7). */
  addSecret: T('button', ['Add secret'], ['Thêm mật khẩu' /* UNVERIFIED vi */]),

  // ── Structural hooks named by the reference (§4.1) ──
  /** Where CDK overlays (select options, menus) render, outside the field (§3.6, §4.2). */
  overlay: '.cdk-overlay-container',
  /** Options of an open select (`mat-option`, `cfc-option`, `[role=option]`) (§3.2, §3.6). */
  option: '[role="option"], mat-option, cfc-option',
  /** Chips already made (`mat-chip-row`; latchkey waits for one containing the email) (§3.4). */
  chip: 'mat-chip-row, mat-chip, [role="row"], .mdc-evolution-chip',
  /** Transient submission error on project creation (§3.1). */
  submissionError: '.cfc-form-submission-error',
} as const;

export const names = (l: Labels): Text[] => [...l.en, ...l.vi];

/** The label a person should look for, in the Console's language (`<html lang>`), for manual mode. */
export function shownLabel(l: Labels, lang = document.documentElement.lang): string {
  const list = lang.toLowerCase().startsWith('vi') ? l.vi : l.en;
  const first = list.find((x) => typeof x === 'string') ?? l.en.find((x) => typeof x === 'string');
  return typeof first === 'string' ? first : '';
}
