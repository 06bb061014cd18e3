// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import tailwindcss from '@tailwindcss/vite';
import { site } from './src/integrations/site.ts';
import { publicSiteUrl } from './src/server/config.ts';

export default defineConfig({
  // The public address, or none for a local run (pages then print no absolute address);
  // a production build without a public https SITE_URL stops here with a clear message.
  site: publicSiteUrl(process.env, { build: true }),
  // Tests build a second site (other settings) into a folder of their own.
  ...(process.env.BUILD_OUT_DIR ? { outDir: process.env.BUILD_OUT_DIR } : {}),
  // Pages are files (`/privacy.html`) so the production server maps clean URLs without redirects.
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'never',
  // Astro 7's default ('jsx') drops the space where a line of text meets a link on the next
  // line; 'true' keeps whitespace that affects rendering.
  compressHTML: true,
  // Middleware mode: our own server (src/server/main.ts) adds security headers to every
  // response and hands the form routes their services (src/app/services.ts).
  adapter: node({ mode: 'middleware' }),
  integrations: [mdx(), site()],
  // The site sets its own Content-Security-Policy header; no inline script may appear.
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
  },
  // Form posts are checked for their origin by our own handler, which answers in Dutch.
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  prefetch: false,
});
