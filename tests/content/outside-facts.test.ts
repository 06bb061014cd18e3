import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredContactFacts } from '../support/content.ts';

/**
 * The outside contact facts Sint-Niklaas's content may state: exactly the checked ones in
 * shared/facts.md. The generic suite proves the pages state nothing the content does not
 * declare (tests/browser/site-quality.test.ts); this suite proves the content declares only these.
 */
const factsPhones = ['112', '078 15 00 10'];
const factsEmails = ['opvoedingslijn@groeimee.be'];
const factsUrls = [
  'https://wij-zij.be',
  'https://www.bounce-resilience-tools.eu',
  'https://www.vlaanderen.be/radicalisering-en-polarisatie',
  'http://www.vvsg.be/radicalisering',
  'https://www.sint-niklaas.be/onze-dienstverlening/preventie-en-veiligheid/aanpak-van-polarisatie-en-extremisme-sint-niklaas',
];

describe('outside contact facts in the content of Sint-Niklaas', () => {
  it('are only the checked ones', () => {
    const declared = declaredContactFacts();
    expect(declared.phones).toEqual([...factsPhones].sort());
    expect(declared.emails).toEqual([...factsEmails].sort());
    expect(declared.urls).toEqual([...factsUrls].sort());
  });

  const factsFile = path.resolve(import.meta.dirname, '../../../shared/facts.md');
  it.runIf(existsSync(factsFile))('are all in shared/facts.md', () => {
    const facts = readFileSync(factsFile, 'utf8');
    for (const fact of [...factsPhones, ...factsEmails, ...factsUrls]) expect(facts).toContain(fact);
  });
});
