import { createHash, randomBytes } from 'node:crypto';

/** Random tokens of sessions and one-time links (shared by auth and mail: only their hashes are stored). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash of a session token is stored; a stolen database does not give working cookies. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
