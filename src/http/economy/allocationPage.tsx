/**
 * A förbund-year's allocation (medelstilldelning), its allocation key (fördelningsnyckel) and the contributions per
 * member (bidrag): a view of AllocationPageModel, which the route's loader builds (src/http/economy/memberRoutes.tsx).
 */
import type { FederationRef } from '../context.ts';
import { memberKindLabels } from '../../core/economy/types.ts';
import type { PayerGroup } from '../../core/economy/allocation.ts';
import type { AllocationOverview } from '../../services/economy/allocation.ts';
import { DataTable } from '../kit/dataTable.tsx';
import { Downloads } from '../kit/downloads.tsx';
import { AmountField, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../kit/form.tsx';
import { Layout } from '../kit/layout.tsx';
import { formatKronor, formatNumber, formatShare, kronorText as kr } from '../kit/present.ts';
import { YearSelector } from '../kit/yearSelector.tsx';

/** The allocation page: the year's overview, the förbund's years, and a refused form's values and errors. */
export interface AllocationPageModel {
  readonly federation: FederationRef;
  readonly overview: AllocationOverview;
  readonly years: readonly number[];
  /** The forms only for those who may change the economy; the others read the allocation as text. */
  readonly canWrite: boolean;
  readonly errors?: FieldErrors | undefined;
  readonly general?: readonly string[] | undefined;
  readonly values?: Readonly<Record<string, string>> | undefined;
}

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace('\u2212', '-');
const groupLabels: Record<PayerGroup, string> = { state: 'Staten (FK och AF)', region: 'Region', municipalities: 'Kommunerna' };

export function AllocationPage(props: { model: AllocationPageModel }) {
  const model = props.model;
  const o = model.overview;
  const base = `/f/${model.federation.id}/ar/${o.year}`;
  const v = model.values ?? {};
  const e = model.errors ?? {};
  const municipalities = o.members.filter((m) => m.kind === 'municipality');
  const key = o.key;
  const bpText = (bp: number | undefined) => (bp === undefined ? '' : plain(formatNumber(bp / 100, bp % 100 === 0 ? 0 : 2)));
  const weightOf = (id: number) => key?.weights.find((w) => w.memberId === id)?.weight;
  const basis = v.basis ?? key?.municipalBasis ?? 'population';
  const kindOf = new Map(o.members.map((m) => [m.id, memberKindLabels[m.kind]]));
  // State first, then region(s), then municipalities, in the members' order.
  const memberOrder = new Map(o.members.map((m, i) => [m.id, i]));
  const contributions = [...o.contributions].sort((a, b) => (a.memberId === null ? -1 : (memberOrder.get(a.memberId) ?? 1e9)) - (b.memberId === null ? -1 : (memberOrder.get(b.memberId) ?? 1e9)));
  return (
    <Layout title={`Medelstilldelning ${o.year}`} federation={model.federation}>
      <h1>Medelstilldelning {o.year}</h1>
      <YearSelector action={`/f/${model.federation.id}/medelstilldelning`} years={model.years} selected={o.year} />
      <ErrorSummary errors={model.errors} general={model.general} />
      {model.canWrite ? (
        <Form action={`${base}/medelstilldelning`} label="Medelstilldelning">
          <div class="form-row">
            <AmountField name="allocation" label={`Medelstilldelning ${o.year}`} value={v.allocation ?? (o.allocationOre === null ? '' : plain(formatKronor(o.allocationOre)))} error={e.allocation} />
            <SubmitButton label="Spara medelstilldelning" />
          </div>
        </Form>
      ) : (
        <p>Medelstilldelning {o.year}: {o.allocationOre === null ? 'inte angiven' : kr(o.allocationOre)}.</p>
      )}

      <h2 id="bidrag">Bidrag per medlem</h2>
      <DataTable
        caption={`Bidrag ${o.year}`}
        columns={[{ heading: 'Betalare' }, { heading: 'Typ' }, { heading: 'Bidrag', numeric: true }, ...(o.fromKey ? [{ heading: 'Enligt nyckeln', numeric: true }] : [])]}
        rows={[
          ...contributions.map((c) => ({
            cells: [
              c.payerName,
              c.memberId === null ? 'Staten' : (kindOf.get(c.memberId) ?? ''),
              kr(c.amountOre),
              ...(o.fromKey ? [(() => { const k = o.fromKey!.find((x) => x.memberId === c.memberId); return k ? kr(k.amountOre) : '–'; })()] : []),
            ],
          })),
          ...(o.fromKey ?? [])
            .filter((k) => !o.contributions.some((c) => c.memberId === k.memberId))
            .map((k) => ({ cells: [k.payerName, k.memberId === null ? 'Staten' : (kindOf.get(k.memberId) ?? ''), '–', kr(k.amountOre)] })),
          ...(o.check ? [{ kind: 'total' as const, cells: ['Summa', '', kr(o.check.totalOre), ...(o.fromKey ? [kr(o.fromKey.reduce((a, k) => a + k.amountOre, 0))] : [])] }] : []),
        ]}
        empty="Inga bidrag är registrerade för året."
      />
      {o.check ? (
        <>
          {o.check.differenceOre === 0 ? (
            <p>Bidragen summerar till medelstilldelningen.</p>
          ) : (
            <p class="warning">
              Bidragen summerar till {kr(o.check.totalOre)} men medelstilldelningen är {kr(o.check.allocationOre)} (skillnad {kr(o.check.differenceOre)}).
            </p>
          )}
          <DataTable
            caption={`Andelar per huvudman ${o.year}`}
            columns={[{ heading: 'Huvudman' }, { heading: 'Bidrag', numeric: true }, { heading: 'Andel', numeric: true }]}
            rows={(['state', 'region', 'municipalities'] as const).map((g) => ({ cells: [groupLabels[g], kr(o.check!.byGroup[g]), formatShare(o.check!.shares[g])] }))}
          />
        </>
      ) : null}
      {o.fromKey && model.canWrite ? (
        <Form action={`${base}/bidrag`} label="Beräkna bidrag från nyckeln">
          <p>Beräkna bidragen från fördelningsnyckeln och spara dem (ersätter bidragen ovan). Delarna summerar exakt till medelstilldelningen.</p>
          <SubmitButton label="Beräkna och spara bidrag" />
        </Form>
      ) : null}

      <Downloads federationId={model.federation.id} year={o.year} files={[['bidrag', `Bidrag ${o.year}`]]} />
      <h2 id="nyckel">Fördelningsnyckel</h2>
      <p>Staten betalar hälften enligt lag; regionen och kommunerna delar resten enligt överenskommelse. Kommunerna delar sin del efter befolkning eller fasta belopp.</p>
      {key ? (
        <p>
          Nyckel {o.year}: staten {bpText(key.stateShareBp)} %, region {bpText(key.regionShareBp)} %, kommunerna {bpText(key.municipalitiesShareBp)} %,
          kommunerna sinsemellan {key.municipalBasis === 'fixed' ? 'efter fasta belopp' : 'efter befolkning'}.
        </p>
      ) : (
        <p>Ingen fördelningsnyckel är sparad för {o.year}.</p>
      )}
      {model.canWrite ? (
      <Form action={`${base}/fordelningsnyckel`} label="Fördelningsnyckel">
        <fieldset>
          <legend>Andelar i procent</legend>
          <div class="form-row">
            <TextField name="stateShare" label="Staten (FK och AF)" inputmode="decimal" size={6} value={v.stateShare ?? bpText(key?.stateShareBp ?? 5000)} error={e.stateShare} />
            <TextField name="regionShare" label="Region" inputmode="decimal" size={6} value={v.regionShare ?? bpText(key?.regionShareBp ?? 2500)} error={e.regionShare} />
            <TextField name="municipalitiesShare" label="Kommunerna" inputmode="decimal" size={6} value={v.municipalitiesShare ?? bpText(key?.municipalitiesShareBp ?? 2500)} error={e.municipalitiesShare} />
          </div>
        </fieldset>
        <SelectField
          name="basis"
          label="Kommunernas fördelning"
          value={basis}
          options={[
            { value: 'population', label: 'Efter befolkning' },
            { value: 'fixed', label: 'Efter fasta belopp (kronor)' },
          ]}
        />
        <fieldset>
          <legend>{basis === 'fixed' ? 'Fast belopp per kommun (kronor)' : 'Befolkning per kommun (eller fast belopp i kronor, om det väljs ovan)'}</legend>
          {municipalities.length ? (
            municipalities.map((m) => {
              const w = weightOf(m.id);
              const shown = w === undefined ? '' : basis === 'fixed' ? plain(formatKronor(w)) : plain(formatNumber(w));
              return <TextField name={`weight-${m.id}`} label={m.name} inputmode="numeric" size={12} value={v[`weight-${m.id}`] ?? shown} error={e[`weight-${m.id}`]} />;
            })
          ) : (
            <p>Förbundet har inga kommuner som medlemmar.</p>
          )}
        </fieldset>
        <SubmitButton label="Spara fördelningsnyckel" />
      </Form>
      ) : null}
      <p>
        <a href={`/f/${model.federation.id}/medlemmar`}>Medlemmar</a>
      </p>
    </Layout>
  );
}
