import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { SurveyAnswerForm } from '../views/surveyForm.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { RateLimiter } from '../security/rateLimit.ts';
import { clientAddress } from '../security/clientAddress.ts';
import {
  closedMessage,
  getRound,
  resolveToken,
  roundForm,
  submitAnswers,
  SurveyClosedError,
  swedishToday,
  unknownTokenMessage,
  usedCodeMessage,
} from '../../services/surveys/rounds.ts';
import { problemsToFieldErrors } from './economyShared.ts';

/**
 * The public answer page of a survey round: /e/TOKEN, where TOKEN is the round's open link or one single-use
 * code. No login (see isSurveyAnswerPath in context.ts); nothing about the visitor is stored or logged beyond
 * the request log's path-less line. Rate limits: the open link per round, and unknown tokens per address
 * (guessing codes).
 */

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export const surveyAnswerRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const perRound = new RateLimiter(envInt('SAMORDNA_SURVEY_RATE_PER_MINUTE', 300), 60_000);
  const unknownPerAddress = new RateLimiter(envInt('SAMORDNA_SURVEY_GUESS_PER_MINUTE', 20), 60_000);

  const page = (c: Context<AppEnv>, title: string, body: unknown, status: 200 | 400 | 404 | 409 | 429 = 200) => {
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.html(
      <Layout title={title}>
        {body as never}
      </Layout>,
      status,
    );
  };

  const message = (c: Context<AppEnv>, title: string, text: string, status: 200 | 404 | 409 | 429) =>
    page(
      c,
      title,
      <>
        <h1>{title}</h1>
        <p class={status === 200 ? 'survey-thanks' : 'error'} role={status === 200 ? 'status' : 'alert'}>
          {text}
        </p>
      </>,
      status,
    );

  const formPage = async (c: Context<AppEnv>, token: string, federationId: number, roundId: number, opts: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 } = {}) => {
    const form = await roundForm(db, federationId, roundId, { counts: false });
    const hasEasy = form.statements.some((s) => s.easyText) || !!form.freeTextPromptEasy;
    const easy = hasEasy && c.req.query('lattlast') === '1';
    const action = `/e/${token}${easy ? '?lattlast=1' : ''}`;
    return page(
      c,
      form.set.name,
      <>
        <h1>{form.set.name}</h1>
        <p>
          {form.federationName}, {form.round.year}. {easy ? 'Dina svar är hemliga. Ingen kan se vem som svarat.' : 'Enkäten är anonym: inget som visar vem du är sparas, varken namn, dator eller klockslag.'}
        </p>
        {hasEasy ? <p>{easy ? <a href={`/e/${token}`}>Vanlig svenska</a> : <a href={`/e/${token}?lattlast=1`}>Lättläst svenska</a>}</p> : null}
        <SurveyAnswerForm form={form} action={action} easy={easy} values={opts.values} errors={opts.errors} />
      </>,
      opts.status ?? 200,
    );
  };

  app.get('/e/:token', async (c) => {
    const token = c.req.param('token');
    const r = await resolveToken(db, token);
    if (!r) return message(c, 'Enkäten finns inte', unknownTokenMessage, 404);
    const round = await getRound(db, r.federationId, r.roundId, { counts: false });
    const closed = closedMessage(round, swedishToday());
    if (closed) return message(c, 'Enkäten är stängd', closed, 409);
    if (!r.unused) return message(c, 'Koden är redan använd', usedCodeMessage, 409);
    return formPage(c, token, r.federationId, r.roundId);
  });

  app.post('/e/:token', async (c) => {
    const token = c.req.param('token');
    const r = await resolveToken(db, token);
    if (!r) {
      const key = clientAddress(c);
      if (!unknownPerAddress.take(key)) {
        c.header('retry-after', String(unknownPerAddress.retryAfterSeconds(key)));
        return message(c, 'För många försök', 'För många försök med koder som inte finns. Vänta en minut och försök igen.', 429);
      }
      return message(c, 'Enkäten finns inte', unknownTokenMessage, 404);
    }
    if (r.kind === 'open' && !perRound.take(`round:${r.roundId}`)) {
      c.header('retry-after', String(perRound.retryAfterSeconds(`round:${r.roundId}`)));
      return message(c, 'Många svarar just nu', 'Många svarar på enkäten just nu. Vänta en minut och skicka igen – dina svar finns kvar i formuläret om du går tillbaka.', 429);
    }
    const body = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') fields[k] = v;
    try {
      await submitAnswers(db, token, fields);
    } catch (e) {
      if (e instanceof InputError) {
        const { fields: errors, general } = problemsToFieldErrors(e.problems);
        general.forEach((g, i) => (errors[`_${i}`] = g));
        return formPage(c, token, r.federationId, r.roundId, { values: fields, errors, status: 400 });
      }
      if (e instanceof SurveyClosedError) return message(c, e.message === usedCodeMessage ? 'Koden är redan använd' : 'Enkäten är stängd', e.message, 409);
      if (e instanceof NotFoundError) return message(c, 'Enkäten finns inte', e.message, 404);
      throw e;
    }
    return message(c, 'Tack!', 'Tack för dina svar! De är sparade anonymt. Du kan stänga sidan nu.', 200);
  });
  return app;
};
