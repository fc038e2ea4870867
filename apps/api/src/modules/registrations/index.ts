/** What other modules may know of registrations: the service's public type (wired in `app.ts`). */
export type { RegistrationsService } from './registrations.service.js';
