import { hash, verify, Algorithm } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { InputError } from '../../core/errors.ts';
import { minPasswordLength } from '../../core/access/accountRules.ts';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const maxPasswordLength = 256;

/** The password rules, in Swedish; throws InputError with field "password". */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < minPasswordLength) {
    throw new InputError({ field, message: `Lösenordet måste ha minst ${minPasswordLength} tecken.` });
  }
  if (password.length > maxPasswordLength) {
    throw new InputError({ field, message: `Lösenordet får ha högst ${maxPasswordLength} tecken.` });
  }
  if (isGuessable(password)) {
    throw new InputError({
      field,
      message: 'Lösenordet är för lätt att gissa: det finns i listor över vanliga lösenord, upprepar tecken eller följer ett mönster. Välj en fras av flera ord.',
    });
  }
}

/**
 * zxcvbn-ts with its common-password dictionary (about 50 000 passwords from public breach lists, with
 * repeats, sequences and keyboard patterns recognised): anything it scores below 3 of 4 is refused.
 */
let estimator: ZxcvbnFactory | null = null;
function isGuessable(password: string): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator.check(password.slice(0, 100)).score < 3;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the e-mail is unknown makes a wrong address take as long as a wrong password. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('samordna-dummy-password-never-valid');
  return dummyHash;
}
