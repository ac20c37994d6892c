/** The registry's pages: the kansli's registry (search, register, edit) and the public registry (no login). */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, formState, SelectField, SubmitButton, TextField } from '../kit/form.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { HtmlDocument } from '../kit/htmlDocument.tsx';
import { FlashMessage } from '../kit/flash.tsx';
import { directionLabels, directions, type PublicRegistryEntry } from '../../core/records/registry.ts';
import type { RegistryEntry } from '../../services/records/registry.ts';
import type { Child } from 'hono/jsx';

const directionOptions = directions.map((d) => ({ value: d, label: directionLabels[d] }));

export interface RegistryPageModel {
  readonly federation: FederationRef;
  readonly q: string;
  readonly entries: readonly RegistryEntry[];
  readonly classes: readonly { code: string; name: string }[];
  readonly canWrite: boolean;
  readonly today: string;
}

/** The fields of an entry, for registering and for editing. */
function EntryFields(props: { action: string; classes: readonly { code: string; name: string }[]; defaults: Record<string, string | null> }) {
  const s = formState(props.action, props.defaults);
  const classOptions = [{ value: '', label: 'Inget handlingsslag' }, ...props.classes.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))];
  return (
    <>
      <TextField {...s.bind('date')} type="date" label="Datum (inkommen, skickad eller upprättad)" required />
      <SelectField {...s.bind('direction')} label="Riktning" options={directionOptions} />
      <TextField {...s.bind('party')} label="Avsändare eller mottagare" hint="En organisation eller en roll, aldrig en deltagare." />
      <TextField {...s.bind('subject')} label="Mening (vad handlingen gäller)" required />
      <TextField {...s.bind('officer')} label="Handläggare" />
      <TextField {...s.bind('caseNumber')} label="Hör till ärende (diarienummer)" hint="T.ex. 2026/14. Lämna tomt om handlingen öppnar ett eget ärende." />
      <SelectField {...s.bind('documentClass')} label="Handlingsslag (dokumenthanteringsplanen)" options={classOptions} />
      <TextField {...s.bind('secrecySection')} label="Sekretess: paragraf i OSL" hint='Bara om en del är sekretessbelagd, t.ex. "21 kap. 7 § OSL". Meningen visas då inte i det publika diariet.' />
    </>
  );
}

