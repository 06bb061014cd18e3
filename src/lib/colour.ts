/**
 * Colour arithmetic for the identity settings: WCAG 2.x contrast (the relative-luminance
 * formula from the WCAG definition) and a plain sRGB mix to derive the lighter and darker
 * shades from the few colours a municipality chooses. Pure functions, no dependencies.
 */

/** A colour as `#rrggbb`. */
export type Hex = `#${string}`;

export const hexPattern = /^#[0-9a-f]{6}$/i;

function channels(hex: string): [number, number, number] {
  if (!hexPattern.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance as WCAG 2.x defines it. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `amount` (0–1) of `b` mixed into `a`, in sRGB; enough for tints and shades. */
export function mix(a: string, b: string, amount: number): Hex {
  const ca = channels(a);
  const cb = channels(b);
  return `#${ca.map((c, i) => Math.round(c + (cb[i]! - c) * amount).toString(16).padStart(2, '0')).join('')}`;
}
