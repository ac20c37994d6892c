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
import { csrfTokenOf, formFields, idParam, interventionsBase } from './interventionsCommon.ts';
import { CsrfField, ErrorSummary, Field, SelectField } from './interventionsViews.tsx';

const maxUploadBytes = 10 * 1024 * 1024;

/** The team's own pages: its participants, register a new one, close one, import the spreadsheet. */
export const interventionParticipantRoutes: RouteModule = (app, { db }) => {
  /** The team's page; after a refused registration it shows the problems and keeps what was chosen. */
  async function participantsPage(c: Context<AppEnv>, refused?: { problems: readonly InputProblem[]; values: Record<string, unknown> }) {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    const value = (name: string) => (refused ? String(refused.values[name] ?? '') : undefined);
    const intervention = await getIntervention(db, f.id, id);
    const list = await listParticipations(db, f.id, id);
    const members = await listMembers(db, f.id);
    const base = `${interventionsBase(f.id)}/${id}/deltagare`;
    // Only well-formed codes and counts are echoed back (nothing else from the query reaches the page).
    const code = (name: string) => {
      const v = c.req.query(name) ?? '';
      return /^D-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(v) ? v : null;
    };
    const created = code('ny');
    const closed = code('avslutad');
    const imported = /^\d{1,6}$/.test(c.req.query('importerade') ?? '') ? c.req.query('importerade') : null;
    const active = list.filter((p) => p.endDate === null);
    const ended = list.filter((p) => p.endDate !== null);
    return c.html(
      <Layout title={`Deltagare – ${intervention.name}`} federation={f}>
        <h1>Deltagare i {intervention.name}</h1>
        <p>
          <a href={`${interventionsBase(f.id)}/${id}`}>Om insatsen</a> · <a href={`${interventionsBase(f.id)}/${id}/statistik`}>Statistik</a>
        </p>
        {created ? (
          <p class="notice" role="status">
            Deltagaren är registrerad med koden <strong>{created}</strong>. Anteckna koden i teamets egen journal – Samordna vet inte vem det är.
          </p>
        ) : null}
        {closed ? (
          <p class="notice" role="status">
            Deltagandet {closed} är avslutat.
          </p>
        ) : null}
        {imported ? (
          <p class="notice" role="status">
            {imported} deltagare lästes in.
          </p>
        ) : null}
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
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>

        <form method="post" action={base}>
          <CsrfField token={csrfTokenOf(c)} />
          <h2>Registrera ny deltagare</h2>
          {refused ? <ErrorSummary problems={refused.problems} labels={participationFieldLabels} /> : null}
          <SelectField label="Kön" name="gender" vocab={Gender} required value={value('gender')} />
          <SelectField label="Åldersgrupp vid start" name="ageBand" vocab={AgeBand} required value={value('ageBand')} />
          <Field label="Hemkommun" name="homeMunicipality">
            <select id="f-homeMunicipality" name="homeMunicipality">
              <option value="">– uppgift saknas –</option>
              {[...members.filter((m) => m.kind === 'municipality').map((m) => m.name), otherMunicipality].map((name) => (
                <option value={name} selected={value('homeMunicipality') === name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Remitterande medlem" name="referringMemberId">
            <select id="f-referringMemberId" name="referringMemberId">
              <option value="">– uppgift saknas –</option>
              {members.map((m) => (
                <option value={String(m.id)} selected={value('referringMemberId') === String(m.id)}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          <SelectField label="Huvudsaklig försörjning före start" name="supportBefore" vocab={SupportSource} required value={value('supportBefore')} />
          <SelectField label="Tid med offentlig försörjning" name="supportDuration" vocab={SupportDuration} required value={value('supportDuration')} />
          <SelectField label="Högsta slutförda utbildning" name="education" vocab={Education} required value={value('education')} />
          <Field label="Startdatum" name="startDate" type="date" required value={value('startDate')} />
          <button type="submit">Registrera deltagare</button>
        </form>

        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <CsrfField token={csrfTokenOf(c)} />
          <h2>Läs in från kalkylark</h2>
          <p>
            Excel (.xlsx) eller CSV enligt <a href={`${base}/mall.csv`}>mallen</a>. Allt eller inget: vid fel läses ingenting in och varje fel visas med rad och
            kolumn.
          </p>
          <Field label="Fil" name="file">
            <input id="f-file" name="file" type="file" accept=".xlsx,.csv,text/csv" required />
          </Field>
          <button type="submit">Läs in</button>
        </form>
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
      return c.redirect(`${interventionsBase(f.id)}/${id}/deltagare?ny=${encodeURIComponent(code)}`, 303);
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
    return c.redirect(`${interventionsBase(f.id)}/${id}/deltagare?importerade=${imported}`, 303);
  });

  app.get('/f/:federationId/insatser/:id/deltagare/:pid/avsluta', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    requirePermission(c, 'participants:write', { interventionId: id });
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    if (!p) return c.notFound();
    return c.html(
      <Layout title={`Avsluta ${p.code}`} federation={f}>
        <h1>Avsluta deltagande {p.code}</h1>
        <p>Startade {p.startDate}.</p>
        <form method="post" action={`${interventionsBase(f.id)}/${id}/deltagare/${pid}/avsluta`}>
          <CsrfField token={csrfTokenOf(c)} />
          <Field label="Slutdatum" name="endDate" type="date" required />
          <SelectField label="Avslutsorsak" name="exitOutcome" vocab={ExitOutcome} required />
          <SelectField label="Huvudsaklig försörjning efter" name="supportAfter" vocab={SupportSource} />
          <button type="submit">Avsluta deltagandet</button>
        </form>
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
    return c.redirect(`${interventionsBase(f.id)}/${id}/deltagare?avslutad=${encodeURIComponent(p?.code ?? '')}`, 303);
  });
};
