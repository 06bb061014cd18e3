/**
 * Editors' quick check, without a full build: `node scripts/check-content.ts [folder ...]`.
 * Validates each entry's front matter against its schema and measures how readable its text is.
 * The build and `npm test` run the same schemas and a stricter check on the rendered pages.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodType } from 'astro/zod';
import { artikelSchema } from '../src/schemas/content/artikel.ts';
import { gesprekstipSchema } from '../src/schemas/content/gesprekstip.ts';
import { begripSchema } from '../src/schemas/content/begrip.ts';
import { organisatieSchema } from '../src/schemas/content/organisatie.ts';
import { faqSchema } from '../src/schemas/content/faq.ts';
import { doelgroepSchema } from '../src/schemas/content/doelgroep.ts';
import { measureReadability } from '../src/lib/readability.ts';
import { markdownToBlocks } from '../src/lib/markdown-text.ts';
import { formatContentIssues } from '../src/lib/content-errors.ts';

const schemas: Record<string, ZodType> = {
  artikels: artikelSchema,
  gesprekstips: gesprekstipSchema,
  begrippen: begripSchema,
  organisaties: organisatieSchema,
  faq: faqSchema,
  doelgroepen: doelgroepSchema,
};

const root = path.resolve('src/content');
const folders = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(schemas);
let failures = 0;

for (const folder of folders) {
  const schema = schemas[folder];
  if (!schema) throw new Error(`Unknown collection folder: ${folder}`);
  const files = (await readdir(path.join(root, folder)).catch(() => [])).filter((f) => /\.mdx?$/.test(f));
  for (const file of files) {
    const relative = `src/content/${folder}/${file}`;
    const raw = await readFile(path.join(root, folder, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(raw);
    if (!match) {
      console.log(`✗ ${relative}: no front matter`);
      failures++;
      continue;
    }
    const result = schema.safeParse(parse(match[1]!));
    if (!result.success) {
      failures++;
      for (const line of formatContentIssues(relative, result.error)) console.log(`✗ ${line}`);
    }
    const data = parse(match[1]!) as Record<string, unknown>;
    const frontText = ['situation', 'definition', 'whatItDoes', 'forWhom', 'description', 'lead']
      .flatMap((k) => (typeof data[k] === 'string' ? [data[k] as string] : []))
      .concat(['steps', 'sayThis', 'avoidThis', 'involveExpertWhen'].flatMap((k) => (Array.isArray(data[k]) ? (data[k] as string[]) : [])));
    const report = measureReadability([...frontText, ...markdownToBlocks(match[2]!)]);
    const mark = report.passes ? '✓' : '✗';
    if (!report.passes) failures++;
    console.log(
      `${mark} ${relative}: ${report.sentences} sentences, ${report.averageWords.toFixed(1)} words avg, ${(report.longShare * 100).toFixed(1)}% over 25 words`,
    );
    for (const long of report.longSentences) console.log(`    long: ${long}`);
  }
}
process.exitCode = failures ? 1 : 0;
