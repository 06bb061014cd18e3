import type { z } from 'astro/zod';

/**
 * One readable line per problem: "src/content/artikels/x.mdx → description mag hoogstens 160
 * tekens lang zijn." The data must be parsed with `forEditors` (src/schemas/dutch-errors.ts),
 * whose messages name the field, so the line does not print the path again.
 */
export function formatContentIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file} → ${issue.message}`);
}
