import { z } from 'astro/zod';
import { audiences, description, nonEmpty } from './shared.ts';

/** The landing page of one audience (src/content/doelgroepen/<audience>.md); the body is its guidance. */
export const doelgroepSchema = z.strictObject({
  /** Which audience this page is for; the file name must match it. */
  audience: z.enum(audiences),
  /** The page title and h1. */
  title: nonEmpty,
  /** One or two sentences, at most 160 characters. */
  description,
  /** The lead paragraph under the title. */
  lead: nonEmpty,
  /** Order in lists of audiences. */
  order: z.number().int().default(100),
});
export type DoelgroepData = z.infer<typeof doelgroepSchema>;
