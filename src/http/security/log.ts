import type { MiddlewareHandler } from 'hono';

/**
 * Structured JSON log lines on stdout: an event name and a few fields chosen by the caller. Never request
 * bodies or query strings, never participant data, never passwords or tokens; user ids and client
 * addresses only. Off under the test runner unless SAMORDNA_LOG=on; SAMORDNA_LOG=off turns it off.
 */
function enabled(): boolean {
  const v = process.env.SAMORDNA_LOG;
  if (v === 'off') return false;
  return v === 'on' || !process.env.VITEST;
}

export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (!enabled()) return;
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', event, ...fields }) + '\n');
}

/** One line per request: method, route pattern and path (no query string), status, duration, acting user. */
export function requestLog(): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    if (!enabled() || c.req.path === '/healthz' || c.req.path.startsWith('/static/')) return;
    let user: string | null = null;
    try {
      user = (c.get('ctx') as { user?: { id: string } } | undefined)?.user?.id ?? null;
    } catch {
      user = null;
    }
    logEvent('request', {
      method: c.req.method,
      route: c.req.routePath,
      // A survey answer path holds a single-use code or a round's open token: a log line with its time would
      // tie the code to when (and so, by order, to which) answer was given. Logged without it.
      path: /^\/e\//.test(c.req.path) ? '/e/…' : c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      user,
    });
  };
}
