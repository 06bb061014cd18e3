import type { z } from 'astro/zod';

/** One readable line per problem: "src/content/artikels/x.mdx → description: Het veld … is te lang". */
export function formatContentIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file} → ${issue.path.join('.') || '(front matter)'}: ${issue.message}`);
}
