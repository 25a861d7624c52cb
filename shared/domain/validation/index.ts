export * from './address.js';
export * from './dates.js';
export * from './documents.js';
export * from './free-text.js';
export * from './names.js';
