/**
 * The boundary: one module that reads what users type or send (forms, API bodies, query strings, CLI
 * arguments, importers). Each parser returns Parsed<T> with a Swedish message; valueOrThrow turns a failure
 * into an InputError with file/line/field (HTTP 400, CLI exit 1). Services take the typed values.
 */
export * from './parsed.ts';
export * from './numbers.ts';
export * from './dates.ts';
export * from './text.ts';
export * from './organisationNumber.ts';
