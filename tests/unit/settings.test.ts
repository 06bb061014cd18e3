import { describe, expect, it } from 'vitest';
import { settings } from '../../src/settings.ts';
import { findPlaceholders, parseSettings } from '../../src/schemas/settings.ts';
import { fixtureSettings } from '../fixtures/settings.ts';

// Generic rules, on a made-up municipality's settings. What one city ships is checked by
// its own suite in tests/content/.
const valid = parseSettings(structuredClone(fixtureSettings));

function errorFor(mutate: (draft: Record<string, any>) => void): string {
  const draft = structuredClone(valid) as Record<string, any>;
  mutate(draft);
  try {
    parseSettings(draft);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parseSettings accepted invalid settings');
}

describe('settings schema', () => {
  it('accepts valid settings, and the settings file this site ships', () => {
    expect(parseSettings(structuredClone(fixtureSettings))).toEqual(valid);
    expect(parseSettings(structuredClone(settings))).toEqual(settings);
  });

  it('names the file and the field when an e-mail address is wrong', () => {
    const message = errorFor((d) => (d.contact.email = 'geen-adres'));
    expect(message).toContain('src/settings.ts');
    expect(message).toContain('contact.email');
    expect(message).toMatch(/geldig e-mailadres/);
  });

  it('rejects a routing table without recipients, naming the route', () => {
    const message = errorFor((d) => (d.routing.concernPerson = []));
    expect(message).toContain('routing.concernPerson');
  });

  it('rejects a response promise that is not a whole number of working days', () => {
    expect(errorFor((d) => (d.responseWorkingDays = 2.5))).toContain('responseWorkingDays');
    expect(errorFor((d) => (d.responseWorkingDays = 0))).toContain('responseWorkingDays');
  });

  it('rejects a changed emergency number', () => {
    expect(errorFor((d) => (d.emergency.police = '100'))).toContain('emergency.police');
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    expect(errorFor((d) => (d.citty = 'Gent'))).toMatch(/Onbekend veld: citty/);
  });

  it('rejects a phone number with letters', () => {
    expect(errorFor((d) => (d.contact.phone = 'bel ons'))).toContain('contact.phone');
  });

  it('rejects a quick-exit address that is not https', () => {
    expect(errorFor((d) => (d.quickExitUrl = 'http://example.org/'))).toContain('quickExitUrl');
  });
});

describe('placeholder detection', () => {
  it('lists every placeholder left in the settings, so a production build can warn', () => {
    expect(findPlaceholders(valid)).toEqual(['contact.openingHours', 'routing.workshop.0']);
  });

  it('finds nothing once the city has filled in real values', () => {
    expect(findPlaceholders({ a: 'aanspreekpunt@stad.be', b: ['x'], c: { d: 3 } })).toEqual([]);
  });
});
