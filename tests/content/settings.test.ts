import { describe, expect, it } from 'vitest';
import { settings } from '../../src/settings.ts';
import { findPlaceholders } from '../../src/schemas/settings.ts';

/**
 * Sint-Niklaas's own settings. This suite belongs to the city: another municipality replaces
 * the files in tests/content/ with checks of its own settings and content.
 */
describe('the settings of Sint-Niklaas', () => {
  it('name the city, the service of the expert and the controller from the action plan', () => {
    expect(settings.city).toBe('Sint-Niklaas');
    expect(settings.expertService).toBe('dienst Diversiteit, Samenleving en Preventie');
    expect(settings.privacy.controller).toBe('Stad en OCMW Sint-Niklaas');
  });

  it('ship what the city has not decided yet as visible placeholders, so a build warns', () => {
    const fields = findPlaceholders(settings);
    expect(fields).toContain('contact.email');
    expect(fields).toContain('contact.phone');
    expect(fields).toContain('privacy.legalBasis');
    expect(fields).toContain('routing.concernPerson.0');
    expect(fields).not.toContain('city');
  });
});
