import path from 'node:path';
import { getViteConfig } from 'astro/config';

/**
 * Component tests render .astro components with Astro's Container API, which needs Astro's
 * Vite plugins; the other projects do not, so this one has its own config.
 */
export default getViteConfig(
  {
    root: path.resolve(import.meta.dirname, '../..'),
    test: {
      name: 'components',
      include: ['tests/components/**/*.test.ts'],
      environment: 'node',
    },
  },
  { logLevel: 'error' },
);
