import { describe, expect, it } from 'vitest';
import { axeSample, pageType, parsePage, resourceUrls, scriptSet } from '../support/page-sample.ts';

const page = (path: string, body: string, head = '') => parsePage(path, `<!doctype html><html lang="nl"><head>${head}</head><body>${body}</body></html>`);

describe('choosing the pages axe checks', () => {
  it('groups pages by their declared type, or else by their parent address', () => {
    expect(pageType(page('/info/a', '<main></main>'))).toBe('/info');
    expect(pageType(page('/privacy', '<main></main>'))).toBe('/');
    expect(pageType(page('/info/a', '<main data-page-type="artikel"></main>'))).toBe('artikel');
  });

  it('takes one page per type when its pages look alike, and adds a page that shows a new kind of element', () => {
    const pages = [
      page('/info/a', '<main><h1 class="t">A</h1><p>x</p></main>'),
      page('/info/b', '<main><h1 class="t">B</h1><p>y</p></main>'),
      page('/info/c', '<main><h1 class="t">C</h1><p>z</p><table><tr><td>1</td></tr></table></main>'),
      page('/tips/a', '<main><h1 class="t">T</h1><p>x</p></main>'),
      page('/tips/b', '<main><h1 class="t">U</h1><p class="note">x</p></main>'),
    ];
    const sample = axeSample(pages);
    expect(sample.filter((s) => s.type === '/info').map((s) => s.path)).toEqual(['/info/c']);
    expect(sample.filter((s) => s.type === '/tips').map((s) => s.path).sort()).toEqual(['/tips/a', '/tips/b']);
  });

  it('finds what a page loads by itself, but not the links a visitor follows', () => {
    const p = page(
      '/',
      '<a href="https://elders.example/">link</a><img src="https://cdn.example/x.png" srcset="/a.png 1x, https://cdn.example/b.png 2x"><script src="/_astro/a.js"></script><form action="https://post.example/"></form>',
      '<link rel="stylesheet" href="https://fonts.example/f.css"><link rel="alternate" href="https://elders.example/feed">',
    );
    expect(resourceUrls(p).sort()).toEqual(['/_astro/a.js', '/a.png', 'https://cdn.example/b.png', 'https://cdn.example/x.png', 'https://fonts.example/f.css', 'https://post.example/'].sort());
    expect(scriptSet(p)).toBe('/_astro/a.js');
  });
});
