import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { byPath, dutchErrors, forEditors, rule, withDutchErrors } from '../../src/schemas/dutch-errors.ts';
import { formErrors } from '../../src/forms/validation.ts';
import { parseSettings } from '../../src/schemas/settings.ts';
import { settings } from '../../src/settings.ts';

/**
 * The one Dutch error map: each row is a value that breaks one rule, at a path, and the
 * sentence an editor reads. The label is the path itself, so nothing prints it twice.
 */
const schema = z.strictObject({
  identity: z.strictObject({ logo: z.string().refine((v) => v.endsWith('.svg'), rule('moet een SVG-bestand zijn')) }),
  contact: z.strictObject({ address: z.string().trim().min(1), email: z.email(), website: z.url() }),
  audiences: z.array(z.enum(['inwoners', 'scholen'])).min(1).max(2),
  description: z.string().min(20).max(30),
  retentionDays: z.number().int().min(0).max(90),
  emergency: z.strictObject({ general: z.literal('112') }),
  lastReviewed: z.coerce.date(),
  reviewed: z.iso.date(),
  either: z.union([z.number(), z.boolean()]),
  explained: z.union([z.number(), z.boolean()]).meta(rule('moet een getal of true/false zijn').params),
});

const valid = {
  identity: { logo: '/logo.svg' },
  contact: { address: 'Grote Markt 1', email: 'info@voorbeeld.be', website: 'https://www.voorbeeld.be' },
  audiences: ['inwoners'],
  description: 'Een korte, geldige tekst.',
  retentionDays: 30,
  emergency: { general: '112' },
  lastReviewed: '2026-01-01',
  reviewed: '2026-01-01',
  either: 1,
  explained: true,
};

function messageFor(change: (draft: Record<string, any>) => void): string[] {
  const draft = structuredClone(valid) as Record<string, any>;
  change(draft);
  const result = schema.safeParse(draft, forEditors);
  if (result.success) throw new Error('the schema accepted the change');
  return result.error.issues.map((issue) => issue.message);
}

describe('the Dutch error map, for editors (label: the path)', () => {
  it('accepts the valid fixture, so each row fails for its own reason', () => {
    expect(schema.safeParse(valid, forEditors).success).toBe(true);
  });

  it.each([
    ['a missing nested field', (d) => delete d.contact.address, 'Vul contact.address in.'],
    ['an empty nested field', (d) => (d.contact.address = '  '), 'Vul contact.address in.'],
    ['text where a number belongs', (d) => (d.retentionDays = 'dertig'), 'retentionDays moet een getal zijn.'],
    ['a fraction', (d) => (d.retentionDays = 2.5), 'retentionDays moet een geheel getal zijn.'],
    ['a number too small', (d) => (d.retentionDays = -1), 'retentionDays moet minstens 0 zijn.'],
    ['a number too big', (d) => (d.retentionDays = 91), 'retentionDays mag hoogstens 90 zijn.'],
    ['text too short', (d) => (d.description = 'kort'), 'Schrijf wat meer bij description: minstens 20 tekens.'],
    ['text too long', (d) => (d.description = 'x'.repeat(31)), 'description mag hoogstens 30 tekens lang zijn.'],
    ['an empty list', (d) => (d.audiences = []), 'audiences heeft minstens één punt nodig.'],
    ['a list too long', (d) => (d.audiences = ['inwoners', 'scholen', 'inwoners']), 'audiences mag hoogstens 2 punten hebben.'],
    ['an unknown value in a list', (d) => (d.audiences = ['inwoners', 'toeristen']), 'audiences.1 moet een van deze zijn: "inwoners", "scholen".'],
    ['a fixed value', (d) => (d.emergency.general = '113'), 'emergency.general moet "112" zijn.'],
    ['an e-mail address', (d) => (d.contact.email = 'info'), 'contact.email moet een geldig e-mailadres zijn, zoals naam@voorbeeld.be.'],
    ['a web address', (d) => (d.contact.website = 'voorbeeld'), 'contact.website moet een webadres zijn, zoals https://www.voorbeeld.be.'],
    ['a date to coerce', (d) => (d.lastReviewed = 'gisteren'), 'lastReviewed moet een datum zijn (JJJJ-MM-DD).'],
    ['an ISO date', (d) => (d.reviewed = '2026-13-01'), 'reviewed moet een datum zijn (JJJJ-MM-DD).'],
    ['a rule of the schema', (d) => (d.identity.logo = '/logo.png'), 'identity.logo moet een SVG-bestand zijn.'],
    ['a union', (d) => (d.either = 'x'), 'either heeft niet de juiste vorm.'],
    ['a union with a rule', (d) => (d.explained = 'x'), 'explained moet een getal of true/false zijn.'],
    ['an unknown field', (d) => (d.titel = 'x'), 'Onbekend veld: titel.'],
    ['an unknown nested field', (d) => (d.contact.fax = 'x'), 'contact heeft een onbekend veld: fax.'],
  ] as [string, (d: Record<string, any>) => void, string][])('%s', (_what, change, message) => {
    expect(messageFor(change)).toEqual([message]);
  });

  it('names every problem of the settings once, without printing the path twice', () => {
    const draft = structuredClone(settings) as Record<string, any>;
    draft.contact.address = '';
    draft.routing.concernPerson = ['geen-adres'];
    draft.identity.colours.page = 'wit';
    let error = '';
    try {
      parseSettings(draft, 'instellingen.ts');
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error.split('\n')).toEqual([
      'De instellingen in instellingen.ts kloppen niet:',
      '  - identity.colours.page moet een kleur zijn zoals #0d524c.',
      '  - Vul contact.address in.',
      '  - routing.concernPerson.0 moet een geldig e-mailadres zijn, zoals naam@voorbeeld.be.',
    ]);
  });
});

