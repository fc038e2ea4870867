export * from './academic-year.js';
export * from './enums.js';
export * from './i18n.js';
export * from './passwords.js';
export * from './permissions.js';
export * from './schemas.js';
export * from './notification-texts.js';
export * from './applications.js';
