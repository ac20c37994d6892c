import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { postedForm } from '../kit/requestBody.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import type { FieldErrors } from '../kit/form.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { isBlank, parseId, valueOrThrow } from '../../core/input/index.ts';
import { parseStatementLines } from '../../core/surveys/setText.ts';
import { createSet, getSet, listSets, type SurveySet } from '../../services/surveys/sets.ts';
import type { C } from './common.ts';
import { surveysBase as base } from './parts.ts';
import { SetsPage, type SetsPageModel } from './setsPage.tsx';

/** The question sets page: every set, and for the kansli the form (a new version of `basedOn`, or a new set). */
export async function loadSetsPage(db: Database, federation: FederationRef, ctx: RequestContext, form: Omit<SetsPageModel, 'federation' | 'manage' | 'sets'>): Promise<SetsPageModel> {
  const manage = ctx.can('surveys:manage');
  const sets = await listSets(db, federation.id);
  return { federation, manage, sets, ...form };
}

/** Question sets: the list, a new version of one, and saving a set. */
export const surveySetRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const setsPage = async (c: C, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; basedOn?: SurveySet | null; status?: 200 | 400; notice?: string } = {}) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const model = await loadSetsPage(db, f, ctx, { basedOn: opts.basedOn ?? null, values: opts.values, errors: opts.errors, general: opts.general, notice: opts.notice });
    return c.html(<SetsPage model={model} />, opts.status ?? 200);
  };

  app.get('/f/:federationId/enkater/fragor', (c) => setsPage(c));

  app.get('/f/:federationId/enkater/fragor/:setId{[0-9]+}/ny-version', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const setId = parseId(c.req.param('setId'));
    if (!setId.ok) throw new NotFoundError('Frågesetet finns inte.');
    const basedOn = await getSet(db, f.id, setId.value);
    return setsPage(c, { basedOn });
  });

  app.post('/f/:federationId/enkater/fragor', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const { one } = await postedForm(c);
    const newVersionOf = isBlank(one.newVersionOf) ? null : valueOrThrow(parseId(one.newVersionOf), { field: 'newVersionOf' });
    const basedOn = newVersionOf ? await getSet(db, f.id, newVersionOf) : null;
    const parsed = parseStatementLines(one.statements ?? '');
    try {
      if (parsed.problems.length) throw new InputError(parsed.problems);
      await createSet(
        db,
        f.id,
        { name: one.name ?? '', group: one.group ?? '', kind: one.kind ?? '', statements: parsed.statements, freeTextPrompt: one.freeTextPrompt, freeTextPromptEasy: one.freeTextPromptEasy, newVersionOf },
        ctx.actor,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const errors: Record<string, string> = {};
      const general: string[] = [];
      for (const p of e.problems) {
        const field = p.field?.startsWith('statements') ? 'statements' : p.field;
        const msg = p.line ? `Rad ${p.line}: ${p.message}` : p.message;
        if (field && !errors[field]) errors[field] = msg;
        else general.push(msg);
      }
      return setsPage(c, { errors, general, values: one, basedOn, status: 400 });
    }
    return redirectWithFlash(c, `${base(f)}/fragor`, 'survey-set');
  });
  return app;
};
