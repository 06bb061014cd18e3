import type { SubmissionStore } from '../storage/submission-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { UsedTokens } from './used-tokens.ts';
import type { Settings } from '../../schemas/settings.ts';

/**
 * What the form routes need from the server. The production server creates these once and
 * hands them to Astro as `Astro.locals.services`; tests create their own.
 */
export interface FormServices {
  store: SubmissionStore;
  /**
   * Two budgets per client: a generous one for every form post (it stops floods, and someone
   * who made ten typing mistakes still has room) and a tight one for stored submissions (it
   * stops one client from filling the database and the expert's mailbox).
   */
  rateLimiter: RateLimiter;
  storedLimiter: RateLimiter;
  /** Form tokens that stored a submission already: one token, one submission. */
  usedTokens: UsedTokens;
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
}
