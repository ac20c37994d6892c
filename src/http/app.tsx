import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { contextStorage } from 'hono/context-storage';
import { readFileSync } from 'node:fs';
import { ForbiddenError, InputError, NotFoundError } from '../core/errors.ts';
import { contextMiddleware, type AppEnv } from './context.ts';
import { Layout } from './kit/layout.tsx';
import { pageFieldName, RefusedForm, secretFieldNames, type PostedForm } from './kit/form.tsx';
import { holdsIdentityNumber, identityRefusalMessage, isPhoneField } from '../core/privacy/identityGuard.ts';
import { identityGuard } from './security/identityGuard.ts';
import { malformedPath, noStoreOnTokenPages, strictTransport } from './security/transport.ts';
import { requestSizeLimit } from './security/bodyLimit.ts';
import { requestLog } from './security/log.ts';
import type { AppDeps, RouteModule } from './kit/routeModule.ts';
import { homeArea } from './home/routes.ts';
import { economyArea } from './economy/routes.ts';
import { authArea } from './auth/routes.ts';
import { governanceArea } from './governance/routes.ts';
import { interventionsArea } from './interventions/routes.ts';
import { ledgerArea } from './ledger/routes.ts';
import { reportsArea } from './reports/routes.ts';
import { surveysArea } from './surveys/routes.ts';
import { nationalArea } from './national/routes.ts';
import { catalogueArea } from './catalogue/routes.ts';
import { mailArea } from './mail/routes.ts';
import { mailIsOn } from '../services/mail/config.ts';
import { recordsArea } from './records/routes.ts';

export type { AppDeps } from './kit/routeModule.ts';

/**
 * Every area of the system, in one list: each area's routes.ts. The order is the order of route matching: Hono
 * copies a mounted sub-app's routes in, after the middleware registered above them, so paths that overlap keep
 * their order.
 */
const areas: RouteModule[] = [
  homeArea,
  economyArea,
  authArea,
  governanceArea,
  interventionsArea,
  ledgerArea,
  reportsArea,
  surveysArea,
  nationalArea,
  catalogueArea,
  mailArea,
  recordsArea,
];

