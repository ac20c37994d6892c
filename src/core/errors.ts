import { containsIdentityNumber } from './privacy/identityNumber.ts';
import { identityRefusalMessage } from './privacy/refusalMessage.ts';

/** Where in the input a problem is: file, line (1-based) and field, as far as known. */
export interface InputLocation {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

export interface InputProblem extends InputLocation {
  /** Swedish, for the user: what is wrong and, where it helps, what is expected. */
  readonly message: string;
}

export function describeProblem(p: InputProblem): string {
  const where = [
    p.file ? p.file : null,
    p.line != null ? `rad ${p.line}` : null,
    p.field ? `fält "${p.field}"` : null,
  ].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${p.message}` : p.message;
}

/**
 * Bad input from a user or a file. Thrown by validators and importers before anything is written (or inside
 * the transaction, which then rolls back). HTTP answers 400 with the problems, the CLI prints them and exits 1.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list = (Array.isArray(problems) ? (problems as readonly InputProblem[]) : [problems as InputProblem]).map(withoutIdentityNumbers);
    super(list.map(describeProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/**
 * A refusal never repeats an identity number, whichever message put the typed value in (an unknown code, a
 * column heading, a file name): a message that holds one becomes the guard's own message, a file or field name
 * that holds one is replaced by a neutral word.
 */
function withoutIdentityNumbers(p: InputProblem): InputProblem {
  const holds = (s: string | undefined) => s !== undefined && containsIdentityNumber(s);
  if (!holds(p.message) && !holds(p.file) && !holds(p.field)) return p;
  return {
    ...p,
    ...(holds(p.file) ? { file: 'filen' } : {}),
    ...(holds(p.field) ? { field: 'fältet' } : {}),
    message: holds(p.message) ? identityRefusalMessage : p.message,
  };
}

/** A thing that was asked for does not exist (or is not visible to the actor). HTTP 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this. HTTP 403. */
export class ForbiddenError extends Error {
  constructor(message = 'Du har inte behörighet till detta.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/**
 * The request is well-formed but the thing it would change is past changing: an application already decided, a
 * protocol already justerat, a notice for a meeting that has been held. HTTP 409, nothing written.
 */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
