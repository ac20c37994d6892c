import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The client's address: the proxy's X-Forwarded-For only when SAMORDNA_TRUST_PROXY=1, else the socket's. */
export function clientAddress(c: Context): string {
  if (process.env.SAMORDNA_TRUST_PROXY === '1') {
    const xff = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (xff) return xff;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
