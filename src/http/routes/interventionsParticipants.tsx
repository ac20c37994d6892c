import type { RouteModule } from '../app.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { InputError } from '../../core/errors.ts';
import { otherMunicipality, participationFieldLabels } from '../../core/interventions/participation.ts';
import type { InputProblem } from '../../core/errors.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { assertInterventionExists, getIntervention } from '../../services/interventions/interventions.ts';
import { listMembers } from '../../services/interventions/members.ts';
import { closeParticipation, listParticipations, registerParticipation } from '../../services/interventions/participations.ts';
import { importParticipations } from '../../importers/participants/importParticipations.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { templateColumns, templateExample } from '../../importers/participants/template.ts';
import { formFields, idParam, interventionsBase } from './interventionsCommon.ts';
import { redirectWithFlash } from '../views/flash.tsx';
import { ErrorSummary as FormErrorSummary, FileField, Form, SelectField as ChoiceField, SubmitButton, TextField, formState } from '../views/form.tsx';

const vocabOptions = (v: { codes: readonly string[]; labels: Record<string, string> }) => v.codes.map((c) => ({ value: c, label: v.labels[c]! }));

const maxUploadBytes = 10 * 1024 * 1024;

/** The team's own pages: its participants, register a new one, close one, import the spreadsheet. */
export const interventionParticipantRoutes: RouteModule = (app, { db }) => {
  /** The team's page; after a refused registration it shows the problems and keeps what was chosen. */
  async function participantsPage(c: Context<AppEnv>, refused?: { problems: readonly InputProblem[]; values: Record<string, unknown> }) {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    const value = (name: string) => (refused ? String(refused.values[name] ?? '') : undefined);
    const errors: Record<string, string> = {};
    const general: string[] = [];
    for (const pr of refused?.problems ?? []) {
      if (pr.field && !(pr.field in errors)) errors[pr.field] = pr.message;
      else general.push(pr.message);
    }
    const intervention = await getIntervention(db, f.id, id);
    const list = await listParticipations(db, f.id, id);
    const members = await listMembers(db, f.id);
    const base = `${interventionsBase(f.id)}/${id}/deltagare`;
    const active = list.filter((p) => p.endDate === null);
    const ended = list.filter((p) => p.endDate !== null);
    return c.html(
      <Layout title={`Deltagare – ${intervention.name}`} federation={f}>
        <h1>Deltagare i {intervention.name}</h1>
        <p>
          <a href={`${interventionsBase(f.id)}/${id}`}>Om insatsen</a> · <a href={`${interventionsBase(f.id)}/${id}/statistik`}>Statistik</a>
        </p>
        <p>Deltagare registreras med en kod som Samordna slumpar fram. Skriv aldrig namn, personnummer eller annat som kan identifiera någon.</p>
        <ScrollTable>
          <table>
          <caption>Pågående deltagande ({active.length})</caption>
          <thead>
            <tr>
              <th scope="col">Kod</th>
              <th scope="col">Startdatum</th>
              <th scope="col">Kön</th>
              <th scope="col">Åldersgrupp</th>
              <th scope="col">Försörjning före</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {active.map((p) => (
              <tr>
                <th scope="row">{p.code}</th>
                <td>{p.startDate}</td>
                <td>{Gender.label(p.gender)}</td>
                <td>{AgeBand.label(p.ageBand)}</td>
                <td>{SupportSource.label(p.supportBefore)}</td>
                <td>
                  <a href={`${base}/${p.id}/avsluta`} aria-label={`Avsluta deltagande ${p.code}`}>
                    Avsluta
                  </a>{' '}
                  ·{' '}
                  <a href={`${base}/${p.id}`} aria-label={`Ändra deltagande ${p.code}`}>
                    Ändra
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>
        <ScrollTable>
          <table>
          <caption>Avslutade deltaganden ({ended.length})</caption>
          <thead>
            <tr>
              <th scope="col">Kod</th>
              <th scope="col">Startdatum</th>
              <th scope="col">Slutdatum</th>
              <th scope="col">Avslutsorsak</th>
              <th scope="col">Försörjning efter</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {ended.map((p) => (
              <tr>
                <th scope="row">{p.code}</th>
                <td>{p.startDate}</td>
                <td>{p.endDate}</td>
                <td>{p.exitOutcome ? ExitOutcome.label(p.exitOutcome) : '–'}</td>
                <td>{p.supportAfter ? SupportSource.label(p.supportAfter) : '–'}</td>
                <td>
                  <a href={`${base}/${p.id}`} aria-label={`Ändra eller återöppna deltagande ${p.code}`}>
                    Ändra
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>

        <Form action={base} label="Registrera ny deltagare">
          <h2>Registrera ny deltagare</h2>
          {refused ? <FormErrorSummary errors={errors} general={general} /> : null}
          <ChoiceField name="gender" label="Kön" required options={vocabOptions(Gender)} value={value('gender')} error={errors.gender} />
          <ChoiceField name="ageBand" label="Åldersgrupp vid start" required options={vocabOptions(AgeBand)} value={value('ageBand')} error={errors.ageBand} />
          <ChoiceField
            name="homeMunicipality"
            label="Hemkommun"
            placeholder="– uppgift saknas –"
            options={[...members.filter((m) => m.kind === 'municipality').map((m) => m.name), otherMunicipality].map((n) => ({ value: n, label: n }))}
            value={value('homeMunicipality')}
            error={errors.homeMunicipality}
          />
          <ChoiceField
            name="referringMemberId"
            label="Remitterande medlem"
            placeholder="– uppgift saknas –"
            options={members.map((m) => ({ value: String(m.id), label: m.name }))}
            value={value('referringMemberId')}
            error={errors.referringMemberId}
          />
          <ChoiceField name="supportBefore" label="Huvudsaklig försörjning före start" required options={vocabOptions(SupportSource)} value={value('supportBefore')} error={errors.supportBefore} />
          <ChoiceField name="supportDuration" label="Tid med offentlig försörjning" required options={vocabOptions(SupportDuration)} value={value('supportDuration')} error={errors.supportDuration} />
          <ChoiceField name="education" label="Högsta slutförda utbildning" required options={vocabOptions(Education)} value={value('education')} error={errors.education} />
          <TextField name="startDate" label="Startdatum" type="date" required value={value('startDate')} error={errors.startDate} />
          <SubmitButton label="Registrera deltagare" />
        </Form>

        <Form action={`${base}/import`} enctype="multipart/form-data" label="Läs in från kalkylark">
          <h2>Läs in från kalkylark</h2>
          <p>
            Excel (.xlsx) eller CSV enligt <a href={`${base}/mall.csv`}>mallen</a>. Allt eller inget: vid fel läses ingenting in och varje fel visas med rad och
            kolumn.
          </p>
          <FileField name="file" label="Fil" accept=".xlsx,.csv,text/csv" required />
          <SubmitButton label="Läs in" />
        </Form>
      </Layout>,
      refused ? 400 : 200,
    );
  }

  app.get('/f/:federationId/insatser/:id/deltagare', (c) => participantsPage(c));

  app.post('/f/:federationId/insatser/:id/deltagare', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    const fields = await formFields(c);
    try {
      const { code } = await registerParticipation(db, ctx.actor, f.id, id, fields);
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
    const { imported } = await importParticipations(db, ctx.actor, f.id, id, { name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
    return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'participants-imported', imported);
  });

  app.get('/f/:federationId/insatser/:id/deltagare/:pid/avsluta', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    requirePermission(c, 'participants:write', { interventionId: id });
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    if (!p) return c.notFound();
    const closeAction = `${interventionsBase(f.id)}/${id}/deltagare/${pid}/avsluta`;
    const close = formState(closeAction);
    return c.html(
      <Layout title={`Avsluta ${p.code}`} federation={f}>
        <h1>Avsluta deltagande {p.code}</h1>
        <p>Startade {p.startDate}.</p>
        <Form action={closeAction} label={`Avsluta deltagande ${p.code}`}>
          <TextField {...close.bind('endDate')} label="Slutdatum" type="date" required />
          <ChoiceField {...close.bind('exitOutcome')} label="Avslutsorsak" required options={vocabOptions(ExitOutcome)} />
          <ChoiceField {...close.bind('supportAfter')} label="Huvudsaklig försörjning efter" placeholder="– uppgift saknas –" options={vocabOptions(SupportSource)} />
          <SubmitButton label="Avsluta deltagandet" />
        </Form>
        <p>
          Registrerades något fel? <a href={`${interventionsBase(f.id)}/${id}/deltagare/${pid}`}>Ändra deltagandet</a>.
        </p>
      </Layout>,
    );
  });

  app.post('/f/:federationId/insatser/:id/deltagare/:pid/avsluta', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await closeParticipation(db, ctx.actor, f.id, id, pid, await formFields(c));
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    return p ? redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'participant-closed', p.code) : redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare`, 'changed');
  });
};
