import type { FormDefinition } from '../../forms/definition.ts';
import type { DeliveryJob } from '../storage/submission-store.ts';
import { composeSubmissionMail, type MailContent } from './compose.ts';

/**
 * Every form whose submissions are mailed in full to the recipients in the routing table, by id.
 * None now: a report is encrypted into the inbox and only a content-free notification is mailed
 * (src/server/cases/notification.ts).
 */
const routedForms: FormDefinition[] = [];

export type Composer = (job: DeliveryJob) => MailContent;

/**
 * Builds the mail for a delivery job from its message type. A routed form's id is the
 * message type of the mail to its recipients; other types are registered by their features.
 */
export function createComposer(extra: Record<string, Composer> = {}): Composer {
  const composers: Record<string, Composer> = { ...extra };
  for (const definition of routedForms) {
    composers[definition.id] = (job) => composeSubmissionMail(definition, job.reference, job.payload as Record<string, unknown>, new Date(job.createdAt));
  }
  return (job) => {
    const compose = composers[job.message];
    if (!compose) throw new Error(`no composer for message type ${job.message}`);
    return compose(job);
  };
}
