import type { RouteModule } from '../app.tsx';
import { redirectWithFlash } from '../views/flash.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import { parseYear, valueOrThrow } from '../../core/input/index.ts';
import { NotFoundError } from '../../core/errors.ts';
import { InputError } from '../../core/errors.ts';
import { pathId } from '../params.ts';
import { parseId } from '../../core/input/index.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { formatKronor, objectsText } from '../views/ledger/format.ts';
import { addMapping, deleteMapping, listMappings, loadLedgerOutcome, type LedgerOutcome } from '../../services/ledger/mapping.ts';
import { findLedgerYear, listLedgerYears } from '../../services/ledger/statements.ts';
import type { Queryable } from '../../db/database.ts';
import { Form, FormSecurityFields, SelectField, SubmitButton, TextField, formState } from '../views/form.tsx';

const sectionLabels: Record<string, string> = {
  income: 'Intäkter',
  administration: 'Administration',
  individual: 'Individinsatser',
  structural: 'Strukturpåverkande insatser',
  process_support: 'Processtöd samverkansinsatser',
};

interface BudgetLineRow {
  id: number;
  section: string;
  label: string;
}

async function budgetLines(db: Queryable, federationId: number): Promise<BudgetLineRow[]> {
  return db.query<BudgetLineRow>('select id, section, label from budget_line where federation_id = $1 order by sort_order, section, label', [federationId]);
}

/** Names of the accounts and objects in a year's ledger, for the page (and the form's suggestions). */
async function ledgerNames(db: Queryable, federationId: number, year: number | null) {
  const ref = year === null ? null : await findLedgerYear(db, federationId, year);
  if (!ref) return { accounts: new Map<string, string>(), objects: [] as { dimension: string; code: string; name: string; dimensionName: string }[] };
  const accounts = await db.query<{ account: string; name: string }>('select account, name from ledger_account where federation_id = $1 and year_id = $2', [federationId, ref.yearId]);
  const objects = await db.query<{ dimension: string; code: string; name: string; dimension_name: string | null }>(
    `select o.dimension, o.code, o.name, d.name as dimension_name from ledger_object o
     left join ledger_dimension d on d.year_id = o.year_id and d.dimension = o.dimension
     where o.federation_id = $1 and o.year_id = $2 order by o.dimension, o.code`,
    [federationId, ref.yearId],
  );
  return {
    accounts: new Map(accounts.map((a) => [a.account, a.name])),
    objects: objects.map((o) => ({ dimension: o.dimension, code: o.code, name: o.name, dimensionName: o.dimension_name ?? `Dimension ${o.dimension}` })),
  };
}

/** A new mapping: budget line (chosen, never preselected), accounts and/or object. */
function NewMappingForm(props: { action: string; year: number | null; lines: readonly { id: number; label: string; section: string }[]; objects: readonly { dimension: string; code: string; dimensionName: string; name: string }[] }) {
  const s = formState(props.action, { year: props.year });
  return (
    <Form action={props.action} label="Ny koppling">
      <h2>Ny koppling</h2>
      <input type="hidden" name="year" value={s.value('year')} />
      <SelectField
        {...s.bind('budgetLineId')}
        label="Budgetpost"
        required
        options={[...new Set(props.lines.map((l) => l.section))].flatMap((sec) => props.lines.filter((l) => l.section === sec).map((l) => ({ value: String(l.id), label: `${sectionLabels[sec] ?? sec}: ${l.label}` })))}
      />
      <TextField {...s.bind('accounts')} label="Konton" hint="Ett konto eller ett intervall, t.ex. 4610 eller 4000-4999" inputmode="numeric" />
      <TextField {...s.bind('object')} label="Objekt" hint="dimension:objekt, t.ex. 6:P01 (förslag ur huvudboken)" list="ledger-objects" />
      <datalist id="ledger-objects">
        {props.objects.map((o) => (
          <option value={`${o.dimension}:${o.code}`}>
            {o.dimensionName}: {o.name}
          </option>
        ))}
      </datalist>
      <SubmitButton label="Spara kopplingen" />
    </Form>
  );
}

