/**
 * `GET /google_gmail/confirm` (odoo-gmail.md §1.6): where Google sends the browser back with `code` and
 * `state` (or `error`). `type='http', auth='user'`: an anonymous visitor is sent to the login page.
 * Checks run in Odoo's order; every failed check is werkzeug's Forbidden (§7).
 */
import type { Db, User } from './db.ts';
import { OdooException } from './errors.ts';
import { fetchRefreshToken, GMAIL_MODELS, gmailCsrfToken } from './gmail.ts';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

/** werkzeug.exceptions.Forbidden's default page (the text the seed guide's FAQ quotes, §7; captures step 25). */
export const FORBIDDEN: Answer = {
  status: 403,
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>You don&#39;t have the permission to access the requested resource. It is either read-protected or not readable by the server.</p>\n`,
};

/** markupsafe's escape, as QWeb and werkzeug apply it. */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c] ?? c);

/** ≤18.0 returns the translated string itself: a 200 with the plain text (typo "occur" is Odoo's; captures fact 10, steps 24/26). */
const plainError = (): Answer => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body: 'An error occur during the authentication process.',
});

/**
 * 19.0: QWeb `google_gmail.google_gmail_oauth_error` — a fragment, not a page (no `<html>`, no `<title>`):
 * the frontend stylesheet, a warning box and a way back, byte for byte as recorded (captures fact 10,
 * 19.0 steps 24/26; the asset hash is the recorded server's).
 */
const templateError = (message: string, back: string): Answer => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body: `
        <link type="text/css" rel="stylesheet" href="/web/assets/33786a1/web.assets_frontend.min.css"/>
        <div class="py-5">
            <div class="alert alert-warning w-50 mx-auto" role="alert">
                ${esc(message)}
                <br/>
                <a href="${esc(back)}">
                    Go back
                </a>
            </div>
        </div>`,
});

const redirect = (location: string): Answer => ({ status: 303, contentType: 'text/html', body: '', location });

export function gmailConfirm(db: Db, user: User, query: URLSearchParams): Answer {
  const g = db.gmail;
  // 1. (≤18.0) only Settings / Administration may link an account.
  if (g.callbackGroupCheck && !user.isSystem) return FORBIDDEN;
  // 2. Google answered with an error (the person pressed Cancel, …).
  if (query.get('error')) {
    return g.callbackTemplates ? templateError('An error occurred during the authentication process.', '/odoo') : plainError();
  }
  // 3. state must be JSON with model, id, csrf_token.
  let state: { model?: unknown; id?: unknown; csrf_token?: unknown };
  try {
    state = JSON.parse(query.get('state') ?? '');
  } catch {
    return FORBIDDEN;
  }
  if (!state || typeof state !== 'object' || !('model' in state) || !('id' in state) || !('csrf_token' in state)) {
    return FORBIDDEN;
  }
  const model = String(state.model);
  // 4. the model must inherit google.gmail.mixin.
  if (!GMAIL_MODELS.has(model)) return FORBIDDEN;
  // 5. the record must exist (an unsaved record sent id=false, §7).
  const record = typeof state.id === 'number' ? db.table(model).get(state.id) : undefined;
  if (!record) return FORBIDDEN;
  // 6. the HMAC must match this database, model and record.
  if (typeof state.csrf_token !== 'string' || state.csrf_token !== gmailCsrfToken(db, model, Number(record.id))) return FORBIDDEN;
  // captures fact 10, step 23: `/web#id=…` (15–17, no `?`), `/odoo/<model>/<id>` (18–19).
  const formLink = g.redirect === 'odoo' ? `/odoo/${model}/${record.id}` : `/web#id=${record.id}&model=${model}&view_type=form`;
  // 7. exchange the code for tokens.
  let tokens: ReturnType<typeof fetchRefreshToken>;
  try {
    tokens = fetchRefreshToken(db, query.get('code') ?? '');
  } catch (error) {
    if (!(error instanceof OdooException)) throw error;
    return g.callbackTemplates ? templateError(error.message, formLink) : plainError();
  }
  // 19.0: personal servers and non-admins must consent with the server's own address (P14).
  if (g.callbackTemplates && (record.owner_user_id || !user.isSystem)) {
    const info = db.google.userinfo(tokens.access);
    const email = String(info.json.email ?? '');
    if (email.toLowerCase() !== String(record.smtp_user || '').toLowerCase()) {
      return templateError(
        `Oops, you're creating an authorization to send from ${email} but your address is ${record.smtp_user}. Make sure your addresses match!`,
        // captures fact 25: a personal server's "Go back" is the user's preferences.
        record.owner_user_id ? `/odoo/my-preferences/${user.id}` : formLink,
      );
    }
  }
  // 8. store the tokens (and, ≤18.0, the code).
  record.google_gmail_refresh_token = tokens.refresh;
  record.google_gmail_access_token = tokens.access;
  record.google_gmail_access_token_expiration = tokens.expiration;
  if (g.authCodeField) record.google_gmail_authorization_code = query.get('code') ?? false;
  if (g.callbackTemplates) record.active = true;
  // 9. back to the form, in the version's URL scheme.
  if (g.callbackTemplates && !user.isSystem) return redirect(`/odoo/my-preferences/${user.id}`);
  return redirect(formLink);
}

/**
 * 19.0 `GET /google_gmail/iap_confirm` (§1.6): the relay's last hop, with the tokens it got from Google.
 * `type='http', auth='user'`; the record is checked like /google_gmail/confirm's (model, record, HMAC).
 */
export function gmailIapConfirm(db: Db, user: User, query: URLSearchParams): Answer | null {
  if (!db.gmail.callbackTemplates) return null; // the route exists from 19.0 on
  const model = query.get('model') ?? '';
  if (!GMAIL_MODELS.has(model)) return FORBIDDEN;
  const id = Number(query.get('rec_id'));
  const record = Number.isInteger(id) ? db.table(model).get(id) : undefined;
  if (!record) return FORBIDDEN;
  if (query.get('csrf_token') !== gmailCsrfToken(db, model, id)) return FORBIDDEN;
  const formLink = `/odoo/${model}/${id}`;
  if (query.get('error')) return templateError('An error occurred during the authentication process.', formLink);
  const refresh = query.get('refresh_token');
  const access = query.get('access_token');
  if (!refresh || !access) return templateError('An error occurred during the authentication process.', formLink);
  record.google_gmail_refresh_token = refresh;
  record.google_gmail_access_token = access;
  record.google_gmail_access_token_expiration = Number(query.get('expiration')) || 0;
  record.active = true;
  if (!user.isSystem) return redirect(`/odoo/my-preferences/${user.id}`);
  return redirect(formLink);
}
