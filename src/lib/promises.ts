import type { Settings } from '../schemas/settings.ts';
import { settings as siteSettings } from '../settings.ts';

/**
 * Promises the city still has to decide ship as placeholder strings in the settings. Visitors must
 * never see one, so every sentence that depends on such a value goes through here: a decided value
 * gives the promise, a placeholder gives a sentence that promises nothing.
 */

// One definition of "still a placeholder", shared with everything else that hides placeholders.
export { decided, isPlaceholder } from './placeholders.ts';
import { decided } from './placeholders.ts';

type PromiseSettings = Pick<Settings, 'responseWorkingDays' | 'anonymousReporting' | 'expertTitle' | 'contact'>;

/** The working days within which the expert answers, once the city decided it. */
export function decidedReplyDays(s: Pick<Settings, 'responseWorkingDays'> = siteSettings): number | undefined {
  const days = decided(s.responseWorkingDays);
  return typeof days === 'number' ? days : undefined;
}

/** "1 werkdag", "5 werkdagen". */
export const workingDaysText = (days: number): string => `${days} ${days === 1 ? 'werkdag' : 'werkdagen'}`;

/** For a reporter who left contact details: that the expert gets back to them, and when once decided. */
export function contactBackSentence(s: PromiseSettings = siteSettings): string {
  const days = decidedReplyDays(s);
  return `Dan neemt de ${s.expertTitle} contact met je op${days === undefined ? '' : ` binnen ${workingDaysText(days)}`}, zoals je vroeg.`;
}

/** "Je krijgt binnen 3 werkdagen antwoord." once decided; without a decision no time is named. */
export function responseSentence(s: PromiseSettings = siteSettings): string {
  const days = decided(s.responseWorkingDays);
  if (typeof days !== 'number') return `Laat je je contactgegevens achter? Dan neemt de ${s.expertTitle} contact met je op.`;
  return `Je krijgt binnen ${workingDaysText(days)} antwoord.`;
}

/** A short title for the same promise, for step lists. */
export function responseTitle(s: PromiseSettings = siteSettings): string {
  const days = decided(s.responseWorkingDays);
  return typeof days === 'number' ? `Je krijgt binnen ${workingDaysText(days)} antwoord` : 'De deskundige neemt contact op';
}

/**
 * What a reporter may expect about their name. The form never requires a name; only the city can
 * promise anonymity, so without its decision the sentence states just what the form does.
 */
export function anonymitySentence(s: PromiseSettings = siteSettings): string | undefined {
  const anonymous = decided(s.anonymousReporting);
  if (anonymous === true) return 'Je kunt ook anoniem blijven.';
  if (anonymous === false) return undefined;
  return 'Je naam geven is niet verplicht.';
}

/** When the expert calls back, once the city filled in its opening hours. */
export function callbackSentence(s: PromiseSettings = siteSettings): string | undefined {
  const hours = decided(s.contact.openingHours);
  return hours ? `De ${s.expertTitle} belt terug: ${hours}.` : undefined;
}

/** Who schools write to about workshops; the e-mail address only once the city filled it in. */
export function workshopContact(s: Pick<Settings, 'workshopCoordinator'> = siteSettings): { name: string; email?: string } {
  return {
    name: decided(s.workshopCoordinator.name) ?? 'de coördinator van de workshops',
    email: decided(s.workshopCoordinator.email),
  };
}

/** The "questions?" line for workshop pages and mails, without a placeholder address. */
export function workshopQuestionsText(s: Pick<Settings, 'workshopCoordinator'> = siteSettings): string {
  const { name, email } = workshopContact(s);
  return email ? `Vragen over de workshops? Mail ${name}: ${email}.` : `Vragen over de workshops? Het e-mailadres van ${name} is nog niet bekend.`;
}
