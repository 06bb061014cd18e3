/**
 * How long a workshop request waits at each step. Shared by the pages (which tell the school)
 * and the host (which acts on it). Node-safe: no Astro imports.
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long a school has to confirm its e-mail address before its request lapses. A teacher
 * often reads mail only between lessons, so a few hours rather than minutes; but until the
 * address is confirmed we do not know that the person who typed it owns it, so its data and
 * its place in the queue are not kept longer than a school day.
 */
export const ADDRESS_CONFIRMATION_HOURS = 6;
export const ADDRESS_CONFIRMATION_MS = ADDRESS_CONFIRMATION_HOURS * HOUR_MS;

/**
 * When the coordinator gets a reminder about a request nobody decided on: a week before the
 * links in their mail expire (they work 30 days), so there is time to act.
 */
export const DECISION_REMINDER_AFTER_MS = 23 * DAY_MS;
