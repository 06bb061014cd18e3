import type { APIRoute } from 'astro';
import { checkBookingCatalogue, getBookingCatalogue } from '../../lib/workshops.ts';

/**
 * The booking catalogue as JSON, written at build time. The mail worker runs outside Astro
 * and reads this file to name workshops, schools and periods in its mails
 * (src/server/workshops/catalogue.ts). It holds only what the public pages show.
 */
export const GET: APIRoute = async () => {
  const catalogue = await getBookingCatalogue();
  await checkBookingCatalogue(catalogue);
  return new Response(JSON.stringify(catalogue, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
