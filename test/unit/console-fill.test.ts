// @vitest-environment happy-dom
/**
 * The fill engine against small Angular-like fragments (the replica's behaviours, google-console.md
 * §4): finding fields by accessible name, label text, formcontrolname and structural hooks, in
 * shadow roots too; setting text the way Angular notices; the overlay combobox; chips; radios and
 * checkboxes; rows; waiting with observers, a timeout and an abort.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addChip,
  addRow,
  check,
  choose,
  find,
  findGroup,
  findText,
  norm,
  rowValues,
  setText,
  TimeoutError,
  waitFor,
} from '@/lib/console/fill';
import { S, shownLabel } from '@/lib/console/selectors';
import { clearPage, html, signal } from './dom';

afterEach(clearPage);

/** Angular's DefaultValueAccessor: the model follows `input` events only; blur marks touched. */
function angularModel() {
  const model: Record<string, string> = {};
  const events: string[] = [];
  for (const type of ['input', 'change', 'focusout']) {
    document.addEventListener(type, (e) => {
      const t = e.target as HTMLInputElement;
      if (!t.dataset?.model) return;
      events.push(`${type}:${t.dataset.model}`);
      if (type === 'input') model[t.dataset.model] = t.value;
    });
  }
  return { model, events };
}

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

describe('setText', () => {
  it('sets the value so that Angular sees it: input, then change, then blur', async () => {
    const { model, events } = angularModel();
    html('<input aria-label="App name" data-model="displayName">');
    const el = find(S.appName) as HTMLInputElement;
    expect(await setText(el, 'Odoo')).toEqual({ ok: true, changed: true });
    expect(model.displayName).toBe('Odoo');
    expect(events).toEqual(['input:displayName', 'change:displayName', 'focusout:displayName']);
  });

  it('leaves a field that already holds the value alone', async () => {
    const { events } = angularModel();
    html('<input aria-label="App name" data-model="displayName" value="Odoo">');
    expect(await setText(find(S.appName) as HTMLElement, 'Odoo')).toEqual({ ok: true, changed: false });
    expect(events).toEqual([]);
  });

  it('reports a field that does not keep its value (after one retry)', async () => {
    html('<input aria-label="App name">');
    const el = find(S.appName) as HTMLInputElement;
    let blurs = 0;
    el.addEventListener('focusout', () => {
      blurs++;
      el.value = '';
    });
    expect(await setText(el, 'Odoo')).toEqual({ ok: false, reason: 'notKept' });
    expect(blurs).toBe(2);
  });

  it('does not type into a disabled field', async () => {
    html('<input aria-label="App name" disabled>');
    expect(await setText(document.querySelector('input') as HTMLElement, 'Odoo')).toEqual({ ok: false, reason: 'disabled' });
  });
});

describe('choose (a combobox whose options render later in the CDK overlay, §3.6)', () => {
  function select({ options = ['Web application', 'Desktop app'], delay = 20, disabled = false } = {}) {
    html(`<cfc-select role="combobox" aria-label="Application type" aria-disabled="${disabled}"><span class="value"></span></cfc-select>
      <div class="cdk-overlay-container"></div>`);
    const box = document.querySelector('cfc-select') as HTMLElement;
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    box.addEventListener('click', () => {
      if (box.getAttribute('aria-disabled') === 'true') return;
      setTimeout(() => {
        overlay.innerHTML = `<div role="listbox">${options.map((o) => `<mat-option role="option">${o}</mat-option>`).join('')}</div>`;
        for (const opt of overlay.querySelectorAll('mat-option')) {
          opt.addEventListener('click', () => {
            (box.querySelector('.value') as HTMLElement).textContent = opt.textContent;
            overlay.innerHTML = '';
          });
        }
      }, delay);
    });
    return box;
  }

  it('opens, waits for the option, clicks it, verifies the shown value', async () => {
    const box = select();
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: true, changed: true });
    expect(box.textContent).toContain('Web application');
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: true, changed: false });
  });

  it('says when the value is not offered (never picks another one)', async () => {
    const box = select({ options: ['Android', 'Desktop app'] });
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: false, reason: 'noOption' });
    expect(box.textContent).toBe('');
  });

  it('waits for a combobox that starts disabled (the support email, §3.2)', async () => {
    const box = select({ options: ['me@gmail.com'], disabled: true });
    setTimeout(() => box.setAttribute('aria-disabled', 'false'), 30);
    expect(await choose(box, { en: ['me@gmail.com'], vi: [] }, signal())).toEqual({ ok: true, changed: true });
  });
});

describe('addChip (the value only counts after Enter, §3.2, §4.3)', () => {
  function grid(existing: string[] = [], enterWorks = true) {
    html(`<mat-chip-grid formcontrolname="emails">${existing.map((e) => `<mat-chip-row>${e}</mat-chip-row>`).join('')}
      <input aria-label="Text field for emails"></mat-chip-grid>`);
    const input = document.querySelector('input') as HTMLInputElement;
    input.addEventListener('keydown', (e) => {
      if (!enterWorks || e.key !== 'Enter' || e.keyCode !== 13) return;
      input.insertAdjacentHTML('beforebegin', `<mat-chip-row>${input.value}</mat-chip-row>`);
      input.value = '';
    });
    return input;
  }

  it('types, presses Enter, waits for the chip', async () => {
    const input = grid();
    expect(find(S.contactEmails)).toBe(input);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: true, changed: true });
    expect(document.querySelectorAll('mat-chip-row')).toHaveLength(1);
  });

  it('does not add an address twice', async () => {
    const input = grid(['me@gmail.com']);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: true, changed: false });
    expect(document.querySelectorAll('mat-chip-row')).toHaveLength(1);
  });

  it('reports a chip that never appears', async () => {
    const input = grid([], false);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: false, reason: 'noChip' });
  }, 10_000);
});

describe('check (radios and checkboxes by accessible name)', () => {
  it('checks the radio named External, not the disabled Internal one', async () => {
    html(`<div class="mdc-radio mdc-radio--disabled"><input type="radio" name="a" id="i" disabled></div><label for="i">Internal</label>
      <div class="mdc-radio"><input type="radio" name="a" id="e"></div><label for="e">External</label>`);
    expect(await check(find(S.external) as HTMLElement)).toEqual({ ok: true, changed: true });
    expect((document.getElementById('e') as HTMLInputElement).checked).toBe(true);
    expect(await check(find(S.external) as HTMLElement)).toEqual({ ok: true, changed: false });
    expect(await check(find(S.internal) as HTMLElement)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('ticks the policy checkbox by the start of its name', async () => {
    html('<input type="checkbox" id="c"><label for="c">I agree to the Google API Services: User Data Policy.</label>');
    expect(await check(find(S.agree) as HTMLElement)).toEqual({ ok: true, changed: true });
  });
});

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
