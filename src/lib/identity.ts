import type { Settings } from '../schemas/settings.ts';
import { mix } from './colour.ts';

/**
 * The colour tokens of `settings.identity` as CSS custom properties. They override the
 * defaults in `src/styles/global.css`, so every Tailwind class (`bg-brand-700`, `text-ink`…)
 * follows the municipality's colours. In-between shades are mixed here, as plain hex values,
 * so contrast checkers (axe) can read them.
 */
export function identityCss(colours: Settings['identity']['colours']): string {
  const tokens: Record<string, string> = {
    'brand-50': colours.brandTint,
    'brand-100': mix(colours.brandTint, colours.brand, 0.1),
    'brand-200': mix(colours.brandTint, colours.brand, 0.28),
    'brand-600': mix(colours.brand, '#ffffff', 0.1),
    'brand-700': colours.brand,
    'brand-800': mix(colours.brand, colours.brandDark, 0.5),
    'brand-900': colours.brandDark,
    ink: colours.text,
    'sand-50': colours.page,
    focus: colours.focus,
    'focus-text': colours.focusText,
  };
  return `:root{${Object.entries(tokens).map(([name, value]) => `--color-${name}:${value}`).join(';')}}`;
}