/** Mapping of accounts and dimension objects to budget lines: page, form posts and JSON. */
export const ledgerMappingRoutes: RouteModule = (app, { db }) => {
  const render = async (federation: { id: number; name: string }, yearText: string | undefined, canEdit: boolean, error?: InputError) => {
    const years = await listLedgerYears(db, federation.id);
    const year = yearText && Number.isInteger(Number(yearText)) ? Number(yearText) : (years[0]?.year ?? null);
    const outcome = year === null ? null : await loadLedgerOutcome(db, federation.id, year);
    return (
      <MappingPage
        federation={federation}
        years={years.map((y) => y.year)}
        year={year}
        lines={await budgetLines(db, federation.id)}
        mappings={await listMappings(db, federation.id)}
        outcome={outcome}
        names={await ledgerNames(db, federation.id, year)}
        canEdit={canEdit}
        error={error}
      />
    );
  };

  app.get('/f/:federationId/ledger/mapping', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await render(federation, c.req.query('year'), c.get('ctx').can('ledger:write')));
  });

  app.post('/f/:federationId/ledger/mapping', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = await c.req.parseBody();
    const year = typeof body['year'] === 'string' ? body['year'] : undefined;
    try {
      await addMapping(db, federation.id, { budgetLineId: valueOrThrow(parseId(body['budgetLineId']), { field: 'budgetLineId' }), accounts: String(body['accounts'] ?? ''), object: String(body['object'] ?? '') }, ctx.actor);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The form is shown again with what was typed and each message beside its field (app.tsx).
      const fields: Record<string, string> = { konton: 'accounts', objekt: 'object', budgetpost: 'budgetLineId' };
      if (typeof body['_page'] === 'string') throw new InputError(e.problems.map((p) => ({ ...p, field: p.field ? (fields[p.field] ?? p.field) : undefined })));
      return c.html(await render(federation, year, true, e), 400);
    }
    return redirectWithFlash(c, `/f/${federation.id}/ledger/mapping${year ? `?year=${encodeURIComponent(year)}` : ''}`, 'mapping');
  });

  app.post('/f/:federationId/ledger/mapping/:id/delete', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    await deleteMapping(db, federation.id, pathId(c, 'id'), ctx.actor);
    const body = await c.req.parseBody();
    const year = typeof body['year'] === 'string' ? body['year'] : undefined;
    return redirectWithFlash(c, `/f/${federation.id}/ledger/mapping${year ? `?year=${encodeURIComponent(year)}` : ''}`, 'mapping-removed');
  });

  app.get('/api/federations/:federationId/ledger/mapping', async (c) => {
    requirePermission(c, 'economy:read');
    return c.json(await listMappings(db, requireFederation(c).id));
  });

  app.post('/api/federations/:federationId/ledger/mapping', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = (await c.req.json().catch(() => null)) as { budgetLineId?: number; accounts?: string; object?: string } | null;
    if (!body || typeof body.budgetLineId !== 'number') throw new InputError({ field: 'budgetLineId', message: 'budgetLineId saknas.' });
    const id = await addMapping(db, federation.id, { budgetLineId: body.budgetLineId, accounts: body.accounts ?? null, object: body.object ?? null }, ctx.actor);
    return c.json({ id }, 201);
  });

  app.get('/api/federations/:federationId/ledger/outcome', async (c) => {
    requirePermission(c, 'economy:read');
    const year = valueOrThrow(parseYear(c.req.query('year') ?? ''), { field: 'year' });
    const outcome = await loadLedgerOutcome(db, requireFederation(c).id, year);
    if (!outcome) throw new NotFoundError('Det finns ingen huvudbok för året.');
    return c.json(outcome);
  });
};

