import { z } from 'astro/zod';
import type { FormDefinition } from './definition.ts';

/**
 * The school's one-button form behind the link in its acknowledgement mail: "yes, this is my
 * address". A button, not the link itself, because mail scanners open links; the post passes
 * the same checks as every form post.
 */
const addressSchema = z.strictObject({});

export const addressForm: FormDefinition<typeof addressSchema> = {
  id: 'e-mailadres',
  maxBodyBytes: 1024,
  schema: addressSchema,
  sections: [],
};
