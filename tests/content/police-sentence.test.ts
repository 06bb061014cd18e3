import { describe, expect, it } from 'vitest';
import { policeSentence } from '../../src/content/politie.ts';
import { sentences, visibleSourceFiles } from './source-files.ts';

/**
 * Pages must not contradict each other about the police (review finding T1). The only statement
 * of the police's role is src/content/politie.ts, shown through <PoliceSentence />; any other
 * sentence that says when the police gets involved fails here, with its file.
 */
const roleStatements: RegExp[] = [
  /\b(niet|pas|alleen|tenzij)\b[^.!?]*\b(naar|bij|door aan)\b de politie/i,
  /politie[^.!?]*\b(in beeld|volgt op|volgen op|grijpt in|grijpen in|aan zet|treedt op|op te treden)\b/i,
  /\b(neemt|nemen)\b[^.!?]*\bpolitie\b[^.!?]*\bover\b/i,
  /politie[^.!?]*\b(neemt|nemen)\b[^.!?]*\bover\b/i,
  /\btaak (voor|van) (de )?politie/i,
  /\bgeen (meldpunt van de )?politie(lijn)?\b/i,
];
/** "Alleen de deskundige leest je bericht" hides the partnertafel (T5): only "Eerst leest alleen …" is true. */
const onlyExpertReads = /(?<!eerst leest |eerst )\balleen de\b[^.!?]*\b(leest|lezen)\b/i;

const source = 'src/content/politie.ts';

describe('one statement about the police', () => {
  const files = visibleSourceFiles().filter((f) => f.path !== source);

  it('is the action plan’s story: the expert first, the information officer at the partnertafel, police and justice only at a real threat', () => {
    expect(policeSentence).toMatch(/^Eerst leest alleen de deskundige je bericht\./);
    expect(policeSentence).toContain('partnertafel');
    expect(policeSentence).toContain('information officer');
    expect(policeSentence).toMatch(/reële dreiging/);
  });

  it('no page or content file states the police’s role in other words', () => {
    const found = files.flatMap((file) =>
      sentences(file.text)
        .filter((s) => roleStatements.some((pattern) => pattern.test(s)))
        .map((s) => `${file.path}: "${s}"`),
    );
    expect(found, 'Gebruik <PoliceSentence /> in plaats van deze zinnen').toEqual([]);
  });

  it('nobody is told that only the expert reads a report', () => {
    const found = files.flatMap((file) =>
      sentences(file.text)
        .filter((s) => onlyExpertReads.test(s))
        .map((s) => `${file.path}: "${s}"`),
    );
    expect(found).toEqual([]);
  });

  it('is shown where people decide whether to share a worry', () => {
    const uses = (path: string) => files.find((f) => f.path === path)?.text.includes('<PoliceSentence />');
    for (const path of [
      'src/components/forms/WhatHappensNext.astro',
      'src/pages/privacy.astro',
      'src/content/faq/komt-mijn-melding-bij-de-politie.mdx',
      'src/content/artikels/samenwerking-met-politie-en-justitie.mdx',
      'src/content/artikels/wat-gebeurt-er-met-je-melding.mdx',
    ]) {
      expect(uses(path), path).toBe(true);
    }
  });

  it('catches the old contradicting wordings', () => {
    const old = [
      'Je bericht gaat niet naar de politie, tenzij er een echte dreiging is voor de veiligheid van mensen.',
      'Alleen bij een reële dreiging komen politie en justitie in beeld.',
      'Pas als dat niet meer kan, komt de politie in beeld.',
      'Alleen als er een echte dreiging is voor de veiligheid van mensen, geeft de stad dat door aan de politie.',
      'Is er een echte dreiging? Dan is het een taak voor politie, justitie en parket.',
    ];
    for (const sentence of old.flatMap(sentences)) {
      if (!/politie/.test(sentence)) continue;
      expect(roleStatements.some((p) => p.test(sentence)), sentence).toBe(true);
    }
    expect(onlyExpertReads.test('Alleen de deskundige leest je bericht.')).toBe(true);
    expect(onlyExpertReads.test(policeSentence)).toBe(false);
  });
});
