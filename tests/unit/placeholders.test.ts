import { describe, expect, it } from 'vitest';
import { settings as shipped } from '../../src/settings.ts';
import { isPlaceholder, isPreview, NEUTRAL_EXIT_PATH, periodName, publicContact, publicCoordinator, publicEmail, quickExitHref, decided } from '../../src/lib/placeholders.ts';
import { completeSettings } from '../support/complete-settings.ts';

describe('what a visitor may see of a setting', () => {
  it('recognises bracketed and example.org placeholders, and nothing else', () => {
    expect(isPlaceholder('[in te vullen: telefoonnummer]')).toBe(true);
    expect(isPlaceholder('aanspreekpunt@example.org')).toBe(true);
    expect(isPlaceholder('https://example.org/')).toBe(true);
    expect(isPlaceholder('aanspreekpunt@stad.be')).toBe(false);
    expect(isPlaceholder(3)).toBe(false);
    expect(decided('[in te vullen: adres]')).toBeUndefined();
    expect(decided('Markt 1')).toBe('Markt 1');
  });

  it('shows every contact detail once the settings are complete, with working links', () => {
    const complete = completeSettings();
    expect(isPreview(complete)).toBe(false);
    expect(publicContact(complete)).toEqual({
      phone: { text: '09 123 45 67', href: 'tel:091234567' },
      email: { text: 'aanspreekpunt@voorbeeldstad.test', href: 'mailto:aanspreekpunt@voorbeeldstad.test' },
      address: 'Marktplein 1, 9999 Voorbeeldstad',
      openingHours: 'Maandag tot vrijdag, van 9 tot 12 uur',
    });
    expect(publicCoordinator(complete)).toEqual({ name: 'de coördinator jeugd', email: { text: 'workshops@voorbeeldstad.test', href: 'mailto:workshops@voorbeeldstad.test' } });
    expect(quickExitHref(complete)).toBe('https://weer.voorbeeldstad.test/');
  });

  it('leaves out every placeholder detail, so no bracket or example.org link reaches a page', () => {
    const draft = structuredClone(completeSettings());
    draft.contact.phone = '[in te vullen: telefoonnummer]';
    draft.contact.email = 'aanspreekpunt@example.org';
    expect(isPreview(draft)).toBe(true);
    const contact = publicContact(draft);
    expect(contact.phone).toBeUndefined();
    expect(contact.email).toBeUndefined();
    expect(contact.address).toBe('Marktplein 1, 9999 Voorbeeldstad');
    expect(publicEmail('privacy@example.org')).toBeUndefined();
  });

  it('never sends the exit button to example.org: a blank page of our own until the city picks a site', () => {
    expect(shipped.quickExitUrl).toMatch(/example\.org/);
    expect(quickExitHref(shipped)).toBe(NEUTRAL_EXIT_PATH);
  });

  it('names a placeholder coordinator and period in plain words', () => {
    const draft = structuredClone(completeSettings());
    draft.workshopCoordinator = { name: '[in te vullen: naam]', email: 'workshops@example.org' };
    expect(publicCoordinator(draft)).toEqual({ name: 'de coördinator van de workshops' });
    expect(periodName('[in te vullen: naam van de periode]')).not.toMatch(/\[|in te vullen/);
    expect(periodName('Voorjaar 2027')).toBe('Voorjaar 2027');
  });
});
