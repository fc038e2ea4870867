/**
 * The REST contract's shapes, defined once: the API validates requests and shapes responses
 * with them (and derives the OpenAPI document from them); the web validates forms and checks
 * the API's answers with them. Calls, applications, nominations and events have files of
 * their own next to their rules (`../applications.ts`, `../nominations.ts`, `../events.ts`).
 */
export * from './common.js';
export * from './problem.js';
export * from './institutions.js';
export * from './users.js';
export * from './account.js';
export * from './agreements.js';
export * from './plan.js';
export * from './audit.js';
export * from './user-imports.js';
export * from './notifications.js';
export * from './health.js';
export * from './mobilities.js';
export * from './checklists.js';
export * from './mobility-report.js';
export * from './learning-agreements.js';
export * from './recognition.js';
export * from './ewp.js';
