import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be confused with each other (no 0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A participation's code: random (crypto), never derived from anything about the person, e.g. "D-7KQM-X3TA".
 * Eight characters from 31 give 8.5·10^11 codes; uniqueness per förbund is enforced by the database.
 * It can never look like a personnummer (it has at most eight digits and letters between them).
 */
export function newParticipationCode(): string {
  const pick = () => alphabet[randomInt(alphabet.length)];
  const group = () => Array.from({ length: 4 }, pick).join('');
  return `D-${group()}-${group()}`;
}
