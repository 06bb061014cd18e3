import { z } from 'astro/zod';
import { rule } from '../dutch-errors.ts';

/**
 * Building blocks shared by the content schemas. Their Dutch messages, for the city's editors,
 * come from the one error map (src/schemas/dutch-errors.ts), which names the field.
 */

/** Who a page is written for. */
export const audiences = ['inwoners', 'ouders-en-familie', 'eerstelijnswerkers', 'scholen', 'jongeren'] as const;
export const audienceLabels: Record<(typeof audiences)[number], string> = {
  inwoners: 'Inwoners',
  'ouders-en-familie': 'Ouders en familie',
  eerstelijnswerkers: 'Eerstelijnswerkers',
  scholen: 'Scholen',
  jongeren: 'Jongeren',
};

/** The knowledge themes; `aanpak` pages live under /over-ons, the rest under /info. */
export const themes = ['polarisering', 'extremisme', 'radicalisering', 'desinformatie', 'haatspraak', 'aanpak'] as const;
export const themeLabels: Record<(typeof themes)[number], string> = {
  polarisering: 'Polarisering',
  extremisme: 'Extremisme',
  radicalisering: 'Radicalisering',
  desinformatie: 'Desinformatie en complotdenken',
  haatspraak: 'Online haatspraak',
  aanpak: 'De aanpak in de stad',
};

/** The city's source documents (in shared/seeds), by a stable id editors can type. */
export const sourceDocuments = {
  'actieplan-2022': {
    file: '000_73412b4dad182635.txt',
    title: 'Actieplan Preventie van extremisme en polarisering, Stad en OCMW Sint-Niklaas, 17 februari 2022',
  },
  'vvsg-fiche': {
    file: '001_e1a1885eed6fa1e1.txt',
    title: 'VVSG, technische fiche memorandum: betere ondersteuning van een lokale, integrale aanpak van radicalisering en polarisering',
  },
  'vvsg-bevraging-2020': {
    file: '003_c27b7ad7e713a612.txt',
    title: 'VVSG, bevraging van Vlaamse gemeenten over radicalisering en polarisering (najaar 2020, 155 gemeenten)',
  },
  'vlaams-actieplan-2020-2024': {
    file: '004_074a1eca9397089c.txt',
    title: 'Vlaams actieplan ter preventie van gewelddadige radicalisering, extremisme, terrorisme en polarisering 2020-2024',
  },
} as const;
export type SourceDocumentId = keyof typeof sourceDocuments;
const sourceDocumentIds = Object.keys(sourceDocuments) as [SourceDocumentId, ...SourceDocumentId[]];

/** Text that is not empty once trimmed. */
export const nonEmpty = z.string().trim().min(1);

/** A page's summary: it shows in search results and link previews, so it must stay short. */
export const description = z.string().trim().min(20).max(160);

/** Where a statement comes from: a section of a source document, or a public web page. */
export const source = z.union(
  [
    z.strictObject({
      /** Id of a source document, e.g. actieplan-2022. */
      document: z.enum(sourceDocumentIds),
      /** The section, as titled in the document, e.g. "Preventie 1. Stedelijk aanspreekpunt". */
      section: nonEmpty,
    }),
    z.strictObject({
      /** A public web page (only addresses listed in the project's facts). */
      url: z.url({ protocol: /^https?$/ }),
      /** How the page is named in the source list. */
      title: nonEmpty,
    }),
  ],
).meta(rule('heeft ofwel "document" en "section", ofwel "url" en "title"').params);
export type Source = z.infer<typeof source>;

export const sources = z.array(source).min(1);

export const reviewedDate = z.coerce.date();

/** Words people actually type in the search box, such as "complot" or "haat online". */
export const keywords = z.array(nonEmpty).default([]);

/** Another entry, as Astro's `reference()` gives it once parsed: its collection and its file name without extension. */
export interface EntryReference<C extends string> {
  collection: C;
  id: string;
}

/**
 * How a schema names another entry. Inside Astro it is `reference` from astro:content (see
 * src/content.config.ts); pages resolve it with getEntry/getEntries, and a reference to a
 * missing entry stops the build (src/lib/content.ts `referencedEntries`). Outside Astro
 * (scripts, unit tests) `outsideAstro` checks the form of the name only.
 */
export interface SchemaReferences {
  reference: <C extends string>(collection: C) => z.ZodType<EntryReference<C>, unknown>;
}

export const outsideAstro: SchemaReferences = {
  reference: <C extends string>(collection: C) =>
    z
      .string()
      .refine((id) => /^[a-z0-9-]+$/.test(id), rule('moet de bestandsnaam van een pagina zijn, zonder extensie'))
      .transform((id): EntryReference<C> => ({ collection, id })),
};

/** Other entries of one collection, by file name without extension. */
export const references = <C extends string>({ reference }: SchemaReferences, collection: C) => z.array(reference(collection)).default([]);
