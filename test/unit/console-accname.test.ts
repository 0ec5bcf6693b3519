// @vitest-environment happy-dom
/**
 * The assistant's own accessible name (lib/console/accname.ts) against dom-accessibility-api, the library
 * it replaced, kept as the oracle: every element of every replica Console page (test/fixtures/console/, in
 * each label style and language the replica renders), then the tricky cases one by one. Any difference
 * fails, with the element's markup.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessibleName } from '@/lib/console/accname';
import { CONFIGURED, type ReplicaConfig, replicaHtml } from '../support/replica';
import { clearPage, html } from './dom';

afterEach(clearPage);

const CLIENT = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
const SEED = {
  ...CONFIGURED(),
  clients: [{ id: CLIENT, name: 'Odoo', redirectUris: ['https://acme.odoo.com/google_gmail/confirm'], secrets: ['abcd'] }],
};
const PATHS = [
  '/projectcreate',
  '/home/dashboard?project=odoo-123456',
  '/auth/overview?project=odoo-123456',
  '/auth/overview/create?project=odoo-123456',
  '/auth/branding?project=odoo-123456',
  '/auth/audience?project=odoo-123456',
  '/auth/clients?project=odoo-123456',
  '/auth/clients/create?project=odoo-123456',
  `/auth/clients/${CLIENT}?project=odoo-123456`,
  '/apis/credentials?project=odoo-123456',
  '/apis/credentials/consent?project=odoo-123456',
  '/apis/credentials/consent/edit?project=odoo-123456',
  '/apis/credentials/oauthclient?project=odoo-123456',
  '/enable-mfa',
];
const VARIANTS: ReplicaConfig[] = [
  { labels: 'material' },
  { labels: 'for' },
  { labels: 'labelledby' },
  { labels: 'aria', radioNames: 'described' },
  { lang: 'vi', hooks: true },
  { lang: 'en-GB', domainRows: 'unlabelled' },
  { ui: 'legacy', authPlatform: false },
];
const SETTINGS = {
  enableJavaScriptEvaluation: true,
  suppressInsecureJavaScriptEnvironmentWarning: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
};

/** Every element of the replica's page at `path`, each with both names. */
async function namesOn(path: string, config: ReplicaConfig): Promise<{ ours: string; oracle: string; el: string }[]> {
  const window = new Window({ url: `https://console.cloud.google.com${path}`, settings: SETTINGS });
  (window as unknown as { fetch: () => Promise<unknown> }).fetch = () => Promise.resolve({ ok: true });
  window.document.write(replicaHtml({ seed: SEED, ...config }));
  await window.happyDOM.waitUntilComplete();
  // Ours reads the styles of the page it runs in; here that page is the replica's window.
  vi.stubGlobal('getComputedStyle', window.getComputedStyle.bind(window));
  const els = [...window.document.body.querySelectorAll('*')] as unknown as Element[];
  const out = els.map((el) => ({ ours: accessibleName(el), oracle: computeAccessibleName(el), el: el.outerHTML.slice(0, 200) }));
  await window.happyDOM.close();
  return out;
}

