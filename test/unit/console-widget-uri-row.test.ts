// @vitest-environment happy-dom
/**
 * The row widget (lib/console/widgets/uri-row.ts) on "Add …" lists: "Add URI" → "URIs N", "Add domain" →
 * "Authorized domain N"; a value never added twice, an empty row reused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findGroup } from '@/lib/console/fill';
import * as S from '@/lib/console/selectors';
import { addRow, rowValues } from '@/lib/console/widgets/uri-row';
import { clearPage, html, signal } from './dom';

afterEach(clearPage);

describe('addRow ("Add URI" → "URIs N", "Add domain" → "Authorized domain N")', () => {
  function group(values: string[]) {
    html(`<div role="group" aria-label="Authorized JavaScript origins"><button>+ Add URI</button></div>
      <div role="group" aria-label="Authorized redirect URIs" id="r">${values
        .map((v, i) => `<input aria-label="URIs ${i + 1} " value="${v}">`)
        .join('')}<button id="add">+ Add URI</button></div>`);
    const add = document.getElementById('add') as HTMLElement;
    add.addEventListener('click', () => {
      const n = document.querySelectorAll('#r input').length + 1;
      add.insertAdjacentHTML('beforebegin', `<input aria-label="URIs ${n} ">`);
    });
    return findGroup(S.redirectUris, S.addUri) as HTMLElement;
  }
  const URI = 'https://acme.odoo.com/google_gmail/confirm';

  it('adds a row in the redirect URIs group only', async () => {
    const scope = group([]);
    expect(await addRow(scope, S.uri, S.addUri, URI, signal(), true)).toEqual({ ok: true, changed: true });
    expect(rowValues(scope, S.uri)).toEqual([URI]);
    expect(document.querySelectorAll('input')).toHaveLength(1);
  });

  it('does not add a URI twice, and reuses an empty row', async () => {
    let scope = group([URI]);
    expect(await addRow(scope, S.uri, S.addUri, URI, signal(), true)).toEqual({ ok: true, changed: false });
    scope = group(['']);
    expect(await addRow(scope, S.uri, S.addUri, URI, signal(), true)).toEqual({ ok: true, changed: true });
    expect(document.querySelectorAll('#r input')).toHaveLength(1);
  });

  it('compares domains without case', async () => {
    html('<input aria-label="Authorized domain 1" value="Odoo.com"><button>+ Add domain</button>');
    expect(await addRow(document, S.authorizedDomain, S.addDomain, 'odoo.com', signal())).toEqual({ ok: true, changed: false });
  });

  it('reads every row of a list whose first row is named like the label ("Miền được uỷ quyền 1", "… 2")', async () => {
    // The first row's name is a whole label, the second only begins with one: both are rows (2026 §6 old tone marks).
    html(`<h2>Các miền được uỷ quyền</h2><input aria-label="Miền được uỷ quyền 1" value="acme.com">
      <input aria-label="Miền được uỷ quyền 2" value="odoo.com"><button>+ Thêm miền</button>`);
    expect(rowValues(document, S.authorizedDomain)).toEqual(['acme.com', 'odoo.com']);
    expect(await addRow(document, S.authorizedDomain, S.addDomain, 'odoo.com', signal())).toEqual({ ok: true, changed: false });
    html('<input aria-label="Authorized domain 1" value="acme.com"><input aria-label="Authorized domain 2" value="odoo.com">');
    expect(rowValues(document, S.authorizedDomain)).toEqual(['acme.com', 'odoo.com']);
  });

  it('says when there is no Add button', async () => {
    html('<div role="group" aria-label="Authorized redirect URIs" id="r"></div>');
    const scope = findGroup(S.redirectUris, S.addUri) as HTMLElement;
    expect(await addRow(scope, S.uri, S.addUri, URI, signal(), true)).toEqual({ ok: false, reason: 'noButton' });
  });
});
