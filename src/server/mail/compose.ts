import { allFields, displayValue, type RoutedForm } from '../../forms/definition.ts';
import { formatReference } from '../../forms/reference.ts';
import { formatMoment } from '../../lib/dates.ts';

export interface MailContent {
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** The Message-ID of one message about one submission: the same on every attempt. */
export function messageIdFor(reference: string, message: string, recipient: string, domain: string): string {
  const recipientTag = Buffer.from(recipient.toLowerCase()).toString('base64url').slice(0, 16);
  return `<${reference}.${message}.${recipientTag}@${domain}>`;
}

/**
 * The message to the people who handle a form: every answered question with its label, in
 * the order of the form, so the expert reads it as the person filled it in.
 */
export function composeSubmissionMail<Data extends object>(definition: RoutedForm<Data>, reference: string, data: Data, receivedAt: Date): MailContent {
  const payload = data as Record<string, unknown>;
  const lines: string[] = [];
  for (const section of definition.sections) {
    const answered = section.fields.filter((field) => displayValue(field, payload[field.name]) !== '');
    if (answered.length === 0) continue;
    lines.push(section.legend.toUpperCase(), '');
    for (const field of answered) lines.push(`${field.label}`, indent(displayValue(field, payload[field.name])), '');
  }
  const known = new Set(allFields(definition).map((f) => f.name));
  const extra = Object.keys(payload).filter((k) => !known.has(k));
  if (extra.length) throw new Error(`payload has fields the form does not define: ${extra.join(', ')}`);

  return {
    subject: `${definition.subject(data)} [${formatReference(reference)}]`,
    text: [
      `Referentie: ${formatReference(reference)}`,
      `Ontvangen: ${formatMoment(receivedAt.getTime())}`,
      '',
      ...lines,
      '--',
      'Dit bericht bevat vertrouwelijke gegevens. Stuur het niet door en bewaar het alleen waar dat mag.',
    ].join('\n'),
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
