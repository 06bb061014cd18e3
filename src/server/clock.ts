/**
 * The host's clock: every "now" of the server (form tokens, booking dates, link expiry, mail
 * retries, purge) comes from here, so tests can run the site at a chosen moment.
 *
 * TEST_CLOCK (tests only) is an ISO instant such as 2030-01-01T09:00:00Z: the clock starts
 * there when the server starts and then advances with real time, so retry delays, rate
 * windows and purge intervals behave as in production. It is read once, at start-up.
 */
export function createClock(env: NodeJS.ProcessEnv = process.env): () => number {
  const start = env.TEST_CLOCK;
  if (start === undefined || start === '') return () => Date.now();
  const at = Date.parse(start);
  if (!Number.isFinite(at)) throw new Error(`TEST_CLOCK must be an ISO date and time such as 2030-01-01T09:00:00Z, got "${start}".`);
  const offset = at - Date.now();
  return () => Date.now() + offset;
}
