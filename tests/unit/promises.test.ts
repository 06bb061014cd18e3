import { describe, expect, it } from 'vitest';
import { settings } from '../../src/settings.ts';
import { anonymitySentence, callbackSentence, contactBackSentence, decided, isPlaceholder, responseSentence, responseTitle } from '../../src/lib/promises.ts';
import { findPlaceholders, parseSettings } from '../../src/schemas/settings.ts';

const withPromises = (patch: Partial<typeof settings>) => ({ ...structuredClone(settings), ...patch });
const undecided = withPromises({
  responseWorkingDays: '[in te vullen: binnen hoeveel werkdagen]',
  anonymousReporting: '[in te vullen: ja of nee]',
  contact: { ...settings.contact, openingHours: '[in te vullen: uren]' },
});

describe('promises the city has not decided', () => {
  it('are placeholders the settings accept and list', () => {
    expect(parseSettings(undecided).responseWorkingDays).toBe(undecided.responseWorkingDays);
    expect(findPlaceholders(undecided)).toEqual(expect.arrayContaining(['responseWorkingDays', 'anonymousReporting', 'contact.openingHours']));
    expect(isPlaceholder('x@example.org')).toBe(true);
    expect(decided('[in te vullen: x]')).toBeUndefined();
    expect(decided(3)).toBe(3);
  });

  it('never reach a visitor: the sentences promise nothing and show no brackets', () => {
    const sentences = [responseSentence(undecided), responseTitle(undecided), contactBackSentence(undecided), anonymitySentence(undecided), callbackSentence(undecided)];
    for (const sentence of sentences) {
      expect(sentence ?? '').not.toMatch(/\[|example\.org|werkdag|anoniem/);
    }
    expect(anonymitySentence(undecided)).toBe('Je naam geven is niet verplicht.');
    expect(callbackSentence(undecided)).toBeUndefined();
  });

  it('are stated once decided', () => {
    const decidedSettings = withPromises({ responseWorkingDays: 3, anonymousReporting: true, contact: { ...settings.contact, openingHours: 'op werkdagen van 9 tot 17 uur' } });
    expect(responseSentence(decidedSettings)).toBe('Je krijgt binnen 3 werkdagen antwoord.');
    expect(responseSentence(withPromises({ responseWorkingDays: 1 }))).toBe('Je krijgt binnen 1 werkdag antwoord.');
    expect(responseTitle(decidedSettings)).toBe('Je krijgt binnen 3 werkdagen antwoord');
    expect(contactBackSentence(decidedSettings)).toBe(`Dan neemt de ${settings.expertTitle} contact met je op binnen 3 werkdagen, zoals je vroeg.`);
    expect(anonymitySentence(decidedSettings)).toBe('Je kunt ook anoniem blijven.');
    expect(anonymitySentence(withPromises({ anonymousReporting: false }))).toBeUndefined();
    expect(callbackSentence(decidedSettings)).toContain('op werkdagen van 9 tot 17 uur');
  });

  it('rejects a response promise that is neither a number of days nor a placeholder', () => {
    expect(() => parseSettings(withPromises({ responseWorkingDays: 'drie' as never }))).toThrow(/responseWorkingDays/);
    expect(() => parseSettings(withPromises({ anonymousReporting: 'ja' as never }))).toThrow(/anonymousReporting/);
  });
});
