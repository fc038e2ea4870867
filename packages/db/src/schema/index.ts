export * from './institutions.js';
export * from './users.js';
export * from './agreements.js';
export * from './quotas.js';
export * from './audit.js';
export * from './notifications.js';
export * from './rate-limits.js';