function MappingPage(props: {
  federation: { id: number; name: string };
  years: number[];
  year: number | null;
  lines: BudgetLineRow[];
  mappings: Awaited<ReturnType<typeof listMappings>>;
  outcome: LedgerOutcome | null;
  names: Awaited<ReturnType<typeof ledgerNames>>;
  canEdit: boolean;
  error?: InputError | undefined;
}) {
  const base = `/f/${props.federation.id}/ledger/mapping`;
  const objectName = (dimension: string | null, code: string | null) => props.names.objects.find((o) => o.dimension === dimension && o.code === code)?.name;
  const lineById = new Map(props.lines.map((l) => [l.id, l]));
  const sections = [...new Set(props.lines.map((l) => l.section))];
  return (
    <Layout title="Koppling till budgetposter" federation={props.federation}>
      <h1>Koppling av konton och objekt till budgetposter</h1>
      <p>
        Utfallet per budgetpost räknas ur huvudbokens verifikationer: varje rad på ett intäkts- eller kostnadskonto förs till den mest specifika
        kopplingen (objekt och konton före objekt, objekt före enskilt konto, enskilt konto före intervall). Rader som ingen koppling fångar visas nedan
        som en varning, med belopp – de tas aldrig bort.
      </p>
      {props.years.length ? (
        <form method="get" action={base}>
          <label for="year">Räkenskapsår</label>
          <select id="year" name="year">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === props.year}>
                {y}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Visa</button>
        </form>
      ) : (
        <p>Ingen huvudbok är inläst ännu.</p>
      )}
      {props.error ? (
        <div class="error" role="alert">
          {props.error.problems.map((p) => (
            <p>{p.message}</p>
          ))}
        </div>
      ) : null}
      {props.outcome && props.outcome.unmapped.length ? (
        <div class="warning" role="note">
          <ScrollTable>
            <table>
            <caption>Utfall {props.year} som inte är kopplat till någon budgetpost</caption>
            <thead>
              <tr>
                <th scope="col">Konto</th>
                <th scope="col">Objekt</th>
                <th scope="col" class="num">Intäkt (kr)</th>
                <th scope="col" class="num">Kostnad (kr)</th>
              </tr>
            </thead>
            <tbody>
              {props.outcome.unmapped.map((u) => (
                <tr>
                  <th scope="row">
                    {u.account} {props.names.accounts.get(u.account) ?? ''}
                  </th>
                  <td>{objectsText(u.objects)}</td>
                  <td class="num">{formatKronor(u.incomeOre)}</td>
                  <td class="num">{formatKronor(u.costOre)}</td>
                </tr>
              ))}
            </tbody>
            </table>
          </ScrollTable>
        </div>
      ) : props.outcome ? (
        <p role="status">Allt utfall {props.year} på intäkts- och kostnadskonton är kopplat till budgetposter.</p>
      ) : null}
      <ScrollTable>
        <table>
        <caption>Kopplingar</caption>
        <thead>
          <tr>
            <th scope="col">Budgetpost</th>
            <th scope="col">Konton</th>
            <th scope="col">Objekt</th>
            {props.canEdit ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.mappings.map((m) => (
            <tr>
              <th scope="row">
                {m.budgetLineLabel} <span class="muted">({sectionLabels[m.budgetLineSection] ?? m.budgetLineSection})</span>
              </th>
              <td>{m.accountFrom === null ? 'alla' : m.accountFrom === m.accountTo ? m.accountFrom : `${m.accountFrom}–${m.accountTo}`}</td>
              <td>{m.dimension === null ? '–' : `${m.dimension}:${m.objectCode} ${objectName(m.dimension, m.objectCode) ?? ''}`}</td>
              {props.canEdit ? (
                <td>
                  <a href={`${base}/${m.id}`} aria-label={`Ändra kopplingen till ${m.budgetLineLabel}`}>
                    Ändra
                  </a>{' '}
                  <form method="post" action={`${base}/${m.id}/delete`} class="inline">
                    <FormSecurityFields />
                    <input type="hidden" name="year" value={props.year === null ? '' : String(props.year)} />
                    <button type="submit" aria-label={`Ta bort kopplingen till ${m.budgetLineLabel}`}>
                      Ta bort
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
          {props.mappings.length === 0 ? (
            <tr>
              <td colspan={props.canEdit ? 4 : 3}>Inga kopplingar ännu.</td>
            </tr>
          ) : null}
        </tbody>
        </table>
      </ScrollTable>
      {props.canEdit ? (
        props.lines.length ? (
          <NewMappingForm action={base} year={props.year} lines={props.lines} objects={props.names.objects} />
        ) : (
          <p>Förbundet har inga budgetposter ännu; lägg upp budgeten först.</p>
        )
      ) : null}
      {props.outcome ? (
        <ScrollTable>
          <table>
          <caption>Utfall {props.year} per budgetpost ur huvudboken (kr)</caption>
          <thead>
            <tr>
              <th scope="col">Budgetpost</th>
              <th scope="col" class="num">Intäkt</th>
              <th scope="col" class="num">Kostnad</th>
            </tr>
          </thead>
          <tbody>
            {props.outcome.lines.map((l) => (
              <tr>
                <th scope="row">{lineById.get(l.budgetLineId)?.label ?? l.budgetLineId}</th>
                <td class="num">{formatKronor(l.incomeOre)}</td>
                <td class="num">{formatKronor(l.costOre)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </Layout>
  );
}
