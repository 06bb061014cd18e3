import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Reads content entries the way Astro's collections see them, for build steps and scripts that run without a
 * build: Markdown/MDX front matter (plus the body) and whole YAML files.
 */
export interface ContentFile {
  /** Path from the project root, e.g. src/content/organisaties/vdab.md. */
  file: string;
  /** The parsed front matter or YAML document; undefined when a Markdown file has none. */
  data: unknown;
  /** The Markdown body (empty for YAML). */
  body: string;
}

export const contentRoot = path.resolve(import.meta.dirname, '../content');

export async function readContentFolder(folder: string): Promise<ContentFile[]> {
  const names = (await readdir(path.join(contentRoot, folder)).catch(() => [])).filter((f) => /\.(mdx?|ya?ml)$/.test(f)).sort();
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(path.join(contentRoot, folder, name), 'utf8');
      const file = `src/content/${folder}/${name}`;
      if (/\.ya?ml$/.test(name)) return { file, data: parse(raw) as unknown, body: '' };
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(raw);
      return match ? { file, data: parse(match[1]!) as unknown, body: match[2]! } : { file, data: undefined, body: raw };
    }),
  );
}

/** Every content folder. */
export async function contentFolders(): Promise<string[]> {
  return (await readdir(contentRoot, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}
