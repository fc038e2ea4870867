/** What other modules may know of events: the service's public type (wired in `app.ts`). */
export type { EventsService } from './events.service.js';