const css = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Lets page components (e.g. the CSRF field in <Form>) reach the current request without passing it down.
  app.use('*', contextStorage());
  app.use('*', malformedPath());
  app.use('*', strictTransport());
  app.use('*', noStoreOnTokenPages());
  // The catalogue's embed view (/katalog/:id/inbaddning) is the ONE route that other sites may frame (a member's
  // intranet): it drops X-Frame-Options and allows frame-ancestors from SAMORDNA_EMBED_ANCESTORS (default any
  // https origin). Registered before secureHeaders so it adjusts that middleware's headers on the way out.
  app.use('/katalog/:federationId/inbaddning', async (c, next) => {
    await next();
    c.res.headers.delete('x-frame-options');
    const csp = c.res.headers.get('content-security-policy');
    const ancestors = (process.env.SAMORDNA_EMBED_ANCESTORS ?? 'https:').replace(/[;\r\n]/g, '');
    if (csp) c.res.headers.set('content-security-policy', csp.replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`));
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      // Sent only over HTTPS (security/transport.ts).
      strictTransportSecurity: false,
    }),
  );
  app.get('/static/app.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }));
  // Whether mail is on (SAMORDNA_SMTP_URL), for monitoring: never the server's address or credentials.
  app.get('/healthz', (c) => c.json({ ok: true, mail: mailIsOn() }));
  app.use('*', requestLog());
  app.use('*', requestSizeLimit());
  app.use('*', contextMiddleware(deps.db));
  app.use('*', identityGuard());
  for (const area of areas) app.route('/', area(deps));

  app.notFound((c) => respondError(c, 404, 'Sidan finns inte.'));
  app.onError(async (err, c) => {
    if (err instanceof InputError) {
      const again = await renderFormAgain(app, c, err);
      if (again) return again;
      const res = await respondError(c, err instanceof RefusedForm ? err.status : 400, err.message, err.problems);
      if (err instanceof RefusedForm) for (const [k, v] of Object.entries(err.headers)) res.headers.set(k, v);
      return res;
    }
    if (err instanceof NotFoundError) return respondError(c, 404, err.message);
    if (err instanceof ForbiddenError) return respondError(c, 403, err.message);
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return respondError(c, status, err.message);
    // A write the database's own rules refuse (a row still used elsewhere, a duplicate) is the user's conflict,
    // not a server error; services name the reason where they can, this is the net for the rest.
    const code = (err as { code?: unknown }).code;
    if (code === '23503') return respondError(c, 409, 'Uppgiften används av andra uppgifter och kan inte tas bort eller ändras så.');
    if (code === '23505') return respondError(c, 409, 'Uppgiften finns redan.');
    // SQLSTATE class 22 (data exception): a value the database cannot hold (a number out of range, a NUL byte).
    if (typeof code === 'string' && code.startsWith('22')) return respondError(c, 400, 'Ett värde är ogiltigt eller för stort.');
    // Never a stack trace to the client; the log gets it, without request bodies.
    console.error(JSON.stringify({ level: 'error', msg: err.message, path: c.req.path, stack: err.stack }));
    return respondError(c, 500, 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltningen.');
  });
  return app;
}

/**
 * A page form whose write was refused (InputError): the page it was posted from (hidden field `_page`, see
 * <Form> in kit/form.tsx) is rendered again, as the same user, with what was typed and each message beside
 * its field, answered 400. Null when that is not possible (API, JSON, no page named, or the page fails).
 */
async function renderFormAgain(app: Hono<AppEnv>, c: Parameters<Parameters<Hono<AppEnv>['onError']>[0]>[1], err: InputError): Promise<Response | null> {
  if (c.req.method !== 'POST' || wantsJson(c)) return null;
  if ((c.env as { postedForm?: unknown } | undefined)?.postedForm) return null;
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    return null;
  }
  const page = body[pageFieldName];
  if (typeof page !== 'string' || !/^\/(?!\/)[^\\\s]*$/.test(page) || page.length > 2000) return null;
  const errors: Record<string, string> = {};
  const general: string[] = [];
  for (const p of err.problems) {
    if (p.field && !(p.field in errors)) errors[p.field] = p.message;
    else general.push(p.message);
  }
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    // Passwords are never echoed back.
    if (k === '_csrf' || k === pageFieldName || secretFieldNames.has(k)) continue;
    const key = k.endsWith('[]') ? k.slice(0, -2) : k;
    // A value refused by the identity guard comes back empty, the message beside it: never shown again, not even
    // to the one who typed it. Any value that holds a number is emptied too, whichever rule refused the form.
    const refused = errors[key] === identityRefusalMessage || errors[k] === identityRefusalMessage;
    const texts = (Array.isArray(v) ? v : [v])
      .filter((x): x is string => typeof x === 'string')
      .map((x) => (refused || holdsIdentityNumber(x, { phone: isPhoneField(key) }) ? '' : x));
    values[key] = Array.isArray(v) || k.endsWith('[]') ? texts : (texts[0] ?? '');
  }
  const postedForm: PostedForm = { action: c.req.path, values, errors, general };
  const headers = new Headers();
  for (const h of ['cookie', 'accept-language', 'user-agent']) {
    const v = c.req.header(h);
    if (v) headers.set(h, v);
  }
  headers.set('accept', 'text/html');
  try {
    const res = await app.fetch(new Request(new URL(page, c.req.url), { headers }), { ...(c.env as object), postedForm });
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) return null;
    const out = new Headers(res.headers);
    if (err instanceof RefusedForm) for (const [k, v] of Object.entries(err.headers)) out.set(k, v);
    return new Response(res.body, { status: err instanceof RefusedForm ? err.status : 400, headers: out });
  } catch {
    return null;
  }
}

function wantsJson(c: { req: { path: string; header(n: string): string | undefined } }): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json');
}

function respondError(c: Parameters<Parameters<Hono<AppEnv>['onError']>[0]>[1], status: 400 | 403 | 404 | 500 | number, message: string, problems?: unknown) {
  if (wantsJson(c)) return c.json({ error: message, ...(problems ? { problems } : {}) }, status as 400);
  const federation = (() => {
    try {
      return c.get('ctx')?.federation ?? null;
    } catch {
      return null;
    }
  })();
  return c.html(
    <Layout title="Fel" federation={federation}>
      <h1>{status === 404 ? 'Hittades inte' : status === 403 ? 'Ingen behörighet' : status === 400 ? 'Felaktiga uppgifter' : 'Fel'}</h1>
      <p class="error pre-line" role="alert">
        {message}
      </p>
    </Layout>,
    status as 400,
  );
}
