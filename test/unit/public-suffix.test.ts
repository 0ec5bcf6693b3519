/**
 * The public suffix lookup (lib/google/suffix-list.ts over public/psl.txt) against tldts, the library it
 * replaced and the oracle it stays (a dev dependency only): the same registrable domain
 * (`getDomain(host, { allowPrivateDomains: true })`), the same "the list knows this suffix"
 * (`isIcann || isPrivate`), the same IP test — over hosts a person types or Odoo reports, and over every
 * rule of the list. And public/psl.txt is what scripts/psl.ts writes from the installed tldts.
 */
import { readFileSync } from 'node:fs';
import { getDomain, parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { suffixFactsOf, suffixKey } from '@/lib/google/suffix-facts';
import { publicSuffix, suffixFacts } from '@/lib/google/suffix-list';
import { isIpHost } from '@/lib/url';
import { PSL_FILE, pslText } from '../../scripts/psl.ts';
import { knownHosts, PSL_TEXT, SUFFIX_LIST } from './host-facts';

const OPTIONS = { allowPrivateDomains: true } as const;

/** What tldts says: the facts the redirect URI rules use, and the suffix with its section. */
function oracle(host: string) {
  const p = parse(host, OPTIONS);
  return {
    facts: { listed: !!(p.isIcann || p.isPrivate), domain: getDomain(host, OPTIONS) },
    isIp: parse(host).isIp === true,
    suffix: p.isIp || p.publicSuffix === null ? null : { suffix: p.publicSuffix, icann: !!p.isIcann, private: !!p.isPrivate },
  };
}
function ours(host: string) {
  return {
    facts: suffixFacts(SUFFIX_LIST, host),
    isIp: isIpHost(suffixKey(host)),
    suffix: publicSuffix(SUFFIX_LIST, suffixKey(host)),
  };
}

const CORPUS = [
  // Odoo Online, odoo.sh and custom domains.
  'acme.odoo.com',
  'x-main-123456.dev.odoo.com',
  'odoo.com',
  'com',
  'erp.example.com',
  'www.example.org',
  // Two-level public suffixes and country codes.
  'erp.example.co.uk',
  'example.co.uk',
  'co.uk',
  'uk',
  'erp.cong-ty.vn',
  'cong-ty.com.vn',
  'com.vn',
  'vn',
  'erp.example.com.au',
  'shop.example.com.br',
  // Private registries: the name under them is the domain Google wants.
  'acme.github.io',
  'github.io',
  'a.b.acme.github.io',
  'myapp.herokuapp.com',
  'abcd-1234.ngrok-free.app',
  'abcd-1234.ngrok.io',
  'ngrok.app',
  'my-odoo.duckdns.org',
  'duckdns.org',
  'x.blogspot.com',
  'erp.s3.amazonaws.com',
  'foo.elb.amazonaws.com',
  'a.b.compute.amazonaws.com',
  'test.us-east-1.elb.amazonaws.com',
  // Wildcards and exceptions.
  'www.ck',
  'a.www.ck',
  'foo.ck',
  'a.foo.ck',
  'city.kawasaki.jp',
  'a.city.kawasaki.jp',
  'b.kawasaki.jp',
  'a.b.kawasaki.jp',
  'kawasaki.jp',
  // Not on the list: the default rule.
  'odoo.internal',
  'erp.acme.internal',
  'intranet',
  'odoo.lan',
  'foo.unknowntld',
  'a.b.c.nope',
  // Loopback and IPs.
  'localhost',
  'odoo.localhost',
  '127.0.0.1',
  '10.0.0.5',
  '192.168.1.20',
  '999.1.1.1',
  '1.2.3',
  '[::1]',
  '::1',
  '[2001:db8::1]',
  '2001:db8::1',
  // IDN: punycode as URL gives it, and the Unicode form.
  'erp.xn--mnchen-3ya.de',
  'xn--mnchen-3ya.de',
  'erp.münchen.de',
  'shop.xn--p1ai',
  'магазин.рф',
  'xn--80ao21a.xn--p1ai',
  'example.公司.cn',
  'example.xn--55qx5d.cn',
  // Trailing dots, case, odd shapes.
  'acme.odoo.com.',
  'erp.example.co.uk.',
  'github.io.',
  'ERP.Example.COM',
  'ACME.GITHUB.IO',
  'Foo.CK',
  'my_host.example.com',
  '_dmarc.example.com',
  '.example.com',
  '*.odoo.com',
  'a..b.com',
  '-bad.example.com',
  'bad-.example.com',
  `${'a'.repeat(64)}.example.com`,
  `${'a'.repeat(63)}.example.com`,
  'exa mple.com',
  'a!b.com',
];

describe('the public suffix lookup against tldts', () => {
  it.each(CORPUS)('%s', (host) => expect(ours(host)).toEqual(oracle(host)));

  it('agrees on every rule of the list, the host it names and names under it', () => {
    const rules = PSL_TEXT.split('\n').filter((l) => l && !l.startsWith('//'));
    expect(rules.length).toBeGreaterThan(9000);
    const hosts = rules.flatMap((rule) => {
      const name = rule.replace(/^!/, '').replace(/\*/g, 'wild');
      return [name, `sub.${name}`, `a.sub.${name}`];
    });
    const differ = hosts.filter((h) => JSON.stringify(ours(h)) !== JSON.stringify(oracle(h)));
    expect(differ).toEqual([]);
  });

  it('marks the private section', () => {
    expect(publicSuffix(SUFFIX_LIST, 'acme.github.io')).toEqual({ suffix: 'github.io', icann: false, private: true });
    expect(publicSuffix(SUFFIX_LIST, 'acme.co.uk')).toEqual({ suffix: 'co.uk', icann: true, private: false });
    expect(publicSuffix(SUFFIX_LIST, 'odoo.internal')).toEqual({ suffix: 'internal', icann: false, private: false });
  });
});

describe('the facts the popup reads', () => {
  it('are found whatever the case or trailing dot of the host asked', () => {
    const facts = knownHosts('https://acme.odoo.com/');
    expect(suffixFactsOf(facts, 'ACME.odoo.com.')).toEqual({ listed: true, domain: 'odoo.com' });
    expect(suffixFactsOf(facts, 'other.odoo.com')).toBeUndefined();
    expect(suffixFactsOf(facts, 'constructor')).toBeUndefined();
  });
});

describe('public/psl.txt', () => {
  it('is what scripts/psl.ts writes from the installed tldts (run `node scripts/psl.ts` after updating it)', async () => {
    expect(readFileSync(PSL_FILE, 'utf8') === (await pslText())).toBe(true);
  });

  it('names its source and licence', () => {
    expect(PSL_TEXT).toMatch(/^\/\/ The Public Suffix List \(https:\/\/publicsuffix\.org\/list\/\), Mozilla Public License 2\.0/);
    expect(PSL_TEXT).toContain('// ===BEGIN PRIVATE DOMAINS===');
  });
});
