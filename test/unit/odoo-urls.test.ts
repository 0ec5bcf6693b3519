import { describe, expect, it } from 'vitest';
import {
  odooMailServerLink,
  odooMailServersLink,
  odooOriginFromTabUrl,
  odooSettingsLink,
  originPattern,
  parseOdooUrl,
  usesOdooPaths,
} from '@/lib/odoo/urls';

describe('parseOdooUrl accepts an Odoo origin', () => {
  it.each([
    ['https://acme.odoo.com', 'https://acme.odoo.com'],
    ['  https://acme.odoo.com/  ', 'https://acme.odoo.com'],
    ['HTTPS://ACME.Odoo.COM', 'https://acme.odoo.com'],
    ['https://erp.example.co.uk:8443', 'https://erp.example.co.uk:8443'],
    ['https://erp.example.com:443', 'https://erp.example.com'],
    ['http://localhost:8069', 'http://localhost:8069'],
    ['http://127.0.0.1:8069/', 'http://127.0.0.1:8069'],
    ['http://[::1]:8069', 'http://[::1]:8069'],
    ['https://erp.münchen.de', 'https://erp.xn--mnchen-3ya.de'],
    ['https://10.0.0.5:8069', 'https://10.0.0.5:8069'],
  ])('%s → %s', (input, origin) => {
    const result = parseOdooUrl(input);
    expect(result).toMatchObject({ ok: true, origin });
  });

  it('warns, without refusing, about plain http on a public host', () => {
    const result = parseOdooUrl('http://erp.example.com');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.key)).toEqual(['warn.odooUrl.http']);
    expect(parseOdooUrl('http://localhost:8069')).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('parseOdooUrl refuses, with the reason and a fix when one exists', () => {
  it.each([
    ['', 'err.odooUrl.empty', undefined],
    ['   ', 'err.odooUrl.empty', undefined],
    // Not "add https://": that would be refused in turn — the real problem is said at once.
    ['odoo.com', 'err.odooUrl.odooSite', undefined],
    ['www.odoo.sh', 'err.odooUrl.odooSite', undefined],
    ['acme.odoo.com', 'err.odooUrl.noScheme', 'https://acme.odoo.com'],
    ['localhost:8069', 'err.odooUrl.noScheme', 'http://localhost:8069'],
    ['acme.odoo.com/odoo', 'err.odooUrl.noScheme', 'https://acme.odoo.com'],
    ['ftp://x', 'err.odooUrl.scheme', undefined],
    ['javascript:alert(1)', 'err.odooUrl.scheme', undefined],
    ['mailto:admin@acme.com', 'err.odooUrl.scheme', undefined],
    ['https://', 'err.odooUrl.invalid', undefined],
    ['https:acme.odoo.com', 'err.odooUrl.invalid', undefined],
    ['https://user:pass@acme.odoo.com', 'err.odooUrl.credentials', 'https://acme.odoo.com'],
    ['https://acme.odoo.com/odoo/discuss', 'err.odooUrl.path', 'https://acme.odoo.com'],
    ['https://acme.odoo.com/web#action=12', 'err.odooUrl.path', 'https://acme.odoo.com'],
    ['https://acme.odoo.com/?db=acme', 'err.odooUrl.path', 'https://acme.odoo.com'],
    ['https://acme.odoo.com/)', 'err.odooUrl.path', 'https://acme.odoo.com'],
    ['https://acme.odoo.com?', 'err.odooUrl.path', 'https://acme.odoo.com'],
    ['https://acme .odoo.com', 'err.odooUrl.spaces', 'https://acme.odoo.com'],
    ['https://acme', 'err.odooUrl.host', undefined],
    ['https://-acme.odoo.com', 'err.odooUrl.host', undefined],
    ['https://acme.odoo.com.', 'err.odooUrl.host', 'https://acme.odoo.com'],
    ['https://acme.odoo.com:99999', 'err.odooUrl.invalid', undefined],
    ['https://odoo.com', 'err.odooUrl.odooSite', undefined],
    ['https://www.odoo.com/', 'err.odooUrl.odooSite', undefined],
  ])('%j → %s', (input, key, suggestion) => {
    const result = parseOdooUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(key);
    expect(result.suggestion).toBe(suggestion);
  });
});

describe('odooOriginFromTabUrl proposes the origin of an Odoo-looking tab', () => {
  it.each([
    ['https://acme.odoo.com/odoo/discuss', 'https://acme.odoo.com'],
    ['https://erp.example.com/web#action=123&model=res.partner', 'https://erp.example.com'],
    ['http://localhost:8069/web/login?redirect=%2Fodoo', 'http://localhost:8069'],
    ['https://acme.odoo.com/', 'https://acme.odoo.com'],
  ])('%s → %s', (url, origin) => expect(odooOriginFromTabUrl(url)).toBe(origin));

  it.each([
    ['https://console.cloud.google.com/auth/overview'],
    ['https://www.odoo.com/web/login'],
    ['https://example.com/blog'],
    ['chrome://extensions'],
    [undefined],
    ['not a url'],
  ])('%s → nothing', (url) => expect(odooOriginFromTabUrl(url)).toBeNull());
});

describe('originPattern', () => {
  it('asks for exactly the scheme and host (match patterns carry no port)', () => {
    expect(originPattern('https://acme.odoo.com')).toBe('https://acme.odoo.com/*');
    expect(originPattern('http://127.0.0.1:8069')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:8069')).toBe('http://[::1]/*');
  });
});

describe('the links into Odoo follow the URL scheme of its version', () => {
  it.each([
    [undefined, 0, false],
    [15, 0, false],
    [17, 0, false],
    [17, 1, false],
    [17, 2, true],
    [18, 0, true],
    [19, 0, true],
  ])('%s.%s uses /odoo/ paths: %s', (major, minor, modern) => {
    expect(usesOdooPaths(major, minor)).toBe(modern);
    const O = 'https://acme.odoo.com';
    expect(odooSettingsLink(O, major, minor)).toBe(
      modern ? `${O}/odoo/settings` : `${O}/web#action=base_setup.action_general_configuration`,
    );
    expect(odooMailServersLink(O, major, minor)).toBe(
      modern ? `${O}/odoo/action-base.action_ir_mail_server_list` : `${O}/web#action=base.action_ir_mail_server_list`,
    );
    expect(odooMailServerLink(O, 4, major, minor)).toBe(
      modern ? `${O}/odoo/ir.mail_server/4` : `${O}/web#id=4&model=ir.mail_server&view_type=form`,
    );
  });
});
