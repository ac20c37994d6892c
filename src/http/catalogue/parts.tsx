/** The public catalogue's building blocks: its own page frame (no menu, no login), entry cards, search form. */
import type { Child } from 'hono/jsx';
import { Form, SelectField, SubmitButton, TextField } from '../kit/form.tsx';
import type { CatalogueFilters, PublicEntry } from '../../services/catalogue/catalogue.ts';
import { supportSourceOptions } from '../../core/catalogue/entry.ts';
import { HtmlDocument } from '../kit/htmlDocument.tsx';

export function ages(e: PublicEntry): string {
  if (e.ageMin === null && e.ageMax === null) return '16–64 år';
  return `${e.ageMin ?? 16}–${e.ageMax ?? 64} år`;
}

export function Status(props: { e: PublicEntry }) {
  return props.e.openForReferral ? <strong class="status-open">Tar emot nya deltagare</strong> : <strong class="status-closed">Tar inte emot nya deltagare just nu</strong>;
}

/** How to reach an entry: its contact role, with its function mailbox as a link and its phone. */
export function Contact(props: { entry: PublicEntry }) {
  const e = props.entry;
  return (
    <>
      {e.contactRole}
      {e.contactEmail ? (
        <>
          {', '}
          <a href={`mailto:${e.contactEmail}`}>{e.contactEmail}</a>
        </>
      ) : null}
      {e.contactPhone ? `, ${e.contactPhone}` : null}
    </>
  );
}

export function entryHref(e: { federationId: number; interventionId: number }): string {
  return `/katalog/${e.federationId}/insats/${e.interventionId}`;
}

export function EntryCard(props: { e: PublicEntry; showFederation?: boolean; target?: string }) {
  const e = props.e;
  return (
    <li class="catalogue-entry">
      <h3>
        <a href={entryHref(e)} target={props.target}>
          {e.name}
        </a>
      </h3>
      {props.showFederation ? <p class="muted">{e.federation}</p> : null}
      <p>
        <Status e={e} />
      </p>
      <dl class="entry-facts">
        <dt>Målgrupp</dt>
        <dd>
          {e.targetGroup}, {ages(e)}
        </dd>
        <dt>Kommuner</dt>
        <dd>{e.municipalities.length ? e.municipalities.join(', ') : 'Hela förbundets område'}</dd>
        <dt>Kontakt</dt>
        <dd>
          <Contact entry={e} />
        </dd>
      </dl>
    </li>
  );
}

/** `statement`: the accessibility statement of the förbund shown, or the list of every förbund's statement. */
export function PublicLayout(props: { title: string; statement?: string; children?: Child }) {
  return (
    <HtmlDocument title={`${props.title} – Insatskatalogen`}>
      <a class="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header class="site-header">
        <a class="brand" href="/katalog">
          Insatskatalogen
        </a>
      </header>
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
      <footer class="site-footer">
        <a href={props.statement ?? '/tillganglighet'}>Tillgänglighetsredogörelse</a>
      </footer>
    </HtmlDocument>
  );
}

export function SearchForm(props: { action: string; filters: CatalogueFilters; facets: { municipalities: string[]; targetGroups: string[] } }) {
  const f = props.filters;
  return (
    <Form action={props.action} method="get" class="catalogue-search" label="Sök insats">
      <TextField name="q" label="Sök" value={f.q ?? ''} hint="Ord ur namn, syfte eller målgrupp, t.ex. unga eller sjukskrivna." />
      <SelectField name="kommun" label="Kommun" value={f.municipality ?? ''} options={[{ value: '', label: 'Alla kommuner' }, ...props.facets.municipalities.map((m) => ({ value: m, label: m }))]} />
      <SelectField name="malgrupp" label="Målgrupp" value={f.targetGroup ?? ''} options={[{ value: '', label: 'Alla målgrupper' }, ...props.facets.targetGroups.map((m) => ({ value: m, label: m }))]} />
      <TextField name="alder" label="Ålder" inputmode="numeric" size={4} value={f.age ?? ''} hint="Personens ålder, 16–67." />
      <SelectField name="forsorjning" label="Försörjning" value={f.supportSource ?? ''} options={[{ value: '', label: 'Alla' }, ...supportSourceOptions]} />
      <SubmitButton label="Sök" />
    </Form>
  );
}

export function ResultList(props: { entries: readonly PublicEntry[]; showFederation?: boolean }) {
  return (
    <>
      <p role="status">{props.entries.length === 1 ? '1 insats' : `${props.entries.length} insatser`}</p>
      {props.entries.length ? (
        <ul class="catalogue-list">
          {props.entries.map((e) => (
            <EntryCard e={e} showFederation={props.showFederation} />
          ))}
        </ul>
      ) : (
        <p>Inga insatser matchar sökningen.</p>
      )}
    </>
  );
}
