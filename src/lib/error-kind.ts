/**
 * A short, content-free label for an error, safe for logs and the database: an error code
 * (ECONNREFUSED, smtp-421) or a class name, never a message, which may quote a person's input.
 */
export function errorKind(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
    if (typeof e.responseCode === 'number') return `smtp-${e.responseCode}`;
    if (typeof e.code === 'string' && /^[A-Z_]{2,30}$/.test(e.code)) return e.code;
    if (typeof e.name === 'string' && /^[A-Za-z]{2,30}$/.test(e.name)) return e.name;
  }
  return 'error';
}
