import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { InputError } from '../../core/errors.ts';
import type { InputProblem } from '../../core/errors.ts';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { assertInterventionExists, getIntervention } from '../../services/interventions/interventions.ts';
import { listMembers } from '../../services/members/members.ts';
import { closeParticipation, listParticipations, registerParticipation } from '../../services/interventions/participations.ts';
import { importParticipations } from '../../importers/participants/importParticipations.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { templateColumns, templateExample } from '../../importers/participants/template.ts';
import { idParam, interventionsBase } from './common.ts';
import { formFields } from '../kit/requestBody.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { CloseParticipationPage, ParticipantsPage, type ParticipantsModel } from './participantPages.tsx';

const maxUploadBytes = 10 * 1024 * 1024;

/**
 * The participants page's model; a refused registration's problems split per field (the first for each) and
 * general, with the values that were not refused.
 */
export async function loadParticipants(
  db: Database,
  federation: FederationRef,
  id: number,
  refused?: { problems: readonly InputProblem[]; values: Record<string, unknown> },
): Promise<ParticipantsModel> {
  const errors: Record<string, string> = {};
  const general: string[] = [];
  for (const pr of refused?.problems ?? []) {
    if (pr.field && !(pr.field in errors)) errors[pr.field] = pr.message;
    else general.push(pr.message);
  }
  const intervention = await getIntervention(db, federation.id, id);
  const participations = await listParticipations(db, federation.id, id);
  const members = await listMembers(db, federation.id);
  return { federation, intervention, participations, members, refused: refused ? { values: refused.values, errors, general } : null };
}

/** The team's own pages: its participants, register a new one, close one, import the spreadsheet. */
export const interventionParticipantRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  /** The team's page; after a refused registration it shows the problems and keeps what was chosen. */
  async function participantsPage(c: Context<AppEnv>, refused?: { problems: readonly InputProblem[]; values: Record<string, unknown> }) {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    return c.html(<ParticipantsPage model={await loadParticipants(db, f, id, refused)} />, refused ? 400 : 200);
  }

  app.get('/f/:federationId/insatser/:id/deltagare', (c) => participantsPage(c));

  app.post('/f/:federationId/insatser/:id/deltagare', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    const fields = await formFields(c);
    try {
      const { code } = await registerParticipation(db, f.id, id, fields, ctx.actor);
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'participant', code);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Nothing the user typed is echoed back where it could hold an identity number.
      const safe = Object.fromEntries(Object.entries(fields).filter(([k]) => !e.problems.some((p) => p.field === k)));
      return participantsPage(c, { problems: e.problems, values: safe });
    }
  });

  app.get('/f/:federationId/insatser/:id/deltagare/mall.csv', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    await assertInterventionExists(db, f.id, id);
    const body = tableToCsv({
      title: 'Deltagarmall',
      columns: templateColumns.map((t) => ({ key: t.key, header: t.header, kind: 'text' as const })),
      rows: templateExample.map((r) => ({ cells: Object.fromEntries(templateColumns.map((t, i) => [t.key, r[i] ?? ''])) })),
    });
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="deltagarmall.csv"' });
  });

  app.post('/f/:federationId/insatser/:id/deltagare/import', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new InputError({ field: 'file', message: 'Välj en fil att läsa in.' });
    if (file.size > maxUploadBytes) throw new InputError({ file: file.name, field: 'file', message: 'Filen är större än 10 MB. Dela upp den.' });
    const { imported } = await importParticipations(db, f.id, id, { name: file.name, data: new Uint8Array(await file.arrayBuffer()) }, ctx.actor);
    return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'participants-imported', imported);
  });

  app.get('/f/:federationId/insatser/:id/deltagare/:pid/avsluta', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    requirePermission(c, 'participants:write', { interventionId: id });
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    if (!p) return c.notFound();
    return c.html(<CloseParticipationPage model={{ federation: f, interventionId: id, participation: p }} />);
  });

  app.post('/f/:federationId/insatser/:id/deltagare/:pid/avsluta', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await closeParticipation(db, f.id, id, pid, await formFields(c), ctx.actor);
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    return p ? redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'participant-closed', p.code) : redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'changed');
  });
  return app;
};
