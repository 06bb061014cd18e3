import type { APIRoute } from 'astro';
import { getSitePages } from '../lib/site-pages.ts';

/** The machine-readable sitemap; the same list as the human /sitemap page. */
export const GET: APIRoute = async ({ site }) => {
  // A local run without SITE_URL lists paths rather than pretend the site lives on localhost.
  const urls = (await getSitePages()).map((page) => `  <url><loc>${site ? new URL(page.path, site).href : page.path}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
