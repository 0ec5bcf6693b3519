// @vitest-environment happy-dom
/**
 * The fill engine against small Angular-like fragments (the replica's behaviours, google-console.md
 * §4): finding fields by accessible name, label text, formcontrolname and structural hooks, in
 * shadow roots too; waiting with observers, a timeout and an abort. Setting each kind of field is its
 * widget's, tested in console-widget-*.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { find, findGroup, findText, norm, shownLabel, TimeoutError, waitFor } from '@/lib/console/fill';
import * as S from '@/lib/console/selectors';

import { clearPage, html, signal } from './dom';

afterEach(clearPage);

describe('norm', () => {
  it('lower-cases, collapses spaces, drops a leading "+" and a trailing required marker', () => {
    expect(norm('  + ADD   URI ')).toBe('add uri');
    expect(norm('App name *')).toBe('app name');
    expect(norm('URIs 1 ')).toBe('uris 1');
    expect(norm('Tên\u200b ứng dụng:')).toBe('tên ứng dụng');
    // One form for every spelling (more in console-match.test.ts): British English, tone placement.
    expect(norm('+ Authorised domain 1 *')).toBe('authorized domain 1');
    expect(norm('Miền được ủy quyền')).toBe(norm('Miền được uỷ quyền'));
  });
});

describe('finding a field the way a person reads it', () => {
  it.each([
    ['<label for>', '<label for="a">App name</label><input id="a">'],
    ['aria-labelledby', '<span id="l">App name</span><input aria-labelledby="l">'],
    ['aria-label', '<input aria-label="App name">'],
    ['a wrapping label', '<label>App name <input></label>'],
    [
      'Material form field',
      '<mat-form-field><label for="m"><mat-label>App name</mat-label><span aria-hidden="true"> *</span></label><input id="m"></mat-form-field>',
    ],
    ['formcontrolname only', '<div>Some text</div><input formcontrolname="displayName">'],
  ])('%s', (_, markup) => {
    html(`<main>${markup}<input aria-label="Other"></main>`);
    const el = find(S.appName);
    expect(el?.tagName).toBe('INPUT');
    expect(el?.getAttribute('aria-label')).not.toBe('Other');
  });

  it('in Vietnamese (the Console follows the account language)', () => {
    html(
      '<label for="t">Loại ứng dụng</label><cfc-select id="t" role="combobox" aria-labelledby="x"></cfc-select><span id="x">Loại ứng dụng</span>',
    );
    expect(find(S.applicationType)?.id).toBe('t');
  });

  it('matches the role: a button named "Create" is not a textbox named "Create"', () => {
    html('<input aria-label="Create"><button type="submit">CREATE</button>');
    expect(find(S.create)?.tagName).toBe('BUTTON');
  });

  it('skips hidden elements (a collapsed stepper section)', () => {
    html('<section hidden><button>Next</button></section><section><button id="v">Next</button></section>');
    expect(find(S.next)?.id).toBe('v');
  });

  it('searches open shadow roots when the document has nothing (§4.5)', () => {
    html('<x-host></x-host>');
    const host = document.querySelector('x-host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<label for="s">Project name</label><input id="s">';
    expect(find(S.projectName)?.id).toBe('s');
  });

  it('uses a structural hook only as the last resort (`proj-name-id-input input`, §3.1)', () => {
    html('<proj-name-id-input><input id="p"></proj-name-id-input>');
    expect(find(S.projectName)?.id).toBe('p');
  });

  it('finds a named group, or the container of its heading that holds its own Add button', () => {
    html(`<div id="o"><h3>Authorized JavaScript origins</h3><button>+ Add URI</button></div>
      <div id="r"><h3>Authorized redirect URIs</h3><button>+ Add URI</button></div>`);
    expect(findGroup(S.redirectUris, S.addUri)?.id).toBe('r');
    html('<div role="group" aria-label="Authorized redirect URIs" id="g"></div>');
    expect(findGroup(S.redirectUris, S.addUri)?.id).toBe('g');
    expect(findText(S.failedToLoad)).toBeNull();
  });

  it('names the label to look for in the Console language', () => {
    expect(shownLabel(S.uri.names)).toBe('URIs 1');
    document.documentElement.lang = 'vi';
    expect(shownLabel(S.applicationType.names)).toBe('Loại ứng dụng');
  });
});

describe('waitFor', () => {
  it('resolves when the page changes (MutationObserver)', async () => {
    html('');
    setTimeout(() => document.body.insertAdjacentHTML('beforeend', '<button>Next</button>'), 20);
    await expect(waitFor(() => find(S.next), signal(), 2000)).resolves.toBeInstanceOf(HTMLElement);
  });
  it('times out with a TimeoutError', async () => {
    await expect(waitFor(() => null, signal(), 50)).rejects.toBeInstanceOf(TimeoutError);
  });
  it('stops when its signal aborts (SPA navigation)', async () => {
    const c = new AbortController();
    const pending = waitFor(() => null, c.signal, 5000);
    c.abort(new Error('navigated'));
    await expect(pending).rejects.toThrow('navigated');
  });
});
