import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './passwords.ts';
import { InputError } from '../../core/errors.ts';

describe('password policy', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', '123456789012', 'qwertyuiopas', 'iloveyou1234', 'abcabcabcabc', 'trustno1trustno1'])(
    'refuses the guessable %s even though it has 12 characters',
    (pw) => {
      expect(() => checkPasswordPolicy(pw)).toThrow(/för lätt att gissa/);
    },
  );

  it('refuses short and overlong passwords', () => {
    expect(() => checkPasswordPolicy('kort-ord')).toThrow(/minst 12 tecken/);
    expect(() => checkPasswordPolicy('x'.repeat(257))).toThrow(InputError);
  });

  it.each(['korrekt-häst-batteri-häftapparat', 'ett-nytt-långt-lösenord', 'samordningsförbund'])('accepts the passphrase %s', (pw) => {
    expect(() => checkPasswordPolicy(pw)).not.toThrow();
  });
});
