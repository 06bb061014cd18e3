import { describe, expect, it } from 'vitest';
import { settings } from '../../src/settings.ts';
import { visibleSourceFiles } from './source-files.ts';

/** One spelling per term (review, language item 15): the left side may not appear, the right is the spelling to use. */
const banned: [RegExp, string][] = [
  [/wij-zij[ -](denken|conflict|beeld|taal|verhaal|discussie)/i, 'wij-zij$1 in één woord (wij-zijdenken)'],
  [/zwart-wit[ -]denken/i, 'zwart-witdenken'],
  [/casustafel|casusoverleg/i, 'partnertafel'],
  [/screenshot/i, 'schermafbeelding'],
  [/\bhoud\b/i, 'hou'],
  [/geviseerd/i, 'aangevallen'],
  [/\bwist\b (je|ze|het)/i, 'verwijdert (B1-lezers lezen "wist" als "wist van")'],
];

describe('one spelling per term', () => {
  const files = visibleSourceFiles();

  it.each(banned)('%s is written one way only', (pattern, instead) => {
    // Search keywords and the title of Brandsma's book keep the spelling people type or the author chose.
    const found = files.filter((f) => pattern.test(f.text.replace(/keywords: \[.*\]/g, '').replace(/Inzicht in de dynamiek van wij-zij denken/g, ''))).map((f) => f.path);
    expect(found, `Schrijf ${instead}`).toEqual([]);
  });

  it('the expert’s service is always spelled as in the settings', () => {
    const name = new RegExp(settings.expertService.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    const found = files.filter((f) => (f.text.match(name) ?? []).some((m) => m !== settings.expertService)).map((f) => f.path);
    expect(found).toEqual([]);
  });
});
