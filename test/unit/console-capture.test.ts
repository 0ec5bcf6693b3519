// @vitest-environment happy-dom
/**
 * Reading the Client ID and secret from the "OAuth client created" dialog (google-console.md §3.7,
 * §3.10): copy buttons, term/definition pairs, text; formats checked (§5.1–5.2); a secret that
 * renders late is awaited; a masked or missing one is reported as missed, never sent.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCredentials, watchCapture } from '@/lib/console/capture';
import { FAKE_CLIENT_ID } from '../support/builders';

// Made-up values in Google's formats; none is a real credential.
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';
const copy = (v: string, prefix = 'Copy to clipboard') =>
  `<button aria-label="${prefix}: ${v}"><mat-icon aria-hidden="true">content_copy</mat-icon></button>`;

const dialog = (body: string, label = 'OAuth client created') => {
  document.body.innerHTML = `<div class="cdk-overlay-container"><mat-dialog-container role="dialog" aria-label="${label}">${body}</mat-dialog-container></div>`;
  return document.querySelector('mat-dialog-container') as HTMLElement;
};
afterEach(() => {
  document.body.innerHTML = '';
});

describe('readCredentials', () => {
  it('reads the copy buttons "Copy to clipboard: <value>" (case kept)', () => {
    expect(readCredentials(dialog(`<p>${copy(ID)} ${copy(SECRET)}</p>`))).toEqual({ clientId: ID, secret: SECRET });
  });

  it('reads the Client ID / Client secret terms, ignoring the copy icon text', () => {
    const d = dialog(`<dl><dt>Client ID</dt><dd>${ID}<button><mat-icon>content_copy</mat-icon></button></dd>
      <dt>Client secret</dt><dd>${SECRET}<button><mat-icon>content_copy</mat-icon></button></dd><dt>Status</dt><dd>Enabled</dd></dl>`);
    expect(readCredentials(d)).toEqual({ clientId: ID, secret: SECRET });
  });

  it('reads a legacy 24-character secret only where it is labelled', () => {
    const legacy = 'abcdefghijklmnopqrstuvwx';
    expect(readCredentials(dialog(`<dl><dt>Client ID</dt><dd>${ID}</dd><dt>Client secret</dt><dd>${legacy}</dd></dl>`))).toEqual({
      clientId: ID,
      secret: legacy,
    });
    expect(readCredentials(dialog(`<p>${ID}</p><p>${legacy}</p>`)).secret).toBeNull();
  });

  it('falls back to the text, and to Vietnamese labels', () => {
    expect(readCredentials(dialog(`<p>Your client ID: ${ID}</p><p>Secret: ${SECRET}</p>`))).toEqual({
      clientId: ID,
      secret: SECRET,
    });
    const vi = dialog(`${copy(ID, 'Sao chép vào bảng nhớ tạm')}<dl><dt>Mật khẩu ứng dụng khách</dt><dd>${SECRET}</dd></dl>`);
    expect(readCredentials(vi)).toEqual({ clientId: ID, secret: SECRET });
  });

  it.each([
    ['aria-label', `<span aria-label="${ID}"></span><span aria-label="${SECRET}"></span>`],
    ['title', `<span title="Client ID ${ID}">…</span><span title="${SECRET}">••••</span>`],
    ['an input value', `<input readonly value="${ID}"><input readonly aria-label="Client secret" value="${SECRET}">`],
  ])('reads values that sit only in attributes or fields (2026 §9): %s', (_, body) => {
    expect(readCredentials(dialog(body))).toEqual({ clientId: ID, secret: SECRET });
  });

  it('does not take a masked secret, a cut one, or an ID for a secret', () => {
    expect(readCredentials(dialog(`<dl><dt>Client ID</dt><dd>${ID}</dd><dt>Client secret</dt><dd>****Wx12</dd></dl>`))).toEqual({
      clientId: ID,
      secret: null,
    });
    expect(readCredentials(dialog(`<p>${ID}</p><p>GOCSPX-short</p>`)).secret).toBeNull();
    expect(readCredentials(dialog(copy(ID))).secret).toBeNull();
  });
});

describe('watchCapture', () => {
  function hooks(signal: AbortSignal, hint: string | null = null) {
    const sent: [string, string][] = [];
    const captured: string[] = [];
    const missed: (string | null)[] = [];
    return {
      sent,
      captured,
      missed,
      h: {
        signal,
        clientIdHint: () => hint,
        send: async (id: string, secret: string) => {
          sent.push([id, secret]);
          return true;
        },
        onCaptured: (id: string) => captured.push(id),
        onMissed: (id: string | null) => missed.push(id),
      },
    };
  }

  it('waits for a secret that renders after the ID, then sends both once', async () => {
    const c = new AbortController();
    const t = hooks(c.signal);
    const done = watchCapture(t.h);
    const d = dialog(
      `<h2>OAuth client created</h2><dl><dt>Client ID</dt><dd>${ID}</dd><dt>Client secret</dt><dd id="s"></dd></dl>`,
    );
    setTimeout(() => {
      (d.querySelector('#s') as HTMLElement).textContent = SECRET;
    }, 300);
    await vi.waitFor(() => expect(t.captured).toEqual([ID]), { timeout: 3000 });
    expect(t.sent).toEqual([[ID, SECRET]]);
    c.abort();
    await done;
    expect(t.missed).toEqual([]);
  });

  it('uses the client page for the ID of an added secret', async () => {
    const c = new AbortController();
    const t = hooks(c.signal, ID);
    const done = watchCapture(t.h);
    dialog(`<h2>Client secret added</h2><p>${SECRET} ${copy(SECRET)}</p>`, 'Client secret added');
    await vi.waitFor(() => expect(t.sent).toEqual([[ID, SECRET]]), { timeout: 3000 });
    c.abort();
    await done;
  });

  it('reports a dialog closed before its secret showed as missed, and sends nothing', async () => {
    const c = new AbortController();
    const t = hooks(c.signal);
    const done = watchCapture(t.h);
    dialog(`<h2>OAuth client created</h2><dl><dt>Client ID</dt><dd>${ID}</dd></dl>`);
    setTimeout(() => {
      document.body.innerHTML = '';
    }, 600);
    await vi.waitFor(() => expect(t.missed).toEqual([ID]), { timeout: 3000 });
    expect(t.sent).toEqual([]);
    c.abort();
    await done;
  });

  it('ignores other dialogs that mention a Client ID', async () => {
    const c = new AbortController();
    const t = hooks(c.signal);
    const done = watchCapture(t.h);
    dialog(`<h2>Delete OAuth client?</h2><p>${ID}</p>`, 'Delete OAuth client?');
    await new Promise((r) => setTimeout(r, 400));
    c.abort();
    await done;
    expect([t.sent, t.missed]).toEqual([[], []]);
  });
});
