import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { visibleSourceFiles } from './source-files.ts';

/**
 * Signposting that stays true: an organisation's contact details live only in its wegwijzer entry
 * (src/content/organisaties), so an update there reaches every page. Articles link to the entry.
 */
const orgDir = join(import.meta.dirname, '..', '..', 'src', 'content', 'organisaties');
const organisations = readdirSync(orgDir).map((file) => {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(orgDir, file), 'utf8'))?.[1] ?? '';
  return { id: file.replace(/\.md$/, ''), data: parse(front) as { contact?: { phone?: string; email?: string; website?: string } } };
});

/** Front-matter source lists may name a web page as a source; that is a citation, not a contact detail. */
const withoutSourceUrls = (text: string) => text.replace(/^\s*-?\s*url: .*$/gm, '');

describe('contact details of organisations', () => {
  const files = visibleSourceFiles().filter((f) => !f.path.startsWith('src/content/organisaties/'));

  it('appear only in their wegwijzer entry, never retyped in an article or page', () => {
    const found: string[] = [];
    for (const { id, data } of organisations) {
      const { phone, email, website } = data.contact ?? {};
      // A website counts as retyped when its address is linked; its bare name ("wij-zij.be") may be mentioned.
      const needles = [phone, email, website?.replace(/\/$/, '')].filter((v): v is string => Boolean(v) && v !== '112');
      for (const file of files) {
        const text = withoutSourceUrls(file.text);
        for (const needle of needles) if (text.includes(needle)) found.push(`${file.path}: ${needle} (gebruik /wegwijzer#${id})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('victim and discrimination support is linked from the pages about hate and from the disengagement page', () => {
    const text = (path: string) => files.find((f) => f.path === path)?.text ?? '';
    for (const path of ['src/content/artikels/online-haatspraak.mdx', 'src/content/artikels/disengagement-en-deradicalisering.mdx']) {
      expect(text(path), path).toContain('/wegwijzer#unia');
      expect(text(path), path).toContain('/wegwijzer#caw');
    }
    expect(organisations.map((o) => o.id)).toEqual(expect.arrayContaining(['unia', 'caw']));
  });
});
