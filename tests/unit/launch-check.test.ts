import { describe, expect, it } from 'vitest';
import { formatLaunchCheck, launchCheckItems, type LaunchCheckInput } from '../../src/lib/launch-check.ts';
import { organisatieSchema, type OrganisatieData } from '../../src/schemas/content/organisatie.ts';
import { completeSettings } from '../support/complete-settings.ts';

const today = new Date('2027-03-01T12:00:00Z');

function organisation(extra: Record<string, unknown> = {}): OrganisatieData {
  return organisatieSchema.parse({
    name: 'Hulplijn',
    whatItDoes: 'Ze luistert.',
    forWhom: 'Iedereen.',
    checkedAt: 'website van de hulplijn',
    lastChecked: '2027-02-01',
    verified: { date: '2027-02-01', by: 'dienst Communicatie, op de website van de hulplijn' },
    ...extra,
  });
}

function input(change: (draft: LaunchCheckInput) => void = () => {}): LaunchCheckInput {
  const draft: LaunchCheckInput = {
    settings: completeSettings(),
    organisations: [{ file: 'src/content/organisaties/hulplijn.md', data: organisation() }],
    contentPlaceholders: [],
    today,
  };
  change(draft);
  return draft;
}

describe('the launch check', () => {
  it('has nothing left to do when everything is filled in and checked', () => {
    const items = launchCheckItems(input());
    expect(items).toEqual([]);
    expect(formatLaunchCheck(items)).toMatch(/alles is ingevuld/);
  });

  it('lists every placeholder setting by field, with a plain Dutch explanation', () => {
    const items = launchCheckItems(
      input((d) => {
        d.settings.contact.phone = '[in te vullen: telefoonnummer]';
        d.settings.routing.concernPerson = ['deskundige@example.org'];
        d.settings.privacy.legalBasis = '[in te vullen door de functionaris voor gegevensbescherming]';
        d.settings.quickExitUrl = 'https://example.org/';
        d.settings.complaintsService.name = '[in te vullen: klachtendienst]';
      }),
    );
    expect(items.map((i) => i.subject)).toEqual(['routing.concernPerson.0', 'contact.phone', 'quickExitUrl', 'privacy.legalBasis', 'complaintsService.name']);
    expect(items.find((i) => i.subject === 'routing.concernPerson.0')!.todo).toMatch(/komt een bericht nergens aan/);
    expect(items.find((i) => i.subject === 'privacy.legalBasis')!.todo).toMatch(/rechtsgrond/);
    expect(items.find((i) => i.subject === 'quickExitUrl')!.todo).toMatch(/Verlaat deze pagina/);
  });

  it('picks up a placeholder in a settings field it has never heard of (an undecided promise)', () => {
    const items = launchCheckItems(input((d) => ((d.settings as Record<string, unknown>).callbackHours = '[in te vullen: tot wanneer we terugbellen]')));
    expect(items).toEqual([{ section: 'Nog te beslissen of in te vullen', subject: 'callbackHours', todo: expect.stringMatching(/Beslis/) }]);
  });

  it('lists an accessibility statement that is not confirmed, or checked more than 12 months ago', () => {
    expect(launchCheckItems(input((d) => (d.settings.accessibilityReviewed = '[in te vullen: datum]'))).map((i) => i.subject)).toEqual(['accessibilityReviewed']);
    const old = launchCheckItems(input((d) => (d.settings.accessibilityReviewed = '2025-12-01')));
    expect(old).toEqual([{ section: 'Toegankelijkheid', subject: 'accessibilityReviewed', todo: expect.stringMatching(/langer dan 12 maanden/) }]);
  });

  it('lists signposting that is stale or was never checked with the organisation itself', () => {
    const stale = organisation({ lastChecked: '2025-06-01', verified: { date: '2025-06-01', by: 'telefonisch' } });
    const unchecked = organisation({ name: 'Uit een plan', lastChecked: '2022-02-17', sourceDate: '2022-02-17', verified: undefined });
    const items = launchCheckItems(
      input((d) => {
        d.organisations = [
          { file: 'a.md', data: stale },
          { file: 'b.md', data: unchecked },
        ];
      }),
    );
    expect(items.map((i) => [i.section, i.subject])).toEqual([
      ['Wegwijzer', 'Hulplijn (a.md)'],
      ['Wegwijzer', 'Uit een plan (b.md)'],
    ]);
    expect(items[0]!.todo).toMatch(/langer dan 12 maanden/);
    expect(items[1]!.todo).toMatch(/Niemand heeft de gegevens nagekeken bij de organisatie zelf/);
  });

  it('lists placeholders left in content files, with the text to replace', () => {
    const items = launchCheckItems(input((d) => (d.contentPlaceholders = [{ file: 'src/content/workshops/x.md', field: 'duration', value: '[in te vullen: duur]' }])));
    expect(items).toEqual([{ section: 'Inhoud', subject: 'src/content/workshops/x.md: duration', todo: expect.stringContaining('[in te vullen: duur]') }]);
  });

  it('prints the items under their sections', () => {
    const text = formatLaunchCheck(launchCheckItems(input((d) => (d.settings.contact.email = 'aanspreekpunt@example.org'))));
    expect(text).toBe('Lanceercontrole: nog 1 punt voor de website live kan gaan.\n\nContactgegevens\n  - contact.email: Vul het e-mailadres van het aanspreekpunt in. Tot dan toont de website het niet.');
  });
});

describe('a signposting entry\'s "last checked" date', () => {
  const base = { name: 'CAW', whatItDoes: 'Hulp.', forWhom: 'Iedereen.', checkedAt: 'Actieplan 2022' };

  it('may not be later than its newest source without a recorded check', () => {
    const result = organisatieSchema.safeParse({ ...base, lastChecked: '2026-11-22', sourceDate: '2022-02-17' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['lastChecked']);
    expect(result.error!.issues[0]!.message).toMatch(/geen echte controle/);
  });

  it('may be the source date, or the date of a recorded real check', () => {
    expect(organisatieSchema.safeParse({ ...base, lastChecked: '2022-02-17', sourceDate: '2022-02-17' }).success).toBe(true);
    expect(organisatieSchema.safeParse({ ...base, lastChecked: '2026-11-22', sourceDate: '2022-02-17', verified: { date: '2026-11-22', by: 'telefonisch bij het CAW' } }).success).toBe(true);
  });

  it('may not be later than the recorded check either', () => {
    const result = organisatieSchema.safeParse({ ...base, lastChecked: '2026-12-01', verified: { date: '2026-11-22', by: 'telefonisch' } });
    expect(result.success).toBe(false);
  });
});
