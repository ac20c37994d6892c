/** The document model (types), its builders and its reader: import from here. */
export type * from './model.ts';
export * from './build.ts';
export * from './walk.ts';
