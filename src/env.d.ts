declare namespace App {
  interface Locals {
    /** The narrow services of the host process; guaranteed by src/middleware.ts. */
    services: import('./app/services.ts').AppServices;
  }
}
