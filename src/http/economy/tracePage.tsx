/**
 * Where one budget line's outcome came from (issue 28): its outcome rows with their source, the file and row or
 * the person who wrote them; for a ledger year the SIE file, the accounts and objects with their monthly sums,
 * and the vouchers behind the line (a page at a time).
 */
import type { FederationRef } from '../context.ts';
import type { OutcomeSource } from '../../core/economy/outcomeSources.ts';
import { sectionLabels } from '../../core/economy/types.ts';
import type { OutcomeTrace, TracedEntry, Written } from '../../services/economy/outcomeTrace.ts';
import type { LedgerLineTrace, TracedVouchers } from '../../services/ledger/trace.ts';
import { Layout } from '../kit/layout.tsx';
import { DataTable } from '../kit/dataTable.tsx';
import { formatKronor } from '../kit/present.ts';
import { formatMonth, formatMonthShort, formatNumber } from '../../core/format.ts';

export const sourceLabels: Record<OutcomeSource, string> = { manual: 'inmatat', file: 'inläst fil', reference: 'referensfil', ledger: 'bokföringen (SIE)' };

export interface TracePageModel {
  readonly federation: FederationRef;
  readonly trace: OutcomeTrace;
  /** The year's ledger (SIE) behind the line, when the year was imported from SIE. */
  readonly ledger: LedgerLineTrace | null;
  /** The vouchers of the chosen period (ledger years only). */
  readonly vouchers: TracedVouchers | null;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

function who(w: { by: string; byName: string | null }): string {
  return w.byName ? `${w.byName} (${w.by})` : w.by;
}

function origin(e: TracedEntry): string {
  if (e.file) return `${e.file.fileName}${e.file.row ? `, rad ${e.file.row}` : ''} – inläst av ${who({ by: e.file.importedBy, byName: e.file.importedByName })} ${e.file.importedAt}`;
  const w: Written | null = e.written;
  const written = w ? `${w.action === 'insert' ? 'registrerat' : 'ändrat'} av ${who(w)} ${w.at}` : 'okänt när';
  if (e.source === 'ledger') return `bokföringen (se nedan), ${written}`;
  if (e.source === 'reference') return `referensfil, ${written}`;
  return written;
}

export function TracePage(props: { model: TracePageModel }) {
  const { federation: f, trace: t, ledger: l, vouchers } = props.model;
  const base = `/f/${f.id}/ar/${t.year}/utfall/kalla/${t.line.id}`;
  const period = t.month === null ? `hela ${t.year}` : `${formatMonth(t.month)} ${t.year}`;
  const next = vouchers?.more ? vouchers.offset + vouchers.limit : null;
  const monthQuery = t.month === null ? '' : `manad=${t.month}&`;
  return (
    <Layout title={`Källa: ${t.line.label} ${t.year}`} federation={f}>
      <h1>
        Källa: {t.line.label}, {period}
      </h1>
      <p>
        {sectionLabels[t.line.section]}. Varifrån utfallet kommer: varje utfallsrad med sin källa{l ? ', och bokföringen bakom den' : ''}.{' '}
        <a href={`/f/${f.id}/ar/${t.year}/utfall`}>Tillbaka till utfallet {t.year}</a>
      </p>
      <nav aria-label="Period">
        <ul class="inline-list">
          <li>{t.month === null ? <strong>Hela året</strong> : <a href={base}>Hela året</a>}</li>
          {months.map((m) => (
            <li>{t.month === m ? <strong>{formatMonthShort(m)}</strong> : <a href={`${base}?manad=${m}`}>{formatMonthShort(m)}</a>}</li>
          ))}
        </ul>
      </nav>
      <DataTable
        id="trace-entries"
        caption={`Utfallsrader, ${period} (kronor)`}
        columns={[{ heading: 'Månad' }, { heading: 'Källa' }, { heading: 'Intäkt', numeric: true }, { heading: 'Kostnad', numeric: true }, { heading: 'Räknas' }, { heading: 'Ursprung' }]}
        rows={t.entries.map((e) => ({
          cells: [formatMonth(e.month), sourceLabels[e.source], formatKronor(e.incomeOre), formatKronor(e.costOre), e.counted ? 'ja' : 'nej, ersatt', origin(e)],
        }))}
        empty="Inget utfall är registrerat för budgetposten."
      />
      {l ? (
        <section aria-labelledby="ledger-title">
          <h2 id="ledger-title">Bokföringen (SIE)</h2>
          <dl class="facts">
            <dt>Fil</dt>
            <dd>{l.file.fileName}</dd>
            <dt>SHA-256</dt>
            <dd>
              <code class="hash">{l.file.sha256}</code>
            </dd>
            <dt>Inläst av</dt>
            <dd>
              {who({ by: l.file.importedBy, byName: l.file.importedByName })}, {l.file.importedAt}
            </dd>
            <dt>Räkenskapsår</dt>
            <dd>
              {l.yearStart} – {l.yearEnd}
            </dd>
          </dl>
          <DataTable
            id="trace-accounts"
            caption="Konton och objekt som kontokopplingen för till budgetposten, bokfört per månad (kronor, debet positivt)"
            columns={[{ heading: 'Konto' }, { heading: 'Objekt' }, ...(l.basis === 'vouchers' ? months.map((m) => ({ heading: <abbr title={formatMonth(m)}>{formatMonthShort(m)}</abbr>, numeric: true })) : []), { heading: 'Året', numeric: true }]}
            rows={l.accounts.map((a) => ({
              cells: [
                `${a.account}${a.accountName ? ` ${a.accountName}` : ''}`,
                a.objects.map((o) => `${o.dimension}:${o.code}${o.name ? ` ${o.name}` : ''}`).join(', ') || '–',
                ...a.monthsOre.map((m) => formatKronor(m)),
                formatKronor(a.totalOre),
              ],
            }))}
            empty="Inga konton är kopplade till budgetposten."
          />
          {vouchers ? (
            <>
              <DataTable
                id="trace-vouchers"
                caption={`Verifikationer bakom budgetposten, ${period}: summa ${formatKronor(vouchers.sumOre)} kr (debet positivt)${vouchers.more || vouchers.offset ? `, rad ${formatNumber(vouchers.offset + 1)}–${formatNumber(vouchers.offset + vouchers.rows.length)}` : ''}`}
                columns={[{ heading: 'Verifikation' }, { heading: 'Datum' }, { heading: 'Text' }, { heading: 'Konto' }, { heading: 'Belopp', numeric: true }]}
                rows={vouchers.rows.map((r) => ({
                  cells: [`${r.series} ${r.number}`.trim(), r.transactionDate, [r.voucherText, r.rowText].filter((x) => x).join(' – ') + (r.added ? ' (tillagd rad)' : ''), r.account, formatKronor(r.amountOre)],
                }))}
                empty="Inga verifikationer i perioden."
              />
              {next !== null ? (
                <p>
                  <a href={`${base}?${monthQuery}fran=${next}`}>Nästa {formatNumber(vouchers.limit)} rader</a>
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
