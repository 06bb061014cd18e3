/** The main navigation, in the order visitors see it. */
export const mainNavigation = [
  { href: '/info', label: 'Info' },
  { href: '/gesprekstips', label: 'Gesprekstips' },
  { href: '/workshops', label: 'Workshops' },
  { href: '/melden', label: 'Bezorgdheid delen' },
  { href: '/over-ons', label: 'Over ons' },
  { href: '/zoeken', label: 'Zoeken' },
] as const;

/** True when `current` is `href` itself or a page below it, so the nav can mark the section. */
export function isCurrentSection(href: string, current: string): boolean {
  const path = current.replace(/\.html$/, '').replace(/\/$/, '') || '/';
  return path === href || path.startsWith(`${href}/`);
}
