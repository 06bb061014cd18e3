import { describe, expect, it } from 'vitest';
import { formatLaunchCheck, launchCheckItems, type LaunchCheckInput, type Signpost } from '../../src/lib/launch-check.ts';
import { completeSettings } from '../support/complete-settings.ts';

const today = new Date('2027-03-01T12:00:00Z');

function signpost(extra: Partial<Signpost> = {}): Signpost {
  return { file: 'src/content/organisaties/hulplijn.md', name: 'Hulplijn', source: 'website van de hulplijn', date: new Date('2027-02-01'), checked: true, ...extra };
}

function input(change: (draft: LaunchCheckInput) => void = () => {}): LaunchCheckInput {
  const draft: LaunchCheckInput = {
    settings: completeSettings(),
    signposts: [signpost()],
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

  it('lists signposting that is stale, undated or never checked with the organisation itself', () => {
    const items = launchCheckItems(
      input((d) => {
        d.signposts = [
          signpost({ file: 'a.md', date: new Date('2025-06-01') }),
          signpost({ file: 'b.md', name: 'Uit een plan', date: new Date('2027-01-01'), checked: false }),
          signpost({ file: 'c.md', name: 'Zonder datum', date: undefined }),
          signpost({ file: 'd.md', name: 'Noodnummers', date: undefined, checked: false, permanent: true }),
        ];
      }),
    );
    expect(items.map((i) => i.subject)).toEqual(['Hulplijn (a.md)', 'Uit een plan (b.md)', 'Zonder datum (c.md)']);
    expect(items[0]!.todo).toMatch(/meer dan 12 maanden/);
    expect(items[1]!.todo).toMatch(/Niemand heeft de gegevens nagekeken bij de organisatie zelf/);
    expect(items[2]!.todo).toMatch(/geen datum/);
  });

  it('lists undecided promises under their own heading', () => {
    const items = launchCheckItems(input((d) => ((d.settings as Record<string, unknown>).responseWorkingDays = '[in te vullen: werkdagen]')));
    expect(items).toEqual([{ section: 'Beloftes', subject: 'responseWorkingDays', todo: expect.stringMatching(/werkdagen/) }]);
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
