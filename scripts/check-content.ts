/**
 * Editors' quick check, without a full build: `node scripts/check-content.ts [folder ...]`.
 * Validates each entry's front matter against its schema and measures how readable its text is.
 * The build and `npm test` run the same schemas and a stricter check on the rendered pages.
 */
import type { ZodType } from 'astro/zod';
import { artikelSchema } from '../src/schemas/content/artikel.ts';
import { gesprekstipSchema } from '../src/schemas/content/gesprekstip.ts';
import { begripSchema } from '../src/schemas/content/begrip.ts';
import { organisatieSchema } from '../src/schemas/content/organisatie.ts';
import { faqSchema } from '../src/schemas/content/faq.ts';
import { doelgroepSchema } from '../src/schemas/content/doelgroep.ts';
import { outsideAstro } from '../src/schemas/content/shared.ts';
import { measureReadability } from '../src/lib/readability.ts';
import { markdownToBlocks } from '../src/lib/markdown-text.ts';
import { formatContentIssues } from '../src/lib/content-errors.ts';
import { forEditors } from '../src/schemas/dutch-errors.ts';
import { readContentFolder } from '../src/integrations/content-files.ts';

const schemas: Record<string, ZodType> = {
  artikels: artikelSchema(outsideAstro),
  gesprekstips: gesprekstipSchema(outsideAstro),
  begrippen: begripSchema(outsideAstro),
  organisaties: organisatieSchema,
  faq: faqSchema(outsideAstro),
  doelgroepen: doelgroepSchema,
};

const folders = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(schemas);
let failures = 0;

for (const folder of folders) {
  const schema = schemas[folder];
  if (!schema) throw new Error(`Unknown collection folder: ${folder}`);
  for (const { file: relative, data: frontMatter, body } of await readContentFolder(folder)) {
    if (!/\.mdx?$/.test(relative)) continue;
    if (frontMatter === undefined) {
      console.log(`✗ ${relative}: no front matter`);
      failures++;
      continue;
    }
    const result = schema.safeParse(frontMatter, forEditors);
    if (!result.success) {
      failures++;
      for (const line of formatContentIssues(relative, result.error)) console.log(`✗ ${line}`);
    }
    const data = frontMatter as Record<string, unknown>;
    const frontText = ['situation', 'definition', 'whatItDoes', 'forWhom', 'description', 'lead']
      .flatMap((k) => (typeof data[k] === 'string' ? [data[k] as string] : []))
      .concat(['steps', 'sayThis', 'avoidThis', 'involveExpertWhen'].flatMap((k) => (Array.isArray(data[k]) ? (data[k] as string[]) : [])));
    const report = measureReadability([...frontText, ...markdownToBlocks(body)]);
    const mark = report.passes ? '✓' : '✗';
    if (!report.passes) failures++;
    console.log(
      `${mark} ${relative}: ${report.sentences} sentences, ${report.averageWords.toFixed(1)} words avg, ${(report.longShare * 100).toFixed(1)}% over 25 words`,
    );
    for (const long of report.longSentences) console.log(`    long: ${long}`);
  }
}
process.exitCode = failures ? 1 : 0;
