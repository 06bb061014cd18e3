declare namespace App {
  interface Locals {
    /** Storage, rate limiting and delivery for the form routes; set by src/server/main.ts. */
    services?: import('./server/forms/form-services.ts').FormServices;
    /** The client's address for rate limits, resolved by the host (TCP peer, or X-Forwarded-For behind a trusted proxy). */
    clientAddress?: string;
  }
}
