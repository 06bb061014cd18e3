declare namespace App {
  interface Locals {
    /** The narrow services of the host process; guaranteed by src/middleware.ts. */
    services: import('./app/services.ts').AppServices;
    /** The client's address for rate limits, resolved by the host (TCP peer, or X-Forwarded-For behind a trusted proxy). */
    clientAddress?: string;
  }
}
