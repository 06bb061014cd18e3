import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concernForm } from '../../src/forms/concern-form.ts';
import { allFields } from '../../src/forms/definition.ts';
import { validateForm } from '../../src/forms/validation.ts';

const valid = {
  soort: 'persoon',
  rol: 'ouder',
  bezorgdheid: 'Mijn zoon deelt filmpjes die geweld goedpraten.',
  sinds: '',
  leeftijd: 'minderjarig',
  plaats: '',
  anderen: '',
  contact: 'anoniem',
  naam: '',
  telefoon: '',
  email: '',
  terugbellen: '',
  bericht: '',
};

const fieldNames = allFields(concernForm).map((f) => f.name);
const validShape = fc.record({
  soort: fc.constantFrom('persoon', 'groep', 'vraag'),
  rol: fc.constantFrom('inwoner', 'ouder', 'leerkracht', 'jeugdwerker', 'hulpverlener', 'andere'),
  bezorgdheid: fc.string({ minLength: 10, maxLength: 400, unit: fc.constantFrom(...'abcdeéèëfghij klmnopqrstuvwxyz.,!?\n'.split('')) }).filter((s) => s.trim().length >= 10),
  sinds: fc.constantFrom('', 'recent', 'maanden', 'lang', 'onbekend'),
  leeftijd: fc.constantFrom('minderjarig', 'volwassen', 'onbekend'),
  plaats: fc.constantFrom('', 'Centrum', 'Belsele', 'Nieuwkerken'),
  anderen: fc.constantFrom('', 'ja', 'nee', 'onbekend'),
  momenten: fc.subarray(['voormiddag', 'namiddag', 'avond']),
  contactDetails: fc.option(
    fc.record({ naam: fc.constantFrom('An Peeters', 'Mo', 'Ludo De Smet'), telefoon: fc.constantFrom('03 123 45 67', '0470 12 34 56', '+32 470 12 34 56'), email: fc.constantFrom('an@voorbeeld.be', '') }),
    { nil: undefined },
  ),
});

describe('concern form schema', () => {
  it('accepts a minimal anonymous report', () => {
    const result = validateForm(concernForm, valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toMatchObject({ soort: 'persoon', contact: 'anoniem', naam: undefined });
  });

  it('accepts every valid shape', () => {
    fc.assert(
      fc.property(validShape, ({ contactDetails, ...answers }) => {
        const values = { ...answers, contact: contactDetails ? 'contact' : 'anoniem', ...(contactDetails ?? {}) };
        const result = validateForm(concernForm, values);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever arrives, and answers with field errors', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 6000 }), fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }));
    const anyBody = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })), anyValue, { maxKeys: 20 });
    fc.assert(
      fc.property(anyBody, (values) => {
        const result = validateForm(concernForm, values);
        if (!result.ok) for (const error of result.errors) expect(error.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects unknown fields', () => {
    const result = validateForm(concernForm, { ...valid, geboortedatum: '2010-01-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/velden die we niet kennen/);
  });

  it('rejects over-long values with a Dutch message naming the limit', () => {
    const result = validateForm(concernForm, { ...valid, bezorgdheid: 'a'.repeat(5001) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'bezorgdheid', message: 'Wat je ongerust maakt mag hoogstens 5000 tekens lang zijn.' }]);
  });

  it('rejects control characters but keeps line breaks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13), (code) => {
        const result = validateForm(concernForm, { ...valid, bezorgdheid: `Hij zegt rare dingen${String.fromCharCode(code)} over anderen.` });
        expect(result.ok).toBe(false);
      }),
    );
    expect(validateForm(concernForm, { ...valid, bezorgdheid: 'Regel een.\nRegel twee.\r\nEn drie.' }).ok).toBe(true);
    expect(validateForm(concernForm, { ...valid, bezorgdheid: 'Verborgen \u202Etekst in een bericht' }).ok).toBe(false);
  });

  it('rejects a value that is not one of the choices', () => {
    const result = validateForm(concernForm, { ...valid, rol: 'agent' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'rol', message: 'Kies wie je bent.' }]);
  });

  it('treats the age band as optional, as its label "(niet verplicht)" says, also for a report about a person', () => {
    const ageField = concernForm.sections.flatMap((s) => s.fields).find((f) => f.name === 'leeftijd')!;
    expect(ageField.optional).toBe(true);
    expect(validateForm(concernForm, { ...valid, leeftijd: '' }).ok).toBe(true);
    expect(validateForm(concernForm, { ...valid, soort: 'groep', leeftijd: '' }).ok).toBe(true);
  });

  it('refuses a line break in a single-line field, and allows one in the story', () => {
    const result = validateForm(concernForm, { ...valid, contact: 'contact', naam: 'An\r\nBcc: iemand@example.org', email: 'an@voorbeeld.be', plaats: 'Centrum\nNoord' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { field: 'plaats', message: 'Schrijf dit antwoord op één regel, zonder nieuwe regel.' },
        { field: 'naam', message: 'Schrijf dit antwoord op één regel, zonder nieuwe regel.' },
      ]);
    }
    expect(validateForm(concernForm, { ...valid, bezorgdheid: 'Eerste regel.\nTweede regel van mijn verhaal.' }).ok).toBe(true);
  });

  it('needs a name and a way to reach the reporter who asks to be contacted', () => {
    const result = validateForm(concernForm, { ...valid, contact: 'contact' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['naam', 'telefoon']);
    expect(validateForm(concernForm, { ...valid, contact: 'contact', naam: 'An', email: 'an@voorbeeld.be' }).ok).toBe(true);
  });

  it('needs a phone number when the reporter may be called back', () => {
    const result = validateForm(concernForm, { ...valid, contact: 'contact', naam: 'An', email: 'an@voorbeeld.be', terugbellen: 'ja' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.field).toBe('telefoon');
  });

  it('does not take contact details from someone who chose to stay anonymous', () => {
    const result = validateForm(concernForm, { ...valid, naam: 'An Peeters' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/anoniem/);
  });

  it('lists errors in the order of the form, one per field', () => {
    const result = validateForm(concernForm, { contact: 'contact', email: 'geen-adres' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const order = result.errors.map((e) => fieldNames.indexOf(e.field));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(result.errors.map((e) => e.field)).size).toBe(result.errors.length);
    }
  });

  it('routes each kind of concern to its own entry in the routing table', () => {
    const route = (soort: string) => {
      const result = validateForm(concernForm, { ...valid, soort, leeftijd: 'volwassen' });
      if (!result.ok) throw new Error('invalid');
      return concernForm.route(result.data);
    };
    expect(route('persoon')).toBe('concernPerson');
    expect(route('groep')).toBe('concernGroup');
    expect(route('vraag')).toBe('question');
  });
});
