import { findPlaceholders, PLACEHOLDER_PATTERN, type Settings } from '../schemas/settings.ts';
import { isProductionRun, type ServerConfig } from './config.ts';

/**
 * A public site must not start with placeholder routing or contact details: it would tell a
 * visitor "Je bericht is goed aangekomen" while the report goes to example.org. So a production
 * start refuses, naming each field; the embedded default (`npm start`, no SITE_URL) still runs
 * with placeholders so anyone can try the site.
 *
 * Production is what `isProductionRun` says (config.ts). It then also needs a real SMTP_URL
 * and MAIL_FROM, since mail files on the server reach no one.
 */

/** Settings that decide where reports go or how visitors reach or leave us. */
const BLOCKING_FIELDS = ['routing', 'contact', 'quickExitUrl', 'privacy.dpoEmail', 'workshopCoordinator.email'];

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/** Every reason the server may not start in production, one line per field; empty when ready. */
export function productionBlockers(settings: Settings, config: Pick<ServerConfig, 'siteUrl' | 'smtpUrl' | 'mailFrom'>): string[] {
  const fields = findPlaceholders(settings).filter((field) => BLOCKING_FIELDS.some((f) => field === f || field.startsWith(`${f}.`)));
  const problems = fields.map((field) => `src/settings.ts ${field}: nog een voorbeeldwaarde / still a placeholder`);
  if (!/^https:\/\//i.test(config.siteUrl) || isLoopback(config.siteUrl)) {
    problems.push(`SITE_URL: moet het publieke https-adres zijn / must be the public https:// address (now "${config.siteUrl}")`);
  }
  if (!config.smtpUrl) problems.push('SMTP_URL: ontbreekt; zonder SMTP komt geen mail aan / missing; without SMTP no mail is delivered');
  if (PLACEHOLDER_PATTERN.test(config.mailFrom)) problems.push(`MAIL_FROM: nog een voorbeeldadres / still a placeholder ("${config.mailFrom}")`);
  return problems;
}

/** The message to stop with, or undefined when the server may start. */
export function productionRefusal(env: NodeJS.ProcessEnv, settings: Settings, config: Pick<ServerConfig, 'siteUrl' | 'smtpUrl' | 'mailFrom'>): string | undefined {
  if (!isProductionRun(env)) return undefined;
  const problems = productionBlockers(settings, config);
  if (problems.length === 0) return undefined;
  return [
    '[server] De website start niet in productie: vul eerst deze velden in. / Refusing to start in production until these are filled in:',
    ...problems.map((p) => `  - ${p}`),
    'Zie README, "Going live". `npm run launch-check` toont alles wat nog moet gebeuren.',
  ].join('\n');
}
