/**
 * The build plugin that puts an HTML page's own stylesheets into the page (wxt.config.ts): each
 * `<link rel="stylesheet" href="/assets/….css">` the bundler wrote into an HTML page of the package becomes
 * a `<style>` holding that file, and the file leaves the package when no other page links it. The popup's
 * first paint then waits for no second file (a linked stylesheet blocks rendering until it is loaded:
 * docs/benchmark.md). Extension pages' default content security policy restricts scripts, not styles, in
 * both browsers. scripts/size.ts counts an inline `<style>` in the page's budget, as it counted the file.
 */
import type { Plugin } from 'vite';

interface Asset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}
interface Chunk {
  type: 'chunk';
  fileName: string;
}

const LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;
const HREF = /\bhref="\/?([^"]+\.css)"/;

const text = (source: string | Uint8Array) => (typeof source === 'string' ? source : new TextDecoder().decode(source));

/**
 * The page with each linked stylesheet found in `css` (package path → text) inlined; the paths inlined.
 * A `</style` inside a stylesheet would end the element early: such a file stays linked.
 */
export function inlineStylesheets(html: string, css: (path: string) => string | undefined): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = html.replace(LINK, (link) => {
    const path = HREF.exec(link)?.[1];
    const body = path === undefined ? undefined : css(path);
    if (path === undefined || body === undefined || /<\/style/i.test(body)) return link;
    inlined.push(path);
    return `<style>${body.trim()}</style>`;
  });
  return { html: out, inlined };
}

export function inlineCss(): Plugin {
  return {
    name: 'inline-page-css',
    enforce: 'post',
    apply: 'build',
    generateBundle(_, bundle) {
      const files = bundle as Record<string, Asset | Chunk>;
      const css = (path: string) => {
        const f = files[path];
        return f?.type === 'asset' && f.fileName.endsWith('.css') ? text(f.source) : undefined;
      };
      const pages = Object.values(files).filter((f): f is Asset => f.type === 'asset' && f.fileName.endsWith('.html'));
      const inlined = new Set<string>();
      const linked = new Set<string>();
      for (const page of pages) {
        const r = inlineStylesheets(text(page.source), css);
        page.source = r.html;
        for (const p of r.inlined) inlined.add(p);
        for (const m of r.html.matchAll(LINK)) {
          const p = HREF.exec(m[0])?.[1];
          if (p) linked.add(p);
        }
      }
      for (const p of inlined) if (!linked.has(p)) delete files[p];
    },
  };
}
