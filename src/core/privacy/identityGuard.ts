import { InputError, type InputLocation, type InputProblem } from '../errors.ts';
import { findIdentityNumbers } from './identityNumber.ts';
import { readsAsPhoneNumber } from './phoneNumber.ts';

export { identityRefusalMessage } from './refusalMessage.ts';
import { identityRefusalMessage } from './refusalMessage.ts';

/** Contact fields that hold a phone number: a phone number written as one passes there (src/core/privacy/phoneNumber.ts). */
export const phoneFieldNames: ReadonlySet<string> = new Set(['contactPhone']);

/** Whether the text holds a personnummer or samordningsnummer; in a phone field a phone number written as one passes. */
export function holdsIdentityNumber(text: string, { phone = false } = {}): boolean {
  if (phone && readsAsPhoneNumber(text)) return false;
  return findIdentityNumbers(text).length > 0;
}

/** Whether the field (a name or a path like "entries[2].contactPhone") is a contact field for a phone number. */
export const isPhoneField = (field: string | undefined) => field !== undefined && phoneFieldNames.has(lastName(field));

const lastName = (path: string) => path.replace(/\[\d+\]$/, '').split('.').pop()!;

/**
 * Every text field of a write, checked for identity numbers: returns one problem per field that holds one
 * (field names are paths like "goals[2].text"). Numbers, booleans and null are skipped; strings inside
 * arrays and nested objects are checked too.
 */
export function identityProblems(input: unknown, where: Omit<InputLocation, 'field'> = {}, prefix = ''): InputProblem[] {
  if (typeof input === 'string') {
    return holdsIdentityNumber(input, { phone: isPhoneField(prefix) }) ? [{ ...where, field: prefix || undefined, message: identityRefusalMessage }] : [];
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
