import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { postedForm } from '../kit/requestBody.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import type { FieldErrors } from '../kit/form.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { isBlank, parseId, parseInteger, parseYear, valueOrThrow } from '../../core/input/index.ts';
import { surveyPosterPdf } from '../../exports/surveyPoster.ts';
import { listSets } from '../../services/surveys/sets.ts';
import { addCodes, closeRound, createRound, enterPaperAnswers, getRound, listRounds, roundForm, type CreatedRound, type SurveyRound } from '../../services/surveys/rounds.ts';
import { listInterventions } from '../../services/interventions/interventions.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { publicUrl, roundIdParam, type C } from './common.ts';
import { surveysBase as base } from './parts.ts';
import { qrCode } from '../kit/qrCode.ts';
import { InvitationPage, PaperPage, PosterPage, RoundPage, RoundsPage, type PaperPageModel, type RoundsPageModel } from './roundPages.tsx';
import { today } from '../../core/calendar.ts';

/** The rounds page's model: every round, and for whoever manages surveys the sets and interventions of the form. */
export async function loadRoundsPage(db: Database, federation: FederationRef, ctx: RequestContext, form: Pick<RoundsPageModel, 'values' | 'errors' | 'general' | 'chosenInterventions'> = {}): Promise<RoundsPageModel> {
  const manage = ctx.can('surveys:manage');
  const rounds = await listRounds(db, federation.id);
  const sets = manage ? await listSets(db, federation.id) : [];
  const interventions = manage ? await listInterventions(db, federation.id) : [];
  return { federation, manage, rounds, sets, interventions, today: today(), ...form };
}

/** The paper questionnaire's model: the round's form, with what was typed and refused. */
export async function loadPaperPage(db: Database, federation: FederationRef, roundId: number, form: Pick<PaperPageModel, 'values' | 'errors'> = {}): Promise<PaperPageModel> {
  return { federation, roundId, form: await roundForm(db, federation.id, roundId), ...form };
}

/** Survey rounds: list and new round, one round, more codes, poster (page and PDF), paper answers. */
export const surveyRoundRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();

  const roundsPage = async (c: C, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; chosenInterventions?: readonly string[]; status?: 200 | 400 } = {}) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    return c.html(<RoundsPage model={await loadRoundsPage(db, f, ctx, { errors: opts.errors, general: opts.general, values: opts.values, chosenInterventions: opts.chosenInterventions })} />, opts.status ?? 200);
  };

  app.get('/f/:federationId/enkater', (c) => roundsPage(c));

  const invitationPage = async (c: C, f: FederationRef, round: SurveyRound, created: { openLink: string | null; codes: readonly string[] }, title: string, notice: string) => {
    const openLinkUrl = created.openLink ? publicUrl(c, created.openLink) : null;
    const qr = openLinkUrl ? await qrCode(openLinkUrl, `QR-kod till enkäten: ${openLinkUrl}`) : null;
    return c.html(<InvitationPage model={{ federation: f, title, notice, round, openLink: created.openLink, openLinkUrl, qr, codes: created.codes.map((p) => publicUrl(c, p)) }} />);
  };

  app.post('/f/:federationId/enkater', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const { one, many } = await postedForm(c);
    const sets = await listSets(db, f.id);
    const set = sets.find((s) => s.id === one.set);
    let created: CreatedRound;
    try {
      const year = valueOrThrow(parseYear(one.year), { field: 'year' });
      const codes = isBlank(one.codes) ? 0 : valueOrThrow(parseInteger(one.codes, { min: 0, max: 5000 }), { field: 'codes' });
      const interventionIds = (many.interventions ?? []).map((v) => valueOrThrow(parseId(v), { field: 'interventions' }));
      created = await createRound(
        db,
        f.id,
        {
          set: one.set ?? '',
          localSet: one.localSet || null,
          year,
          group: set?.group ?? '',
          name: one.name,
          opensOn: one.opensOn ?? '',
          closesOn: one.closesOn ?? '',
          openLink: one.openLink === '1',
          codes,
          interventionIds,
        },
        ctx.actor,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields: errors, general } = problemsToFieldErrors(e.problems);
      return roundsPage(c, { errors, general, values: one, chosenInterventions: many.interventions ?? [], status: 400 });
    }
    return invitationPage(c, f, created.round, created, 'Enkätomgången är skapad', 'Enkätomgången är sparad.');
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const round = await getRound(db, f.id, roundIdParam(c));
    const link = round.openToken ? `/e/${round.openToken}` : null;
    const linkUrl = link ? publicUrl(c, link) : null;
    const qr = linkUrl ? await qrCode(linkUrl, `QR-kod till enkäten: ${linkUrl}`) : null;
    return c.html(<RoundPage model={{ federation: f, round, link, linkUrl, qr }} />);
  });

  // "Stäng omgången": no answers from today, and the results are published today.
  app.post('/f/:federationId/enkater/:roundId{[0-9]+}/stang', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    await closeRound(db, f.id, id, ctx.actor);
    return redirectWithFlash(c, `${base(f)}/${id}`, 'survey-closed');
  });

  app.post('/f/:federationId/enkater/:roundId{[0-9]+}/koder', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const { one } = await postedForm(c);
    const n = valueOrThrow(parseInteger(one.codes, { min: 1, max: 5000 }), { field: 'codes' });
    const codes = await addCodes(db, f.id, id, n, ctx.actor);
    return invitationPage(c, f, await getRound(db, f.id, id), { openLink: null, codes }, 'Nya engångskoder', `${codes.length} nya engångskoder är skapade.`);
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/affisch', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const form = await roundForm(db, f.id, roundIdParam(c));
    if (!form.round.openToken) throw new NotFoundError('Omgången har ingen öppen länk.');
    const url = publicUrl(c, `/e/${form.round.openToken}`);
    return c.html(<PosterPage model={{ federation: f, form, url, qr: await qrCode(url, `QR-kod till enkäten: ${url}`) }} />);
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/affisch.pdf', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const form = await roundForm(db, f.id, roundIdParam(c));
    if (!form.round.openToken) throw new NotFoundError('Omgången har ingen öppen länk.');
    const pdf = await surveyPosterPdf({
      title: `Enkät: ${form.set.name}`,
      subtitle: `${form.set.name} – ${f.name}`,
      url: publicUrl(c, `/e/${form.round.openToken}`),
      period: `Öppen ${form.round.opensOn} – ${form.round.closesOn}`,
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="enkat-${form.round.id}-affisch.pdf"` });
  });

  // ---- paper answers -------------------------------------------------------------------------------------
  const paperPage = async (c: C, f: FederationRef, id: number, opts: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 } = {}) =>
    c.html(<PaperPage model={await loadPaperPage(db, f, id, { values: opts.values, errors: opts.errors })} />, opts.status ?? 200);

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/papper', async (c) => {
    requirePermission(c, 'surveys:manage');
    return paperPage(c, requireFederation(c), roundIdParam(c));
  });

  app.post('/f/:federationId/enkater/:roundId{[0-9]+}/papper', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const { one } = await postedForm(c);
    delete one._csrf;
    try {
      await enterPaperAnswers(db, f.id, id, one, ctx.actor);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields: errors, general } = problemsToFieldErrors(e.problems);
      general.forEach((g, i) => (errors[`_${i}`] = g));
      return paperPage(c, f, id, { values: one, errors, status: 400 });
    }
    return redirectWithFlash(c, `${base(f)}/${id}`, 'survey-paper');
  });
  return app;
};
