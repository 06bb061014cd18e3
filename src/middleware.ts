import { defineMiddleware } from 'astro:middleware';

/**
 * Every server-rendered route can count on `Astro.locals.services`: the host process
 * (src/server/main.ts, or the development server through src/integrations/dev-services.ts)
 * hands them over with each request. Prerendered pages never reach this at run time.
 */
export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered) return next();
  if (!context.locals.services) {
    throw new Error('No services for this request: start the site with `npm start` or `npm run dev`, which provide them.');
  }
  return next();
});
