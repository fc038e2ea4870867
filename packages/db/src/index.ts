export * from './client.js';
export * from './password-hash.js';
export * from './seed.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './seed-large.js';
