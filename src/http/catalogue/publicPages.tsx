/** The public catalogue's pages (no login): start, county, förbund, one entry, and the view to embed. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import type { CatalogueFilters, PublicEntry } from '../../services/catalogue/catalogue.ts';
import { fmtCount } from '../kit/format.ts';
import { ages, Contact, EntryCard, PublicLayout, ResultList, SearchForm, Status } from './parts.tsx';
import { HtmlDocument } from '../kit/htmlDocument.tsx';

type Facets = { municipalities: string[]; targetGroups: string[] };

/** The catalogue's start: the counties and the förbund that have published entries. */
export interface CatalogueStartModel {
  readonly counties: readonly string[];
  readonly federations: readonly { id: number; name: string }[];
}

export function CatalogueStartPage(props: { model: CatalogueStartModel }) {
  const { counties, federations } = props.model;
  return (
    <PublicLayout title="Insatskatalogen">
      <h1>Insatskatalogen</h1>
      <p>Insatser som samordningsförbunden finansierar och som du kan remittera till. Välj förbund eller län.</p>
      {counties.length ? (
        <>
          <h2>Län</h2>
          <ul>
            {counties.map((county) => (
              <li>
                <a href={`/katalog/lan/${encodeURIComponent(county)}`}>{county}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Förbund</h2>
      {federations.length ? (
        <ul>
          {federations.map((f) => (
            <li>
              <a href={`/katalog/${f.id}`}>{f.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga insatser är publicerade ännu.</p>
      )}
    </PublicLayout>
  );
}

/** A county's entries (every förbund in it) matching the search. */
export interface CountyPageModel {
  readonly county: string;
  readonly filters: CatalogueFilters;
  readonly entries: readonly PublicEntry[];
  readonly facets: Facets;
}

export function CountyPage(props: { model: CountyPageModel }) {
  const { county, filters, entries, facets } = props.model;
  return (
    <PublicLayout title={`Insatser i ${county}`}>
      <h1>Insatser i {county}</h1>
      <p>Alla samordningsförbund i länet som publicerat insatser.</p>
      <SearchForm action={`/katalog/lan/${encodeURIComponent(county)}`} filters={filters} facets={facets} />
      <ResultList entries={entries} showFederation />
    </PublicLayout>
  );
}

/** A förbund's entries matching the search, with its open data links. */
export interface FederationCatalogueModel {
  readonly federation: { id: number; name: string; county: string | null };
  readonly filters: CatalogueFilters;
  readonly entries: readonly PublicEntry[];
  readonly facets: Facets;
}

export function FederationCataloguePage(props: { model: FederationCatalogueModel }) {
  const { federation: f, filters, entries, facets } = props.model;
  return (
    <PublicLayout title={f.name} statement={`/tillganglighet/${f.id}`}>
      <h1>Insatser – {f.name}</h1>
      <p>
        Insatser som förbundet finansierar. Varje insats har en egen sida med hur du remitterar.{' '}
        {f.county ? <a href={`/katalog/lan/${encodeURIComponent(f.county)}`}>Alla insatser i {f.county}</a> : null}
      </p>
      <SearchForm action={`/katalog/${f.id}`} filters={filters} facets={facets} />
      <ResultList entries={entries} />
      <p>
        Öppna data: <a href={`/api/katalog/${f.id}`}>JSON</a> · <a href={`/api/katalog/${f.id}?format=csv`}>CSV</a> · <a href={`/katalog/${f.id}/inbaddning`}>vy för inbäddning</a>
      </p>
    </PublicLayout>
  );
}

/** One entry's stable page: how to refer, contact, and last year's results (suppressed as the statistics). */
export function EntryPage(props: { entry: PublicEntry }) {
  const e = props.entry;
  const r = e.results;
  return (
    <PublicLayout title={e.name} statement={`/tillganglighet/${e.federationId}`}>
      <p>
        <a href={`/katalog/${e.federationId}`}>← Alla insatser i {e.federation}</a>
      </p>
      <h1>{e.name}</h1>
      <p>
        <Status e={e} />
        {e.capacity !== null ? ` · ${e.capacity} platser` : null}
      </p>
      <dl class="entry-facts">
        <dt>Syfte</dt>
        <dd>{e.purpose}</dd>
        <dt>Målgrupp</dt>
        <dd>
          {e.targetGroup}, {ages(e)}
        </dd>
        <dt>Kommuner</dt>
        <dd>{e.municipalities.length ? e.municipalities.join(', ') : 'Hela förbundets område'}</dd>
        <dt>Passar personer med</dt>
        <dd>{e.supportSources.length ? e.supportSources.map((s) => SupportSource.label(s as never)).join(', ') : 'Alla former av försörjning'}</dd>
        <dt>Insatsägare</dt>
        <dd>{e.owner ?? 'Uppgift saknas'}</dd>
        <dt>Medverkande medlemmar</dt>
        <dd>{e.participatingMembers.length ? e.participatingMembers.join(', ') : 'Uppgift saknas'}</dd>
        <dt>Så remitterar du</dt>
        <dd>{e.referralProcess}</dd>
        <dt>Kontakt</dt>
        <dd>
          <Contact entry={e} />
        </dd>
        <dt>Period</dt>
        <dd>
          {e.periodStart} – {e.periodEnd ?? 'tills vidare'}
        </dd>
      </dl>
      {r ? (
        <>
          <h2>Resultat {r.year}</h2>
          <ScrollTable label="Resultat">
            <table id="results">
              <caption>Deltagare {r.year}</caption>
              <thead>
                <tr>
                  <th scope="col">Deltagare</th>
                  <th scope="col" class="num">
                    Antal
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Aktiva</th>
                  <td class="num">{fmtCount(r.active)}</td>
                </tr>
                <tr>
                  <th scope="row">Nya</th>
                  <td class="num">{fmtCount(r.new)}</td>
                </tr>
                <tr>
                  <th scope="row">Avslutade</th>
                  <td class="num">{fmtCount(r.ended)}</td>
                </tr>
                {(r.exitOutcomes.some((o) => o.count !== null) ? r.exitOutcomes : []).map((o) => (
                  <tr>
                    <th scope="row">Avslutade: {o.label.toLowerCase()}</th>
                    <td class="num">{fmtCount(o.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p class="suppression-note">– betyder att uppgiften är dold för att ingen deltagare ska kunna pekas ut.</p>
        </>
      ) : null}
      <p class="muted">Uppgifterna ska granskas senast {e.reviewBy}.</p>
    </PublicLayout>
  );
}

/** The minimal list a member's intranet may frame. */
export interface EmbedModel {
  readonly federation: { id: number; name: string };
  readonly entries: readonly PublicEntry[];
}

export function EmbedPage(props: { model: EmbedModel }) {
  const { federation: f, entries } = props.model;
  return (
    <HtmlDocument title={`Insatser – ${f.name}`} bodyClass="embed">
      <main>
        <h1>Insatser – {f.name}</h1>
        <ul class="catalogue-list">
          {entries.map((e) => (
            <EntryCard e={e} target="_blank" />
          ))}
        </ul>
      </main>
    </HtmlDocument>
  );
}
