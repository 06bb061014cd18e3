import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/**
 * The second factor: TOTP (RFC 6238) with the `otpauth` package, 6 digits, 30 seconds, SHA-1
 * (what every authenticator app supports). A code is accepted one step early or late (clock
 * drift), and never twice: the last used step is stored.
 */
const PERIOD_SECONDS = 30;

function totp(secret: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address as a QR code, inline SVG made on the server: no request to another origin. */
export function totpQrSvg(secret: string, label: string, issuer: string): string {
  const svg = renderSVG(totp(secret, label, issuer).toString(), { border: 2 });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR-code voor je authenticator-app" ');
}

/** The time step of a valid, unused code; undefined otherwise. */
export function verifyTotp(secret: string, code: string, now: number, lastStep: number): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return step > lastStep ? step : undefined;
}
