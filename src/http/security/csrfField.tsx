import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { csrfFieldName } from './csrf.ts';

/**
 * The hidden CSRF field. EVERY `<form method="post">` must contain it:
 *
 *   <form method="post" action="…">{csrfField(c)} …</form>
 *
 * Scripts that call fetch send the same token in the `X-CSRF-Token` header (read it from
 * `<meta name="csrf-token">`, which the layout can print with `csrfToken(c)`).
 */
export function csrfField(c: Context<AppEnv>) {
  return <input type="hidden" name={csrfFieldName} value={csrfToken(c)} />;
}

export function csrfToken(c: Context<AppEnv>): string {
  return c.get('ctx').csrfToken;
}
