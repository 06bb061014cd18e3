import type { SubmissionStore } from '../storage/submission-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { FollowUp, Inbox, Reports } from '../../app/cases/services.ts';

/**
 * What the form routes need from the server. The production server creates these once and
 * hands them to Astro as `Astro.locals.services`; tests create their own.
 */
export interface FormServices {
  store: SubmissionStore;
  rateLimiter: RateLimiter;
  /** Server secret for signed form tokens and signed links. */
  secret: Buffer;
  /** Submissions faster than this after the form was shown are treated as bots. */
  minFillMs: number;
  /** The site's public origin, accepted as the Origin of form posts besides the request's own. */
  siteOrigin: string;
  routing: Settings['routing'];
  now(): number;
  /** Called after a submission was committed, so delivery starts at once. */
  submitted(): void;
  /** Confidential reporting (src/server/cases/). */
  reports?: Reports;
  followUp?: FollowUp;
  inbox?: Inbox;
}
