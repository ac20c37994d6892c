import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { RefusedForm } from '../kit/form.tsx';
import { redirectWithFlash } from '../kit/flash.tsx';
import { pathId } from '../kit/params.ts';
import { qrCode } from '../kit/qrCode.ts';
import { clearCookie, readCookie, sessionCookie, setHttpOnlyCookie } from '../security/cookies.ts';
import { clientAddress } from '../security/clientAddress.ts';
import { RateLimiter } from '../security/rateLimit.ts';
import { logEvent } from '../security/log.ts';
import { describeDevice } from '../../core/access/secondFactorRules.ts';
import { recordLoginAttempt } from '../../services/auth/loginAttempts.ts';
import { createSession, endOwnSession, sessionMaxAgeSeconds } from '../../services/auth/sessions.ts';
import {
  completePendingLogin,
  confirmTotpEnrolment,
  endPendingLogin,
  enrolmentMinutes,
  findPendingLogin,
  pendingLoginMinutes,
  pendingTotpEnrolment,
  resetSecondFactor,
  startTotpEnrolment,
  type PendingLogin,
  type TotpEnrolment,
} from '../../services/auth/secondFactor.ts';
import { requirePermission } from '../context.ts';
import { CodePage, EnrolPage, RecoveryCodesPage } from './secondFactorPages.tsx';

/** The cookie of a sign-in waiting for its second step (a random token; the row holds its hash). */
export const pendingLoginCookie = 'samordna_login';

/** The device a request comes from, as the list of sessions shows it. */
export function deviceOf(c: Context): string {
  return describeDevice(c.req.header('user-agent') ?? '');
}

/** After the first factor: the browser keeps the waiting sign-in's token and goes to the code or the enrolment. */
export function goToSecondStep(c: Context, pending: { token: string; step: 'code' | 'enrol' }): Response {
  setHttpOnlyCookie(c, pendingLoginCookie, pending.token, pendingLoginMinutes * 60);
  return c.redirect(pending.step === 'code' ? '/login/code' : '/login/enrol', 303);
}

const codeMessages = {
  malformed: 'Koden ska vara sex siffror (eller en reservkod, tio tecken).',
  invalid: 'Koden stämmer inte. Skriv koden som appen visar nu.',
  used: 'Koden är redan använd. Vänta tills appen visar en ny kod.',
} as const;

function enrolmentQr(e: TotpEnrolment, email: string) {
  return qrCode(e.uri, `QR-kod för tvåstegsverifiering för ${email}`);
}

/**
 * The second factor: the code after the password (field `code`), enrolment when the policy asks for it, the
 * enrolment and the sessions in "Mitt konto", and the administrator's reset.
 */