describe('the accessible name agrees with dom-accessibility-api', () => {
  it.each(VARIANTS.map((v) => [JSON.stringify(v), v] as const))('on every replica page, %s', async (_name, config) => {
    let named = 0;
    for (const path of PATHS) {
      const names = await namesOn(path, config);
      expect(names.length, path).toBeGreaterThan(5);
      for (const n of names) {
        expect({ path, el: n.el, name: n.ours }).toEqual({ path, el: n.el, name: n.oracle });
        if (n.ours) named++;
      }
    }
    // The pages have names to compare: a replica that failed to render would pass on empty strings alone.
    expect(named).toBeGreaterThan(100);
  });

  it.each([
    ['aria-labelledby with several ids', '<span id="a">App</span><span id="b">name</span><input aria-labelledby="a b">'],
    ['aria-labelledby to a missing id', '<span id="a">App</span><input aria-labelledby="gone a" aria-label="Other">'],
    ['aria-labelledby to a hidden element', '<span id="h" hidden>Hidden <b>name</b></span><input aria-labelledby="h">'],
    ['aria-labelledby over aria-label', '<span id="l">Label</span><input aria-label="Aria" aria-labelledby="l">'],
    [
      'aria-labelledby to itself and a control',
      '<label id="l">Pick <select><option>One</option><option selected>Two</option></select></label><div role="combobox" id="c" aria-labelledby="l c"></div>',
    ],
    ['aria-label', '<button aria-label="  Close dialog "><span>x</span></button>'],
    ['an empty aria-label', '<button aria-label=" ">Save</button>'],
    ['label[for]', '<label for="i">App name <span>*</span></label><input id="i" placeholder="Enter">'],
    ['two labels', '<label for="i">First</label><label for="i">Second</label><input id="i">'],
    ['a wrapping label', '<label><span>Email</span> <input type="email"></label>'],
    ['a wrapping label with an embedded textbox', '<label>Rows <input value="3"> per page <input type="checkbox"></label>'],
    [
      'mat-label',
      '<mat-form-field><label for="m"><mat-label>Application type</mat-label></label><mat-select id="m" role="combobox"></mat-select></mat-form-field>',
    ],
    ['placeholder only', '<input placeholder="Search">'],
    ['title', '<input title="Tooltip name">'],
    ['title of a div', '<div title="A region"><span>text</span></div>'],
    ['button text', '<button><mat-icon>add</mat-icon> Add <b>URI</b></button>'],
    [
      'button text with hidden parts',
      '<button><span aria-hidden="true">+</span><span style="display:none">secret</span>Add URI<span hidden>x</span></button>',
    ],
    ['block children', '<button><div>Create</div><div>client</div></button>'],
    ['a link', '<a href="/x">Go to the <em>Branding</em> page</a>'],
    ['an anchor without href', '<a>Not a link</a>'],
    ['input type=submit', '<input type="submit">'],
    ['input type=button with value', '<input type="button" value="Next">'],
    ['input type=reset', '<input type="reset">'],
    ['input type=image', '<input type="image" alt="Send">'],
    ['input type=image without alt', '<input type="image">'],
    ['an option', '<select><option>Web application</option></select>'],
    ['role=option', '<div role="listbox"><div role="option" aria-selected="true">Desktop app</div></div>'],
    [
      'a radio with its description',
      '<label><input type="radio" name="a"> External<span>Available to any test user</span></label>',
    ],
    ['role=radio', '<div role="radio" aria-checked="false">Internal</div>'],
    ['role=checkbox', '<div role="checkbox">I agree</div>'],
    ['a heading', '<h2>Client secrets</h2>'],
    ['fieldset with legend', '<fieldset><legend>User type</legend><input type="radio"></fieldset>'],
    ['fieldset without legend', '<fieldset title="Group title"><p>Other</p></fieldset>'],
    ['role=group with aria-labelledby', '<div role="group" aria-labelledby="g"><h3 id="g">Authorized redirect URIs</h3></div>'],
    ['table with caption', '<table><caption>Secrets</caption><tr><td>x</td></tr></table>'],
    ['img alt', '<img alt="Logo">'],
    ['img with empty alt', '<img alt="">'],
    ['svg title', '<svg><title>Icon</title></svg>'],
    ['presentational button', '<button role="presentation">Pres</button>'],
    ['presentational with a global aria attribute', '<button role="none" aria-describedby="x">Named</button>'],
    ['role=menu', '<div role="menu" title="Menu title"><div role="menuitem">Item</div></div>'],
    ['role=menuitem', '<div role="menuitem">Delete</div>'],
    ['a textbox named by a referenced textbox', '<input id="t" value="typed"><button aria-labelledby="t"></button>'],
    ['a referenced slider', '<div id="s" role="slider" aria-valuenow="4"></div><button aria-labelledby="s">x</button>'],
    [
      'a referenced progressbar with valuetext',
      '<div id="p" role="progressbar" aria-valuetext="half"></div><button aria-labelledby="p">x</button>',
    ],
    ['a referenced textbox div', '<div id="t" role="textbox">div text</div><button aria-labelledby="t">x</button>'],
    ['a referenced combobox input', '<input id="c" role="combobox" value="typed"><button aria-labelledby="c">x</button>'],
    [
      'a referenced listbox',
      '<div id="l" role="listbox"><div role="option" aria-selected="true">Chosen</div><div role="option">Not</div></div><button aria-labelledby="l">x</button>',
    ],
    ['aria-owns', '<button aria-owns="o">Own</button><span id="o">ed</span>'],
    ['a search input with list', '<input type="search" list="d" title="Find"><datalist id="d"></datalist>'],
    ['a number input in a label', '<label>Count <input type="number" value="2"></label><input id="x">'],
    ['an optgroup', '<select><optgroup label="Group"><option>One</option></optgroup></select>'],
    ['whitespace', '<button>\n   Save\n\n   changes   </button>'],
    ['visibility hidden', '<button><span style="visibility:hidden">Gone</span>Kept</button>'],
    ['a hidden control', '<input hidden aria-label="Hidden">'],
    ['explicit role tokens', '<div role=" button link ">Multi role</div>'],
    ['a summary', '<details><summary>More</summary></details>'],
    ['a td and th', '<table><tr><th>Name</th><td>Value</td></tr></table>'],
  ])('%s', (_name, markup) => {
    html(markup);
    const els = [...document.body.querySelectorAll('*')];
    expect(els.map((el) => [el.outerHTML, accessibleName(el)])).toEqual(
      els.map((el) => [el.outerHTML, computeAccessibleName(el)]),
    );
  });

  it('reads through an open shadow root (aria-labelledby inside it)', () => {
    html('<div id="host"></div>');
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="n">Shadow name</span><input aria-labelledby="n">';
    const input = root.querySelector('input') as HTMLInputElement;
    expect(accessibleName(input)).toBe('Shadow name');
    expect(accessibleName(input)).toBe(computeAccessibleName(input));
  });
});
