import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ReadMore from '../../src/components/content/ReadMore.astro';

/** "Lees meer" under an FAQ answer or a glossary term: the related articles, as one readable line. */
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('ReadMore', () => {
  it('lists the links in order, separated by a comma with no space before it', async () => {
    const html = await container.renderToString(ReadMore, { props: { links: [{ href: '/info/a', title: 'Eerste' }, { href: '/info/b', title: 'Tweede' }] } });
    expect(text(html)).toBe('Lees meer: Eerste, Tweede');
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/info/a', '/info/b']);
  });

  it('renders nothing without links', async () => {
    expect(text(await container.renderToString(ReadMore, { props: { links: [] } }))).toBe('');
  });
});
