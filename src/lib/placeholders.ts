import { findPlaceholders, PLACEHOLDER_PATTERN, type Settings } from '../schemas/settings.ts';
import { telHref } from './phone.ts';

/**
 * The one place that decides what a visitor may see of a setting that is still a placeholder.
 * Placeholders ("[in te vullen: …]", example.org) exist so the city sees what it must fill in;
 * a visitor must never see them, and never get an example.org address as a working link. So
 * every component asks this module, and omits a detail (or says it is not available yet) while
 * the setting is a placeholder. The site then shows one preview notice instead.
 */

export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && PLACEHOLDER_PATTERN.test(value);
}

/** The value once the city has decided it, or undefined while it is a placeholder. */
export function decided<T>(value: T): T | undefined {
  return isPlaceholder(value) ? undefined : value;
}

/** True while any setting still holds a placeholder: the site is a preview. */
export function isPreview(settings: Settings): boolean {
  return findPlaceholders(settings).length > 0;
}

/** The contact point's details that may be shown; a missing key means "not filled in yet". */
export interface PublicContact {
  phone?: { text: string; href?: string };
  email?: { text: string; href: string };
  address?: string;
  openingHours?: string;
}

export function publicContact(settings: Pick<Settings, 'contact'>): PublicContact {
  const { phone, email, address, openingHours } = settings.contact;
  return {
    ...(decided(phone) ? { phone: { text: phone, href: telHref(phone) } } : {}),
    ...(decided(email) ? { email: { text: email, href: `mailto:${email}` } } : {}),
    ...(decided(address) ? { address } : {}),
    ...(decided(openingHours) ? { openingHours } : {}),
  };
}

/** An e-mail address as a mailto link, or undefined while it is a placeholder. */
export function publicEmail(address: string): { text: string; href: string } | undefined {
  return decided(address) ? { text: address, href: `mailto:${address}` } : undefined;
}

/**
 * Where "Verlaat deze pagina" goes while `quickExitUrl` is still a placeholder: a blank page of
 * this site with a neutral title (src/pages/blanco.astro). Leaving for example.org lands on an
 * English "Example Domain" page; inventing an outside site is not ours to decide. The launch
 * check lists the setting so the city picks its own neutral site (GOV.UK uses a weather site).
 */
export const NEUTRAL_EXIT_PATH = '/blanco';

export function quickExitHref(settings: Pick<Settings, 'quickExitUrl'>): string {
  return decided(settings.quickExitUrl) ?? NEUTRAL_EXIT_PATH;
}

/** Who schools write to about workshops: the coordinator's name and address, as far as filled in. */
export function publicCoordinator(settings: Pick<Settings, 'workshopCoordinator'>): { name: string; email?: { text: string; href: string } } {
  const { name, email } = settings.workshopCoordinator;
  const address = publicEmail(email);
  return { name: decided(name) ?? 'de coördinator van de workshops', ...(address ? { email: address } : {}) };
}

/** A booking period's name; the shipped period is an example whose name is a placeholder. */
export function periodName(name: string): string {
  return decided(name) ?? 'Voorbeeldperiode (de data zijn nog niet vastgelegd)';
}
