import type { MailContent } from '../mail/compose.ts';

/** The message type of a notification in the delivery queue. */
export const NOTIFICATION_MESSAGE = 'postvak';

/**
 * The only mail confidential reporting ever sends: to the addresses a kind is routed to, when a
 * report or a reporter's message arrived. Always the same subject and words: no topic, no
 * reference, no name, no text. So a mailbox, a mail relay or an .eml file learns nothing but
 * that there is something to read in the inbox.
 */
export function composeNotification(siteUrl: string): MailContent {
  return {
    subject: 'Nieuw bericht in het postvak',
    text: [
      'Er staat een nieuw bericht of een nieuwe reactie in het postvak van het aanspreekpunt.',
      '',
      `Meld je aan om het te lezen: ${new URL('/postvak', siteUrl).href}`,
      '',
      '--',
      'Deze mail zegt bewust niet waarover het gaat. De inhoud staat alleen versleuteld in het postvak.',
    ].join('\n'),
  };
}
