import { z } from 'astro/zod';
import { description, keywords, nonEmpty, references, reviewedDate, sources, type SchemaReferences } from './shared.ts';

export const roles = ['leerkracht', 'jeugdwerker', 'hulpverlener', 'ouder', 'sociale-media-beheerder', 'jongere'] as const;
export const roleLabels: Record<(typeof roles)[number], string> = {
  leerkracht: 'Leerkracht',
  jeugdwerker: 'Jeugdwerker',
  hulpverlener: 'Hulpverlener of maatschappelijk werker',
  ouder: 'Ouder of familielid',
  'sociale-media-beheerder': 'Beheerder van een sociale-mediapagina',
  jongere: 'Jongere',
};

const list = (field: string, min: number) =>
  z.array(nonEmpty(field), { error: `Het veld "${field}" moet een lijst zijn.` }).min(min, {
    error: `Het veld "${field}" heeft minstens ${min} punt(en) nodig.`,
  });

/** Conversation tips for one role in one situation (src/content/gesprekstips/*.mdx). */
export const gesprekstipSchema = (context: SchemaReferences) => z.strictObject({
  /** The page title and h1. */
  title: nonEmpty('title'),
  /** One or two sentences, at most 160 characters. */
  description,
  /** The role these tips are for. */
  role: z.enum(roles, { error: `Het veld "role" moet een van deze zijn: ${roles.join(', ')}.` }),
  /** The situation, in one or two sentences ("Een leerling zegt in de klas …"). */
  situation: nonEmpty('situation'),
  /** Concrete steps, in order. */
  steps: list('steps', 3),
  /** Example sentences you can say. */
  sayThis: list('sayThis', 3),
  /** Sentences or reactions to avoid, each with why. */
  avoidThis: list('avoidThis', 2),
  /** When to call in the expert (no emergencies: those go in callEmergencyWhen). */
  involveExpertWhen: list('involveExpertWhen', 2),
  /** Situations that need 101 or 112 right away (plans for violence, threats). Leave out on calm sheets. */
  callEmergencyWhen: z.array(nonEmpty('callEmergencyWhen')).default([]),
  /** Search words people might use. */
  keywords,
  /** Where the advice comes from (at least one). */
  sources,
  /** When an editor last checked the text (JJJJ-MM-DD). */
  lastReviewed: reviewedDate('lastReviewed'),
  /** Related articles, by file name without extension. */
  related: references(context, 'artikels'),
});
export type GesprekstipData = z.infer<ReturnType<typeof gesprekstipSchema>>;
