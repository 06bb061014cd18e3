// @ts-check
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/**
 * One job: keep the runtime boundary visible. Code that runs inside Astro's request handling
 * (pages, components, layouts, src/app, src/middleware.ts) never imports the host process
 * (src/server: HTTP, storage, mail, secrets); the host never imports `astro:*` or the pages.
 * Type-only imports of the service contract (src/app/services.ts) are how the host implements it.
 */
const hostCode = {
  group: ['**/server/**'],
  message: 'Pages, components and src/app run inside Astro and must not import the host process (src/server). Use the services on Astro.locals.services.',
};

export default tseslint.config(
  { ignores: ['dist/**', '.astro/**', 'node_modules/**', 'data/**', '.bench/**'] },
  // Only the boundary rules below are on, so directives meant for other rules are not "unused".
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser },
  },
  ...astro.configs['flat/base'],
  {
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/app/**', 'src/middleware.ts', 'src/scripts/**', 'src/lib/**', 'src/forms/**', 'src/schemas/**', 'src/content.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-imports': ['error', { patterns: [hostCode] }],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['astro:*'], message: 'The host process runs outside Astro: it cannot import astro:* modules.' },
            { group: ['**/pages/**', '**/components/**', '**/layouts/**', '**/middleware*'], message: 'The host process never imports pages or components.' },
          ],
        },
      ],
    },
  },
);
