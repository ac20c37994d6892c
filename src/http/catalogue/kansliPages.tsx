/** The kansli's and the staff's catalogue pages: which entries exist and are out of date, and one entry's form. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { FederationRef } from '../context.ts';
import { CheckboxField, CheckboxGroup, ErrorSummary, Form, Notice, SubmitButton, TextAreaField, TextField } from '../kit/form.tsx';
import { Layout } from '../kit/layout.tsx';
import type { KansliCatalogueRow } from '../../services/catalogue/catalogue.ts';
import { supportSourceOptions } from '../../core/catalogue/entry.ts';

/** Every intervention the user reads, with its entry's state; canWrite when the user may write that entry. */
export interface CatalogueOverviewModel {
  readonly federation: FederationRef;
  readonly rows: readonly (KansliCatalogueRow & { readonly canWrite: boolean })[];
}

export function CatalogueOverviewPage(props: { model: CatalogueOverviewModel }) {
  const { federation: f, rows } = props.model;
  return (
    <Layout title="Insatskatalog" federation={f}>
      <h1>Insatskatalog</h1>
      <p>
        Det som är markerat som publikt visas för alla på <a href={`/katalog/${f.id}`}>förbundets katalogsida</a> (utan inloggning). Poster vars
        granskningsdatum har passerat är markerade som inaktuella.
      </p>
      <ScrollTable label="Katalogposter">
        <table id="catalogue-overview">
          <caption>Insatser och deras katalogposter</caption>
          <thead>
            <tr>
              <th scope="col">Insats</th>
              <th scope="col">Status</th>
              <th scope="col">Granskas senast</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {rows.length ? (
              rows.map((r) => (
                <tr class={r.outOfDate ? 'out-of-date' : undefined}>
                  <th scope="row">{r.name}</th>
                  <td>{!r.hasEntry ? 'Ingen post' : r.public ? 'Publik' : 'Inte publik'}</td>
                  <td>{r.reviewBy ? (r.outOfDate ? <strong class="warning">{r.reviewBy} – inaktuell</strong> : r.reviewBy) : '–'}</td>
                  <td>{r.canWrite ? <a href={`/f/${f.id}/insatser/${r.interventionId}/katalog`}>{r.hasEntry ? 'Ändra' : 'Skriv'} <span class="visually-hidden">katalogpost för {r.name}</span></a> : '–'}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colspan={4}>Inga insatser att visa.</td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}

/** One intervention's entry form: the stored entry (or the intervention's own facts), or what was typed and refused. */
export interface CatalogueEntryFormModel {
  readonly federation: FederationRef;
  readonly interventionId: number;
  /** The intervention's name. */
  readonly name: string;
  /** When the entry was last saved, by whom, and whether it is public; null before the first save. */
  readonly stored: { readonly updatedAt: string; readonly updatedBy: string; readonly public: boolean } | null;
  readonly values: Record<string, unknown>;
  readonly errors?: Record<string, string>;
  readonly general?: string[];
  readonly notice?: string | null;
}

export function CatalogueEntryFormPage(props: { model: CatalogueEntryFormModel }) {
  const { federation: f, interventionId: id, name, stored, values: v, errors, general, notice } = props.model;
  const e = errors ?? {};
  const str = (k: string) => (v[k] === null || v[k] === undefined ? '' : String(v[k]));
  const sources = new Set(Array.isArray(v.supportSources) ? (v.supportSources as string[]) : v.supportSources ? [String(v.supportSources)] : []);
  const checked = (k: string) => v[k] === true || v[k] === 'on';
  return (
    <Layout title={`Katalogpost: ${name}`} federation={f}>
      <h1>Katalogpost: {name}</h1>
      <Notice message={notice} />
      {stored ? (
        <p class="muted">
          Senast ändrad {stored.updatedAt} av {stored.updatedBy}. {stored.public ? <a href={`/katalog/${f.id}/insats/${id}`}>Visa den publika sidan</a> : 'Posten är inte publik.'}
        </p>
      ) : null}
      <ErrorSummary errors={errors} general={general} />
      <Form action={`/f/${f.id}/insatser/${id}/katalog`} label="Katalogpost">
        <TextAreaField name="purpose" label="Syfte" value={str('purpose')} error={e.purpose} rows={4} />
        <TextField name="targetGroup" label="Målgrupp" value={str('targetGroup')} error={e.targetGroup} />
        <TextField name="ageMin" label="Lägsta ålder" inputmode="numeric" size={4} value={str('ageMin')} error={e.ageMin} />
        <TextField name="ageMax" label="Högsta ålder" inputmode="numeric" size={4} value={str('ageMax')} error={e.ageMax} />
        <TextField name="municipalities" label="Kommuner" value={str('municipalities')} error={e.municipalities} hint="Skilda med kommatecken." />
        <CheckboxGroup name="supportSources" legend="Passar personer med försörjning från" idPrefix="src" options={supportSourceOptions} chosen={[...sources]} />
        <TextAreaField name="referralProcess" label="Så remitterar man" value={str('referralProcess')} error={e.referralProcess} rows={4} />
        <TextField name="contactRole" label="Kontaktroll" value={str('contactRole')} error={e.contactRole} hint="En funktion, t.ex. Samordningsteamets mottagning – inte en privatperson." />
        <TextField name="contactEmail" label="E-post (funktionsbrevlåda)" value={str('contactEmail')} error={e.contactEmail} />
        <TextField name="contactPhone" label="Telefon (växel eller funktion)" value={str('contactPhone')} error={e.contactPhone} />
        <TextField name="capacity" label="Antal platser" inputmode="numeric" size={6} value={str('capacity')} error={e.capacity} />
        <CheckboxField name="openForReferral" label="Tar emot nya deltagare nu" checked={checked('openForReferral')} />
        <TextField name="reviewBy" label="Granskas senast" type="date" value={str('reviewBy')} error={e.reviewBy} hint="ÅÅÅÅ-MM-DD. Efter det datumet visas posten som inaktuell för kansliet." />
        <CheckboxField name="public" label="Publik – visas i katalogen för alla" checked={checked('public')} />
        <SubmitButton label="Spara katalogposten" />
      </Form>
    </Layout>
  );
}
