/**
 * The build plugin that puts the popup's stylesheet into popup.html (scripts/inline-css.ts): a linked
 * stylesheet of the package becomes a `<style>` with its text; anything else stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from '../../scripts/inline-css.ts';

const page = (head: string) => `<head><script type="module" crossorigin src="/chunks/popup-abc.js"></script>${head}</head>`;

describe('inlineStylesheets', () => {
  it("puts a linked stylesheet's text in the page", () => {
    const css: Record<string, string> = { 'assets/popup-def.css': 'body{width:400px}\n' };
    const r = inlineStylesheets(page('<link rel="stylesheet" crossorigin href="/assets/popup-def.css">'), (p) => css[p]);
    expect(r.html).toBe(page('<style>body{width:400px}</style>'));
    expect(r.inlined).toEqual(['assets/popup-def.css']);
  });

  it('leaves a stylesheet it does not have, and one that would close the element early, linked', () => {
    const html = page('<link rel="stylesheet" href="/assets/a.css"><link rel="stylesheet" href="/assets/b.css">');
    const css: Record<string, string> = { 'assets/b.css': 'p::after{content:"</style>"}' };
    const r = inlineStylesheets(html, (p) => css[p]);
    expect(r.html).toBe(html);
    expect(r.inlined).toEqual([]);
  });

  it('leaves other links alone', () => {
    const html = page('<link rel="modulepreload" href="/chunks/x.js"><link rel="icon" href="/icon/16.png">');
    expect(inlineStylesheets(html, () => 'x{}').html).toBe(html);
  });
});
