import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The lint rule that keeps the runtime boundary: pages and request-handling code never import
 * the host process, and the host never imports Astro. Checked on small sources placed at real
 * paths, so the test fails when the rule or its file globs stop matching.
 */
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const problems = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.message);
};

// Loading the parsers takes seconds on a busy machine.
describe('runtime boundary', { timeout: 60_000 }, () => {
  it('refuses host code in a page, a component and request-handling code', async () => {
    const page = `---\nimport { openDatabase } from '../server/storage/database.ts';\n---\n<p>{String(openDatabase)}</p>\n`;
    expect(await problems('src/pages/voorbeeld.astro', page)).toEqual([expect.stringContaining('must not import the host process')]);
    expect(await problems('src/components/Voorbeeld.astro', page.replace('../server', '../../server'))).toHaveLength(1);
    expect(await problems('src/app/forms/voorbeeld.ts', `import { loadOrCreateSecret } from '../../server/secret.ts';\nexport const x = loadOrCreateSecret;\n`)).toHaveLength(1);
  });

  it('refuses astro:* and pages in the host', async () => {
    expect(await problems('src/server/voorbeeld.ts', `import { getCollection } from 'astro:content';\nexport const x = getCollection;\n`)).toEqual([expect.stringContaining('runs outside Astro')]);
    expect(await problems('src/server/voorbeeld.ts', `import X from '../components/forms/FormRenderer.astro';\nexport const x = X;\n`)).toHaveLength(1);
  });

  it('lets pages use the app layer and the host implement the service contract', async () => {
    expect(await problems('src/pages/voorbeeld.astro', `---\nimport { handleRoutedForm } from '../app/forms/pipeline.ts';\n---\n<p>{String(handleRoutedForm)}</p>\n`)).toEqual([]);
    expect(await problems('src/server/voorbeeld.ts', `import type { AppServices } from '../app/services.ts';\nexport type X = AppServices;\n`)).toEqual([]);
  });
});