describe('the Dutch error map, for visitors (label: the question)', () => {
  const form = {
    sections: [
      {
        id: 's',
        legend: 'S',
        fields: [
          { name: 'email', type: 'email' as const, label: 'Je e-mailadres' },
          { name: 'bericht', type: 'textarea' as const, label: 'Je bericht', maxLength: 4000 },
          { name: 'rol', type: 'radios' as const, label: 'Wie ben jij?', inSentence: 'wie je bent', options: [{ value: 'ouder', label: 'Ouder' }] },
        ],
      },
    ],
  };
  const formSchema = z.strictObject({ email: z.string().min(1), bericht: z.string().max(4000).min(10), rol: z.enum(['ouder']) });
  const messages = (values: unknown) => {
    const result = formSchema.safeParse(values, { error: formErrors(form) });
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('speaks to the visitor with the words of the question', () => {
    expect(messages({ email: '', bericht: 'x'.repeat(4001), rol: 'ouder' })).toEqual(['Vul je e-mailadres in.', 'Je bericht mag hoogstens 4000 tekens lang zijn.']);
    expect(messages({ email: 'a', bericht: 'kort', rol: 'leerkracht' })).toEqual(['Schrijf wat meer bij je bericht: minstens 10 tekens.', 'Kies wie je bent.']);
    expect(messages({ email: 'a', bericht: 'Een lang genoeg bericht.', rol: 'ouder', extra: '1' })).toEqual([
      'Het formulier bevat velden die we niet kennen. Laad de pagina opnieuw.',
    ]);
  });
});

describe('content that Astro parses', () => {
  // Astro passes an English map to every parse; the Dutch messages must already be on the issues.
  const english = { error: () => 'English' };
  const entry = withDutchErrors(
    z.strictObject({
      title: z.string().min(1),
      audiences: z.array(z.enum(['inwoners'])),
      colours: z.string().superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', message: 'Te weinig contrast.' })),
    }),
  );

  it('gets Dutch messages that Astro prints after the path, and keeps a message of its own', () => {
    const result = entry.safeParse({ audiences: ['toeristen'], colours: 'x' }, english);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'title: Vul dit veld in.',
      'audiences.0: Dit veld moet "inwoners" zijn.',
      'colours: Te weinig contrast.',
    ]);
  });

  it('stays an object schema, so Astro still writes the JSON schema editors get', () => {
    expect(Object.keys(z.toJSONSchema(entry, { io: 'input', unrepresentable: 'any' }).properties ?? {})).toEqual(['title', 'audiences', 'colours']);
  });

  it('reads the same outside Astro, by path', () => {
    expect(z.strictObject({ a: z.string() }).safeParse({ a: 1 }, { error: dutchErrors(byPath) }).error!.issues[0]!.message).toBe('a moet tekst zijn.');
  });
});