export const secondFactorRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  // Per client address, on top of the per-account lockout (wrong codes count as failed logins).
  const codeLimiter = new RateLimiter(Number(process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE) || 20, 60_000);

  async function pendingOf(c: Context<AppEnv>, step: 'code' | 'enrol'): Promise<{ token: string; pending: PendingLogin } | null> {
    const token = readCookie(c, pendingLoginCookie);
    const pending = token ? await findPendingLogin(db, token) : null;
    return token && pending && pending.step === step ? { token, pending } : null;
  }

  function limit(c: Context<AppEnv>): void {
    const address = clientAddress(c);
    if (!codeLimiter.take(address)) {
      logEvent('login_rate_limited', { address });
      throw new RefusedForm({ field: 'code', message: 'För många försök från din dator. Vänta en minut och försök igen.' }, 429, {
        'retry-after': String(codeLimiter.retryAfterSeconds(address)),
      });
    }
  }

  function expired(c: Context<AppEnv>): Response {
    clearCookie(c, pendingLoginCookie);
    return c.redirect('/login', 303);
  }

  app.get('/login/code', async (c) => {
    const p = await pendingOf(c, 'code');
    if (!p) return expired(c);
    return c.html(<CodePage model={{ email: p.pending.email }} />);
  });

  app.post('/login/code', async (c) => {
    limit(c);
    const token = readCookie(c, pendingLoginCookie);
    if (!token) return expired(c);
    const body = await c.req.parseBody();
    const result = await completePendingLogin(db, token, String(body.code ?? '').slice(0, 100), deviceOf(c));
    if (!result.ok) {
      if (result.reason === 'expired') return expired(c);
      logEvent(result.reason === 'locked' ? 'login_locked' : result.reason === 'used' ? 'login_code_reused' : 'login_code_failed', { address: clientAddress(c) });
      if (result.reason === 'locked') {
        throw new RefusedForm({ field: 'code', message: `Kontot är tillfälligt spärrat efter för många felaktiga försök. Försök igen om ${result.lockedMinutes ?? 15} minuter.` }, 429);
      }
      throw new RefusedForm({ field: 'code', message: codeMessages[result.reason] }, result.reason === 'malformed' ? 400 : 401);
    }
    clearCookie(c, pendingLoginCookie);
    logEvent('login', { address: clientAddress(c), secondFactor: true });
    setHttpOnlyCookie(c, sessionCookie, result.session.token, sessionMaxAgeSeconds);
    return c.redirect(result.next, 303);
  });

  app.get('/login/enrol', async (c) => {
    const p = await pendingOf(c, 'enrol');
    if (!p) return expired(c);
    const user = { id: p.pending.userId, email: p.pending.email };
    const enrolment = (await pendingTotpEnrolment(db, user)) ?? (await startTotpEnrolment(db, user, { id: user.email }));
    return c.html(
      <EnrolPage model={{ email: user.email, action: '/login/enrol', qr: enrolmentQr(enrolment, user.email), secret: enrolment.secret, minutes: enrolmentMinutes, required: true }} />,
    );
  });

  app.post('/login/enrol', async (c) => {
    limit(c);
    const p = await pendingOf(c, 'enrol');
    if (!p) return expired(c);
    const body = await c.req.parseBody();
    const user = { id: p.pending.userId, email: p.pending.email };
    // A refusal (InputError) draws the enrolment again with the message; nothing is stored.
    const codes = await confirmTotpEnrolment(db, user, String(body.code ?? '').slice(0, 100), { id: user.email });
    await endPendingLogin(db, p.token, user.email);
    await recordLoginAttempt(db, user.email, true);
    const session = await createSession(db, user, { device: deviceOf(c), method: p.pending.method, secondFactor: 'totp', idToken: p.pending.idToken });
    clearCookie(c, pendingLoginCookie);
    logEvent('login', { address: clientAddress(c), secondFactor: true, enrolled: true });
    setHttpOnlyCookie(c, sessionCookie, session.token, sessionMaxAgeSeconds);
    return c.html(<RecoveryCodesPage model={{ codes, next: p.pending.next }} />);
  });

  // "Mitt konto": adding TOTP of one's own accord. Starting makes the secret (a POST: opening a page never
  // writes); the page shows the enrolment under way, or sends the user back to the account page.
  app.post('/account/mfa/start', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    const user = { id: ctx.user.userId, email: ctx.user.id };
    if (!(await pendingTotpEnrolment(db, user))) await startTotpEnrolment(db, user, ctx.actor);
    return c.redirect('/account/mfa', 303);
  });

  app.get('/account/mfa', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    const user = { id: ctx.user.userId, email: ctx.user.id };
    const enrolment = await pendingTotpEnrolment(db, user);
    if (!enrolment) return c.redirect('/account', 303);
    return c.html(
      <EnrolPage model={{ email: user.email, action: '/account/mfa', qr: enrolmentQr(enrolment, user.email), secret: enrolment.secret, minutes: enrolmentMinutes, required: false }} />,
    );
  });

  app.post('/account/mfa', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    const body = await c.req.parseBody();
    const codes = await confirmTotpEnrolment(db, { id: ctx.user.userId, email: ctx.user.id }, String(body.code ?? '').slice(0, 100), ctx.actor);
    return c.html(<RecoveryCodesPage model={{ codes, next: '/account' }} />);
  });

  app.post('/account/sessions/:sessionId/end', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    const ended = await endOwnSession(db, ctx.user.userId, pathId(c, 'sessionId'), ctx.actor.id);
    if (!ended) return c.notFound();
    return redirectWithFlash(c, '/account', 'session-ended');
  });

  app.post('/admin/users/:userId/mfa-reset', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const userId = pathId(c, 'userId');
    await resetSecondFactor(db, userId, ctx.actor);
    logEvent('mfa_reset', { userId, by: ctx.user.id });
    return redirectWithFlash(c, `/admin/users/${userId}`, 'mfa-reset');
  });
  return app;
};
