import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  // Without a public address (a local run) there is no sitemap address to give.
  const sitemap = site ? `Sitemap: ${new URL('/sitemap.xml', site).href}\n` : '';
  return new Response(`User-agent: *\nDisallow: /melden/ontvangen\nDisallow: /melden/opvolgen\nDisallow: /postvak\nDisallow: /workshops/boeking\n${sitemap}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