function EntryTable(props: { entries: readonly RegistryEntry[]; federationId: number; canWrite: boolean }) {
  return (
    <ScrollTable label="Diarieposter">
      <table>
        <caption>Diarieposter, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Diarienummer</th>
            <th scope="col">Datum</th>
            <th scope="col">Riktning</th>
            <th scope="col">Avsändare/mottagare</th>
            <th scope="col">Mening</th>
            <th scope="col">Ärende</th>
            <th scope="col">Handlingsslag</th>
            <th scope="col">Sekretess</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{props.canWrite ? <a href={`/f/${props.federationId}/diarium/${e.id}`}>{e.number}</a> : e.number}</td>
              <td>{e.date}</td>
              <td>{directionLabels[e.direction]}</td>
              <td>{e.party}</td>
              <td>
                {e.subject}
                {e.disposed ? ' (gallrad)' : ''}
              </td>
              <td>{e.caseNumber ?? ''}</td>
              <td>{e.documentClass ? `${e.documentClass} ${e.documentClassName}` : ''}</td>
              <td>{e.secrecySection ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function RegistryPage(props: { model: RegistryPageModel }) {
  const { federation: f, q, entries, classes, canWrite, today } = props.model;
  const action = `/f/${f.id}/diarium`;
  return (
    <Layout title="Diarium" federation={f}>
      <h1>Diarium</h1>
      <p>
        Förbundets register över allmänna handlingar och ärenden. Det publika diariet visar nummer, datum och parter för alla poster, men aldrig meningen
        i en sekretessmarkerad post: <a href={`/diarium/${f.id}`}>publika diariet</a>. Se också <a href={`/f/${f.id}/dokumenthanteringsplan`}>dokumenthanteringsplanen</a>.
      </p>
      <Form action={action} method="get" label="Sök i diariet">
        <TextField name="q" label="Sök" value={q} hint="Ett diarienummer (2026/14) eller ord ur mening, part eller handläggare." />
        <SubmitButton label="Sök" />
      </Form>
      <EntryTable entries={entries} federationId={f.id} canWrite={canWrite} />
      {canWrite ? (
        <section aria-labelledby="register">
          <h2 id="register">Diarieför en handling</h2>
          <Form action={action} label="Diarieför en handling">
            <EntryFields action={action} classes={classes} defaults={{ date: today, direction: 'in' }} />
            <SubmitButton label="Diarieför" />
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface EntryEditModel {
  readonly federation: FederationRef;
  readonly entry: RegistryEntry;
  readonly classes: readonly { code: string; name: string }[];
}

export function EntryEditPage(props: { model: EntryEditModel }) {
  const { federation: f, entry: e, classes } = props.model;
  const action = `/f/${f.id}/diarium/${e.id}`;
  return (
    <Layout title={`Diariepost ${e.number}`} federation={f}>
      <h1>Diariepost {e.number}</h1>
      <p>Diarienumret ändras aldrig. Ändringar syns i granskningsloggen.</p>
      <Form action={action} label={`Ändra diariepost ${e.number}`}>
        <EntryFields
          action={action}
          classes={classes}
          defaults={{ date: e.date, direction: e.direction, party: e.party, subject: e.subject, officer: e.officer, caseNumber: e.caseNumber, documentClass: e.documentClass, secrecySection: e.secrecySection }}
        />
        <SubmitButton label="Spara" />
      </Form>
      <p>
        <a href={`/f/${f.id}/diarium`}>Tillbaka till diariet</a>
      </p>
    </Layout>
  );
}

/** The public pages' frame: no login, a link to the accessibility statement in the footer. */
export function PublicRecordsLayout(props: { title: string; federation: { id: number; name: string }; children?: Child }) {
  return (
    <HtmlDocument title={`${props.title} – ${props.federation.name}`}>
      <a class="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header class="site-header">
        <span class="brand">{props.federation.name}</span>
      </header>
      <main id="main" tabindex={-1}>
        <FlashMessage />
        {props.children}
      </main>
      <footer class="site-footer">
        <a href={props.federation.id ? `/tillganglighet/${props.federation.id}` : '/tillganglighet'}>Tillgänglighetsredogörelse</a>
      </footer>
    </HtmlDocument>
  );
}

export interface PublicRegistryModel {
  readonly federation: { id: number; name: string };
  readonly q: string;
  readonly entries: readonly PublicRegistryEntry[];
}

export function PublicRegistryPage(props: { model: PublicRegistryModel }) {
  const { federation: f, q, entries } = props.model;
  const requestAction = `/diarium/${f.id}/begaran`;
  const s = formState(requestAction, {});
  return (
    <PublicRecordsLayout title="Diarium" federation={f}>
      <h1>Diarium för {f.name}</h1>
      <p>
        Förbundets diarium över allmänna handlingar. Alla har rätt att ta del av allmänna handlingar som inte är sekretessbelagda. När en del av en
        handling är sekretessbelagd visas inte vad den gäller, bara paragrafen i offentlighets- och sekretesslagen.
      </p>
      <Form action={`/diarium/${f.id}`} method="get" label="Sök i diariet">
        <TextField name="q" label="Sök" value={q} hint="Ett diarienummer (2026/14) eller ord ur mening eller part." />
        <SubmitButton label="Sök" />
      </Form>
      <ScrollTable label="Diarieposter">
        <table>
          <caption>{entries.length ? `Diarieposter (${entries.length})` : 'Inga diarieposter matchar sökningen'}</caption>
          <thead>
            <tr>
              <th scope="col">Diarienummer</th>
              <th scope="col">Datum</th>
              <th scope="col">Riktning</th>
              <th scope="col">Avsändare/mottagare</th>
              <th scope="col">Mening</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{e.number}</td>
                <td>{e.date}</td>
                <td>{directionLabels[e.direction]}</td>
                <td>{e.party}</td>
                <td>{e.subject ?? `Sekretessmarkerad (${e.secrecy})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <section aria-labelledby="request">
        <h2 id="request">Begär att få ta del av en allmän handling</h2>
        <p>Du behöver inte säga vem du är eller varför du vill ha handlingen. Din begäran diarieförs.</p>
        <Form action={requestAction} label="Begär en allmän handling">
          <TextField {...s.bind('subject')} label="Vilken handling vill du ta del av?" required hint="T.ex. ett diarienummer eller styrelseprotokollet från ett visst möte." />
          <TextField {...s.bind('party')} label="Namn eller organisation (frivilligt)" />
          <SubmitButton label="Skicka begäran" />
        </Form>
      </section>
    </PublicRecordsLayout>
  );
}
