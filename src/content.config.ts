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

// Schemas that name other entries take Astro's reference(); see SchemaReferences.
const context = { reference };
const from = (folder: string, pattern = '**/*.{md,mdx}') => glob({ base: `./src/content/${folder}`, pattern });

export const collections = {
  artikels: defineCollection({ loader: from('artikels'), schema: artikelSchema(context) }),
  gesprekstips: defineCollection({ loader: from('gesprekstips'), schema: gesprekstipSchema(context) }),
  begrippen: defineCollection({ loader: from('begrippen'), schema: begripSchema(context) }),
  organisaties: defineCollection({ loader: from('organisaties'), schema: organisatieSchema }),
  faq: defineCollection({ loader: from('faq'), schema: faqSchema(context) }),
  doelgroepen: defineCollection({ loader: from('doelgroepen'), schema: doelgroepSchema }),
  workshops: defineCollection({ loader: from('workshops', '**/*.md'), schema: workshopSchema(context) }),
  scholen: defineCollection({ loader: from('scholen', '**/*.yaml'), schema: schoolSchema }),
  boekingsperiodes: defineCollection({ loader: from('boekingsperiodes', '**/*.yaml'), schema: periodeSchema }),
};
