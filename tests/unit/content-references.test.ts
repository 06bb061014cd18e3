import { describe, expect, it, vi } from 'vitest';

// Astro's getEntries, as the content store answers it: the entry, or undefined for a name
// that points nowhere (Astro only logs those).
const existing = new Set(['artikels/wat-is-polarisering', 'boekingsperiodes/voorjaar']);
vi.mock('astro:content', () => ({
  getCollection: async () => [],
  getEntries: async (refs: { collection: string; id: string }[]) =>
    refs.map((ref) => (existing.has(`${ref.collection}/${ref.id}`) ? { ...ref, data: {} } : undefined)),
}));
const { referencedEntries } = await import('../../src/lib/content.ts');

/** What the pages call to follow `related`, `relatedTips` and `period`: a broken name stops the build. */
describe('following an entry\'s references', () => {
  const owner = {
    id: 'x',
    filePath: 'src/content/faq/x.md',
    data: {
      related: [{ collection: 'artikels' as const, id: 'wat-is-polarisering' }],
      relatedTips: [{ collection: 'gesprekstips' as const, id: 'bestaat-niet' }, { collection: 'gesprekstips' as const, id: 'ook-niet' }],
      period: { collection: 'boekingsperiodes' as const, id: 'voorjaar' },
    },
  };

  it('returns the entries a field names, a single reference as a list of one', async () => {
    expect((await referencedEntries(owner, 'related')).map((e) => e.id)).toEqual(['wat-is-polarisering']);
    expect((await referencedEntries(owner, 'period')).map((e) => e.id)).toEqual(['voorjaar']);
  });

  it('throws, naming the file, the field and every name that points nowhere', async () => {
    await expect(referencedEntries(owner, 'relatedTips')).rejects.toThrow(
      'src/content/faq/x.md → relatedTips: "bestaat-niet" bestaat niet in src/content/gesprekstips.\n' +
        'src/content/faq/x.md → relatedTips: "ook-niet" bestaat niet in src/content/gesprekstips.',
    );
  });
});
