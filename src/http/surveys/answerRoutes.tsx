import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { AnswerFormPage, AnswerMessagePage, type AnswerFormModel } from './answerPages.tsx';
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
  usedCodeMessage,
} from '../../services/surveys/rounds.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { today } from '../../core/calendar.ts';

/** One answer for a code that does not exist and one already used: a guess must not tell them apart. */
export const unavailableMessage = 'Länken eller koden finns inte eller har redan använts. Kontrollera att du skrivit av den rätt – varje kod kan bara användas en gång.';

/**
 * The public answer page of a survey round: /e/TOKEN, where TOKEN is the round's open link or one single-use
 * code. No login (see isSurveyAnswerPath in context.ts); nothing about the visitor is stored or logged beyond
 * the request log's path-less line.
 *
 * Guessing codes: an unknown code and a used one get the same answer (404, one message), on the page and when
 * posting, so a guess never tells that a code exists; and every such miss counts against the address
 * (SAMORDNA_SURVEY_GUESS_PER_MINUTE, 20 a minute): a respondent mistypes a code a few times, a guesser needs
 * millions of tries.
 *
 * The open link: answers are limited per client address and round (SAMORDNA_SURVEY_RATE_PER_CLIENT, 30 per 10
 * minutes), so one client cannot use up what the round allows for everyone else. Why 30 per 10 minutes: a real
 * respondent answers once and takes a few minutes; the most one address legitimately sends is a group answering
 * together behind one network address (a municipality's or a school's NAT, a shared computer in an activity
 * room), and FINSAM groups are small (typically under 20–30 people). 30 in 10 minutes lets such a group through
 * while one script can add at most 180 answers an hour, a flood the kansli sees in its progress count. The
 * round as a whole keeps a ceiling (SAMORDNA_SURVEY_RATE_PER_MINUTE, 300 a minute) against many addresses.
 */

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The questionnaire's model: easy-to-read Swedish when asked for and the set has it. */
export async function loadAnswerForm(
  db: Database,
  token: string,
  federationId: number,
  roundId: number,
  easyAsked: boolean,
  typed: Pick<AnswerFormModel, 'values' | 'errors'> = {},
): Promise<AnswerFormModel> {
  const form = await roundForm(db, federationId, roundId, { counts: false });
  const hasEasy = form.statements.some((s) => s.easyText) || !!form.freeTextPromptEasy;
  return { token, form, hasEasy, easy: hasEasy && easyAsked, ...typed };
}

export const surveyAnswerRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const perRound = new RateLimiter(envInt('SAMORDNA_SURVEY_RATE_PER_MINUTE', 300), 60_000);
  const unknownPerAddress = new RateLimiter(envInt('SAMORDNA_SURVEY_GUESS_PER_MINUTE', 20), 60_000);
  const perClient = new RateLimiter(envInt('SAMORDNA_SURVEY_RATE_PER_CLIENT', 30), 10 * 60_000);

  /** An unknown or used code: the same answer, and a miss counted against the address (429 when over). */
  const miss = (c: Context<AppEnv>) => {
    const key = clientAddress(c);
    if (!unknownPerAddress.take(key)) {
      c.header('retry-after', String(unknownPerAddress.retryAfterSeconds(key)));
      return message(c, 'För många försök', 'För många försök med koder som inte finns. Vänta en minut och försök igen.', 429);
    }
    return message(c, 'Enkäten finns inte', unavailableMessage, 404);
  };

  /** Answer pages are never cached and send no referrer (the path holds the token). */
  const noStore = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
  };

  const message = (c: Context<AppEnv>, title: string, text: string, status: 200 | 404 | 409 | 429) => {
    noStore(c);
    return c.html(<AnswerMessagePage title={title} text={text} status={status} />, status);
  };

  const formPage = async (c: Context<AppEnv>, token: string, federationId: number, roundId: number, opts: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 } = {}) => {
    const model = await loadAnswerForm(db, token, federationId, roundId, c.req.query('lattlast') === '1', { values: opts.values, errors: opts.errors });
    noStore(c);
    return c.html(<AnswerFormPage model={model} />, opts.status ?? 200);
  };

  app.get('/e/:token', async (c) => {
    const token = c.req.param('token');
    const r = await resolveToken(db, token);
    if (!r || !r.unused) return miss(c);
    const round = await getRound(db, r.federationId, r.roundId, { counts: false });
    const closed = closedMessage(round, today());
    if (closed) return message(c, 'Enkäten är stängd', closed, 409);
    return formPage(c, token, r.federationId, r.roundId);
  });

  app.post('/e/:token', async (c) => {
    const token = c.req.param('token');
    const r = await resolveToken(db, token);
    if (!r || !r.unused) return miss(c);
    const client = `round:${r.roundId}:${clientAddress(c)}`;
    if (r.kind === 'open' && !perClient.take(client)) {
      c.header('retry-after', String(perClient.retryAfterSeconds(client)));
      return message(c, 'Många svar härifrån', 'Många svar har skickats från din uppkoppling på kort tid. Vänta några minuter och skicka igen – dina svar finns kvar i formuläret om du går tillbaka.', 429);
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
      if (e instanceof SurveyClosedError) return e.message === usedCodeMessage ? miss(c) : message(c, 'Enkäten är stängd', e.message, 409);
      if (e instanceof NotFoundError) return miss(c);
      throw e;
    }
    return message(c, 'Tack!', 'Tack för dina svar! De är sparade anonymt. Du kan stänga sidan nu.', 200);
  });
  return app;
};
