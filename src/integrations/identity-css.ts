import type { Plugin } from 'vite';
import { settings } from '../settings.ts';
import { identityCss } from '../lib/identity.ts';

const id = 'virtual:identity.css';

/**
 * Serves the colour tokens of `settings.identity` as the module `virtual:identity.css`, so they
 * are bundled into the site's stylesheet: the Content-Security-Policy allows no inline styles,
 * and a separate file would cost every page a request.
 */
export function identityStyles(): Plugin {
  return {
    name: 'identity-css',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? identityCss(settings.identity.colours) : undefined),
  };
}
