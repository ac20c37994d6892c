import { InputError, type InputLocation, type InputProblem } from '../errors.ts';
import { findIdentityNumbers } from './identityNumber.ts';

export const identityRefusalMessage =
  'Texten ser ut att innehålla ett personnummer eller samordningsnummer. Uppgifter som kan identifiera en ' +
  'deltagare får inte sparas i Samordna – ta bort numret och försök igen.';

/**
 * Every text field of a write, checked for identity numbers: returns one problem per field that holds one
 * (field names are paths like "goals[2].text"). Numbers, booleans and null are skipped; strings inside
 * arrays and nested objects are checked too.
 */
export function identityProblems(input: unknown, where: Omit<InputLocation, 'field'> = {}, prefix = ''): InputProblem[] {
  if (typeof input === 'string') {
    return findIdentityNumbers(input).length ? [{ ...where, field: prefix || undefined, message: identityRefusalMessage }] : [];
  }
  if (Array.isArray(input)) return input.flatMap((v, i) => identityProblems(v, where, `${prefix}[${i}]`));
  if (input && typeof input === 'object' && !(input instanceof Date)) {
    return Object.entries(input).flatMap(([k, v]) => identityProblems(v, where, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/** Throws InputError when any text field of the input holds a personnummer or samordningsnummer. */
export function assertNoIdentityNumbers(input: unknown, where: Omit<InputLocation, 'field'> = {}): void {
  const problems = identityProblems(input, where);
  if (problems.length) throw new InputError(problems);
}
