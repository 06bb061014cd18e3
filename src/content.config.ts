import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { artikelSchema } from './schemas/content/artikel.ts';
import { gesprekstipSchema } from './schemas/content/gesprekstip.ts';
import { begripSchema } from './schemas/content/begrip.ts';
import { organisatieSchema } from './schemas/content/organisatie.ts';
import { faqSchema } from './schemas/content/faq.ts';
import { doelgroepSchema } from './schemas/content/doelgroep.ts';
import { workshopSchema } from './schemas/content/workshop.ts';
import { schoolSchema } from './schemas/content/workshop-school.ts';
import { periodeSchema } from './schemas/content/workshop-periode.ts';
import { withDutchErrors } from './schemas/dutch-errors.ts';

// Schemas that name other entries take Astro's reference() (see SchemaReferences); every
// schema gets the site's Dutch messages, which Astro's own English map would otherwise replace.
const context = { reference };
const from = (folder: string, pattern = '**/*.{md,mdx}') => glob({ base: `./src/content/${folder}`, pattern });

export const collections = {
  artikels: defineCollection({ loader: from('artikels'), schema: withDutchErrors(artikelSchema(context)) }),
  gesprekstips: defineCollection({ loader: from('gesprekstips'), schema: withDutchErrors(gesprekstipSchema(context)) }),
  begrippen: defineCollection({ loader: from('begrippen'), schema: withDutchErrors(begripSchema(context)) }),
  organisaties: defineCollection({ loader: from('organisaties'), schema: withDutchErrors(organisatieSchema) }),
  faq: defineCollection({ loader: from('faq'), schema: withDutchErrors(faqSchema(context)) }),
  doelgroepen: defineCollection({ loader: from('doelgroepen'), schema: withDutchErrors(doelgroepSchema) }),
  workshops: defineCollection({ loader: from('workshops', '**/*.md'), schema: withDutchErrors(workshopSchema(context)) }),
  scholen: defineCollection({ loader: from('scholen', '**/*.yaml'), schema: withDutchErrors(schoolSchema) }),
  boekingsperiodes: defineCollection({ loader: from('boekingsperiodes', '**/*.yaml'), schema: withDutchErrors(periodeSchema) }),
};
