import { z } from 'astro/zod';
import { audiences, description, keywords, nonEmpty, references, reviewedDate, sources, type SchemaReferences } from './shared.ts';

export const roles = ['leerkracht', 'jeugdwerker', 'hulpverlener', 'ouder', 'sociale-media-beheerder', 'jongere'] as const;
export const roleLabels: Record<(typeof roles)[number], string> = {
  leerkracht: 'Leerkracht',
  jeugdwerker: 'Jeugdwerker',
  hulpverlener: 'Hulpverlener of maatschappelijk werker',
  ouder: 'Ouder of familielid',
  'sociale-media-beheerder': 'Beheerder van een sociale-mediapagina',
  jongere: 'Jongere',
};

type Role = (typeof roles)[number];
type Audience = (typeof audiences)[number];

/**
 * Who each role's tips are for: the one table that says it. An audience page (/voor/…) lists
 * the tips of every role that names its audience, and search files each tip under the same
 * audiences. Every role needs at least one audience, or its tips appear on no audience page.
 */
export const roleAudiences: Record<Role, readonly Audience[]> = {
  ouder: ['ouders-en-familie', 'inwoners'],
  'sociale-media-beheerder': ['inwoners', 'eerstelijnswerkers'],
  leerkracht: ['eerstelijnswerkers', 'scholen'],
  jeugdwerker: ['eerstelijnswerkers'],
  hulpverlener: ['eerstelijnswerkers'],
  jongere: ['jongeren'],
};

/** The roles whose tips an audience page lists, read from `roleAudiences`. */
export const rolesFor = (audience: Audience): Role[] => roles.filter((role) => roleAudiences[role].includes(audience));

const list = (min: number) => z.array(nonEmpty).min(min);

/** Conversation tips for one role in one situation (src/content/gesprekstips/*.mdx). */
export const gesprekstipSchema = (context: SchemaReferences) => z.strictObject({
  /** The page title and h1. */
  title: nonEmpty,
  /** One or two sentences, at most 160 characters. */
  description,
  /** The role these tips are for. */
  role: z.enum(roles),
  /** The situation, in one or two sentences ("Een leerling zegt in de klas …"). */
  situation: nonEmpty,
  /** Concrete steps, in order. */
  steps: list(3),
  /** Example sentences you can say. */
  sayThis: list(3),
  /** Sentences or reactions to avoid, each with why. */
  avoidThis: list(2),
  /** When to call in the expert (no emergencies: those go in callEmergencyWhen). */
  involveExpertWhen: list(2),
  /** Situations that need 101 or 112 right away (plans for violence, threats). Leave out on calm sheets. */
  callEmergencyWhen: z.array(nonEmpty).default([]),
  /** Search words people might use. */
  keywords,
  /** Where the advice comes from (at least one). */
  sources,
  /** When an editor last checked the text (JJJJ-MM-DD). */
  lastReviewed: reviewedDate,
  /** Related articles, by file name without extension. */
  related: references(context, 'artikels'),
});
export type GesprekstipData = z.infer<ReturnType<typeof gesprekstipSchema>>;
