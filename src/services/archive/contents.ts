/**
 * The contents of a förbund-year's archival package, read from the database: only a closed year (its figures
 * are final), refused with the reason otherwise. Data: the ledger (every voucher row of the year's active SIE
 * import), the outcome per line and month, the grants to interventions, the registry, and the participant
 * statistics exactly as published (the protected set: hidden cells stay hidden). Documents: the annual report.
 */
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { ArchiveContents, ArchiveTable } from '../../core/archive/contents.ts';
import type { StatTable } from '../../core/statistics/statTable.ts';
import type { Database } from '../../db/database.ts';
import { publishedStatistics } from '../interventions/publishedStatistics.ts';
import { annualReportDocument } from '../reports/documents.ts';

function isStatTable(v: unknown): v is StatTable {
  return !!v && typeof v === 'object' && Array.isArray((v as StatTable).cells) && Array.isArray((v as StatTable).colLabels) && Array.isArray((v as StatTable).rowLabels);
}

export async function archiveContents(db: Database, federationId: number, year: number): Promise<ArchiveContents> {
  const [f] = await db.query<{ id: number; name: string; organisationNumber: string | null }>('select id, name, organisation_number as "organisationNumber" from federation where id = $1', [federationId]);
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  const [closed] = await db.query<{ closedAt: string }>(`select to_char(closed_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "closedAt" from year_closing where federation_id = $1 and year = $2`, [federationId, year]);
  if (!closed) throw new InputError({ field: 'year', message: `Året ${year} är inte stängt (bokslut): bara ett stängt år kan arkiveras, eftersom dess siffror annars kan ändras.` });

  const ledger = await db.query<{ date: string; series: string; number: string; vtext: string; row: number; kind: string; account: string; objects: string | null; amount: number; text: string | null }>(
    `select to_char(t.transaction_date, 'YYYY-MM-DD') as date, v.series, v.number, v.text as vtext, t.row_no as row, t.kind, t.account,
            t.objects::text as objects, t.amount_ore::float8 as amount, t.text
     from ledger_year y join ledger_voucher v on v.federation_id = y.federation_id and v.year_id = y.id
     join ledger_transaction t on t.federation_id = y.federation_id and t.year_id = y.id and t.voucher_seq = v.seq
     where y.federation_id = $1 and y.state = 'active' and extract(year from y.start_date)::int = $2
     order by v.seq, t.row_no`,
    [federationId, year],
  );
  const outcome = await db.query<{ month: number; section: string; line: string; income: number; cost: number; source: string }>(
    `select o.month, l.section, l.label as line, o.income_ore::float8 as income, o.cost_ore::float8 as cost, o.source
     from outcome_entry o join budget_line l on l.federation_id = o.federation_id and l.id = o.budget_line_id
     where o.federation_id = $1 and o.year = $2 order by o.month, l.section, l.sort_order, l.label, o.source`,
    [federationId, year],
  );
  const grants = await db.query<{ intervention: string; decided: number; date: string; reference: string }>(
    `select i.name as intervention, g.decided_ore::float8 as decided, to_char(g.decision_date, 'YYYY-MM-DD') as date, g.reference
     from intervention_grant g join intervention i on i.federation_id = g.federation_id and i.id = g.intervention_id
     where g.federation_id = $1 and g.year = $2 order by i.name, g.decision_date`,
    [federationId, year],
  );
  const registry = await db.query<{ number: string; date: string; direction: string; party: string; subject: string; officer: string; caseNumber: string | null; documentClass: string | null; secrecy: string | null }>(
    `select e.year || '/' || e.number as number, to_char(e.entry_date, 'YYYY-MM-DD') as date, e.direction, e.party, e.subject, e.officer,
            case when c.id is null then null else c.year || '/' || c.number end as "caseNumber", d.code as "documentClass", e.secrecy_section as secrecy
     from registry_entry e left join registry_entry c on c.federation_id = e.federation_id and c.id = e.case_entry_id
     left join document_class d on d.federation_id = e.federation_id and d.id = e.document_class_id
     where e.federation_id = $1 and e.year = $2 order by e.number`,
    [federationId, year],
  );
  const { stats } = await publishedStatistics(db, federationId, year);
  const statRows: (string | number | null)[][] = [];
  for (const [key, t] of Object.entries(stats ?? {})) {
    if (!isStatTable(t)) continue;
    t.rowLabels.forEach((row, i) => t.colLabels.forEach((col, j) => statRows.push([key, t.title, row, col, t.cells[i]?.[j] ?? null])));
  }

  const tables: ArchiveTable[] = [
    {
      name: 'huvudbok',
      title: `Huvudbok ${year}`,
      description: 'Varje transaktionsrad i årets gällande SIE-import (räkenskapsinformation).',
      fields: [
        { name: 'datum', type: 'date', description: 'Transaktionsdatum' },
        { name: 'serie', type: 'string', description: 'Verifikationsserie' },
        { name: 'verifikation', type: 'string', description: 'Verifikationsnummer' },
        { name: 'verifikationstext', type: 'string', description: 'Verifikationens text' },
        { name: 'rad', type: 'integer', description: 'Radnummer i verifikationen' },
        { name: 'slag', type: 'string', description: 'normal (#TRANS), added (#RTRANS) eller removed (#BTRANS, räknas inte)' },
        { name: 'konto', type: 'string', description: 'Kontonummer' },
        { name: 'objekt', type: 'string', description: 'Objektlista som JSON (dimension och objekt), tom utan objekt' },
        { name: 'belopp_ore', type: 'integer', description: 'Belopp i öre, debet positivt' },
        { name: 'text', type: 'string', description: 'Radens text' },
      ],
      rows: ledger.map((r) => [r.date, r.series, r.number, r.vtext, r.row, r.kind, r.account, r.objects, r.amount, r.text]),
    },
    {
      name: 'utfall',
      title: `Utfall ${year}`,
      description: 'Utfall per budgetpost och månad, med källa.',
      fields: [
        { name: 'manad', type: 'integer', description: 'Månad 1–12' },
        { name: 'avsnitt', type: 'string', description: 'income, administration, individual, structural eller process_support' },
        { name: 'budgetpost', type: 'string', description: 'Budgetpostens namn' },
        { name: 'intakt_ore', type: 'integer', description: 'Intäkt i öre' },
        { name: 'kostnad_ore', type: 'integer', description: 'Kostnad i öre' },
        { name: 'kalla', type: 'string', description: 'manual, file, reference eller ledger' },
      ],
      rows: outcome.map((r) => [r.month, r.section, r.line, r.income, r.cost, r.source]),
    },
    {
      name: 'beviljade_medel',
      title: `Beviljade medel ${year}`,
      description: 'Styrelsens beslut om medel till insatser för året.',
      fields: [
        { name: 'insats', type: 'string', description: 'Insatsens namn' },
        { name: 'beviljat_ore', type: 'integer', description: 'Beviljat belopp i öre' },
        { name: 'beslutsdatum', type: 'date', description: 'Beslutets datum' },
        { name: 'referens', type: 'string', description: 'Beslutets referens (protokoll, paragraf)' },
      ],
      rows: grants.map((r) => [r.intervention, r.decided, r.date, r.reference]),
    },
    {
      name: 'diarium',
      title: `Diarium ${year}`,
      description: 'Årets diarieposter. En sekretessmarkerad post bär paragrafen i offentlighets- och sekretesslagen; paketet ska hanteras därefter.',
      fields: [
        { name: 'diarienummer', type: 'string', description: 'ÅÅÅÅ/N' },
        { name: 'datum', type: 'date', description: 'Inkommen, skickad eller upprättad' },
        { name: 'riktning', type: 'string', description: 'in, out eller internal' },
        { name: 'part', type: 'string', description: 'Avsändare eller mottagare (organisation eller roll)' },
        { name: 'mening', type: 'string', description: 'Vad handlingen gäller' },
        { name: 'handlaggare', type: 'string', description: 'Handläggare' },
        { name: 'arende', type: 'string', description: 'Diarienumret för ärendet posten hör till' },
        { name: 'handlingsslag', type: 'string', description: 'Beteckning i dokumenthanteringsplanen' },
        { name: 'sekretess', type: 'string', description: 'Paragraf i OSL när en del är sekretessbelagd' },
      ],
      rows: registry.map((r) => [r.number, r.date, r.direction, r.party, r.subject, r.officer, r.caseNumber, r.documentClass, r.secrecy]),
    },
    {
      name: 'deltagarstatistik',
      title: `Publicerad deltagarstatistik ${year}`,
      description: 'Den publicerade, skyddade statistiken: samma celler som förbundet publicerat; en dold cell är tom. Inga uppgifter om enskilda deltagare.',
      fields: [
        { name: 'tabell', type: 'string', description: 'Tabellens nyckel' },
        { name: 'tabellrubrik', type: 'string', description: 'Tabellens rubrik' },
        { name: 'rad', type: 'string', description: 'Radens etikett' },
        { name: 'kolumn', type: 'string', description: 'Kolumnens etikett' },
        { name: 'antal', type: 'integer', description: 'Antal personer; tom = dold (för litet antal eller härledbar)' },
      ],
      rows: statRows,
    },
  ];
  const report = await annualReportDocument(db, federationId, year);
  return { federation: f, year, closedAt: closed.closedAt, tables, documents: [{ name: 'arsredovisning', title: `Årsredovisning ${year}`, doc: report }] };
}
