import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import FormField from '../../src/components/forms/FormField.astro';
import ErrorSummary from '../../src/components/forms/ErrorSummary.astro';
import { parsePage } from '../support/page-sample.ts';

/**
 * The form components' accessibility wiring (ids, labels, aria-describedby, the error
 * summary's links), rendered without a browser or a server. The browser tests prove focus
 * and keyboard behaviour on the real forms.
 */
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) =>
  parsePage('/', `<html><body>${await container.renderToString(component, { props })}</body></html>`).bodyElements;

const email = { name: 'email', type: 'email', label: 'Je e-mailadres', hint: 'We mailen alleen over je vraag.', autocomplete: 'email' } as const;
const topic = {
  name: 'rol',
  type: 'radios',
  label: 'Wie ben je?',
  options: [
    { value: 'ouder', label: 'Ouder' },
    { value: 'leerkracht', label: 'Leerkracht' },
  ],
} as const;

describe('a text field', () => {
  it('is labelled, and described by its hint', async () => {
    const elements = await render(FormField, { field: email, value: 'jan@voorbeeld.be' });
    const input = elements.find((e) => e.name === 'input')!;
    expect(input.attribs).toMatchObject({ id: 'veld-email', name: 'email', type: 'email', value: 'jan@voorbeeld.be', autocomplete: 'email', 'aria-describedby': 'veld-email-hint' });
    expect(input.attribs['aria-invalid']).toBeUndefined();
    expect(elements.find((e) => e.name === 'label')?.attribs.for).toBe('veld-email');
    expect(elements.some((e) => e.attribs.id === 'veld-email-hint')).toBe(true);
  });

  it('with an error: is marked invalid and described by the hint and the message, which exists', async () => {
    const elements = await render(FormField, { field: email, value: 'jan', error: 'Vul een geldig e-mailadres in.' });
    const input = elements.find((e) => e.name === 'input')!;
    expect(input.attribs['aria-invalid']).toBe('true');
    expect(input.attribs['aria-describedby']!.split(' ')).toEqual(['veld-email-hint', 'veld-email-fout']);
    const message = elements.find((e) => e.attribs.id === 'veld-email-fout');
    expect(message).toBeDefined();
    expect(input.attribs.value).toBe('jan');
  });
});

describe('a group of radio buttons', () => {
  it('puts the error on the fieldset, gives the first option the field id and keeps the choice', async () => {
    const elements = await render(FormField, { field: topic, value: 'leerkracht', error: 'Kies wie je bent.' });
    const fieldset = elements.find((e) => e.name === 'fieldset')!;
    expect(fieldset.attribs['aria-describedby']).toBe('veld-rol-fout');
    const radios = elements.filter((e) => e.name === 'input');
    expect(radios.map((r) => r.attribs.id)).toEqual(['veld-rol', 'veld-rol-leerkracht']);
    expect(radios.every((r) => r.attribs['aria-invalid'] === 'true')).toBe(true);
    expect(radios.find((r) => r.attribs.checked !== undefined)?.attribs.value).toBe('leerkracht');
    const labels = elements.filter((e) => e.name === 'label').map((l) => l.attribs.for);
    for (const radio of radios) expect(labels).toContain(radio.attribs.id);
  });
});

describe('the error summary', () => {
  it('links each problem to the field it names, and can take focus', async () => {
    const elements = await render(ErrorSummary, {
      errors: [
        { field: 'rol', message: 'Kies wie je bent.' },
        { field: 'email', message: 'Vul een geldig e-mailadres in.' },
        { field: '', message: 'Er ging iets mis.' },
      ],
      targetId: (field: string) => `veld-${field}`,
    });
    const summary = elements.find((e) => (e.attribs.class ?? '').split(' ').includes('error-summary'))!;
    expect(summary.attribs).toMatchObject({ role: 'alert', tabindex: '-1', 'aria-labelledby': 'fouten-titel' });
    expect(summary.attribs.autofocus).toBeDefined();
    expect(elements.some((e) => e.attribs.id === 'fouten-titel')).toBe(true);
    expect(elements.filter((e) => e.name === 'a').map((a) => a.attribs.href)).toEqual(['#veld-rol', '#veld-email']);
  });

  it('is not there without errors', async () => {
    expect(await render(ErrorSummary, { errors: [], targetId: (field: string) => field })).toHaveLength(0);
  });
});
