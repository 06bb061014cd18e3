import type { DeliveryJob } from '../storage/submission-store.ts';
import type { MailContent } from './compose.ts';

export type Composer = (job: DeliveryJob) => MailContent;

/**
 * Builds the mail for a delivery job from its message type; each feature registers its own
 * types. A report is never mailed: it is encrypted into the inbox, and only a content-free
 * notification goes out (src/server/cases/notification.ts).
 */
export function createComposer(extra: Record<string, Composer> = {}): Composer {
  const composers: Record<string, Composer> = { ...extra };
  return (job) => {
    const compose = composers[job.message];
    if (!compose) throw new Error(`no composer for message type ${job.message}`);
    return compose(job);
  };
}
