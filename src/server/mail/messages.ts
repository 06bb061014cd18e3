import { concernForm } from '../../forms/concern-form.ts';
import { readPayload, type DeliveryJob } from '../storage/submission-store.ts';
import { composeSubmissionMail, type MailContent } from './compose.ts';

export type Composer = (job: DeliveryJob) => MailContent;

/**
 * Builds the mail for a delivery job from its message type. A routed form's id is the
 * message type of the mail to its recipients; other types are registered by their features.
 */
export function createComposer(extra: Record<string, Composer> = {}): Composer {
  const composers: Record<string, Composer> = { ...extra };
  composers[concernForm.id] = (job) => composeSubmissionMail(concernForm, job.reference, readPayload(concernForm.stored, job), new Date(job.createdAt));
  return (job) => {
    const compose = composers[job.message];
    if (!compose) throw new Error(`no composer for message type ${job.message}`);
    return compose(job);
  };
}
