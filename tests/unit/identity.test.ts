import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settings } from '../../src/settings.ts';
import { colourPairs, parseSettings } from '../../src/schemas/settings.ts';
import { contrastRatio, mix } from '../../src/lib/colour.ts';
import { identityCss } from '../../src/lib/identity.ts';

function rejection(colours: Partial<typeof settings.identity.colours>): string {
  const draft = structuredClone(settings);
  Object.assign(draft.identity.colours, colours);
  try {
    parseSettings(draft);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parseSettings accepted colours without enough contrast');
}

describe('contrast arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });

  it('mixes colours in sRGB', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#0d524c', '#ffffff', 0)).toBe('#0d524c');
  });
});

describe('identity settings', () => {
  it('ships colours that meet every WCAG AA pair the design relies on', () => {
    const c = settings.identity.colours as Record<string, string>;
    for (const pair of colourPairs) {
      const fg = pair.fg.startsWith('#') ? pair.fg : c[pair.fg]!;
      const bg = pair.bg.startsWith('#') ? pair.bg : c[pair.bg]!;
      expect(contrastRatio(fg, bg), pair.what).toBeGreaterThanOrEqual(pair.min);
    }
  });

  it('rejects a brand colour too light for white text or links, naming the pair', () => {
    const message = rejection({ brand: '#4fb3a9' });
    expect(message).toContain('identity.colours');
    expect(message).toContain('witte tekst op colours.brand');
    expect(message).toContain('colours.brand op colours.page');
  });

  it('rejects a focus colour that does not stand out from the header band', () => {
    expect(rejection({ focus: '#1a3a38' })).toContain('colours.focus tegen colours.brandDark');
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(rejection({ page: 'white' })).toContain('identity.colours.page');
  });

  it('has a logo file in public/', () => {
    expect(existsSync(path.resolve(import.meta.dirname, '../../public', `.${settings.identity.logo}`))).toBe(true);
  });

  it('turns the colours into the CSS tokens the stylesheet uses', () => {
    const css = identityCss(settings.identity.colours);
    expect(css).toContain(`--color-brand-700:${settings.identity.colours.brand}`);
    expect(css).toContain(`--color-focus:${settings.identity.colours.focus}`);
    expect(css).toMatch(/^:root\{[^{}]+\}$/);
  });
});
