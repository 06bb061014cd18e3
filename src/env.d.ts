declare namespace App {
  interface Locals {
    /** Storage, rate limiting and delivery for the form routes; set by src/server/main.ts. */
    services?: import('./server/forms/form-services.ts').FormServices;
  }
}
declare module 'virtual:identity.css';
