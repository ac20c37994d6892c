/** The accessibility statement: public (DIGG's prescribed content) and the kansli's form. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, formState, SubmitButton, TextAreaField, TextField } from '../kit/form.tsx';
import type { AccessibilityStatement } from '../../core/records/accessibility.ts';
import type { AccessibilityFields } from '../../core/records/accessibility.ts';
import { PublicRecordsLayout } from './registryPages.tsx';

export interface AccessibilityPageModel {
  readonly federation: { id: number; name: string };
  readonly statement: AccessibilityStatement;
}

export function AccessibilityPage(props: { model: AccessibilityPageModel }) {
  const { federation: f, statement: s } = props.model;
  return (
    <PublicRecordsLayout title="Tillgänglighetsredogörelse" federation={f}>
      <h1>Tillgänglighetsredogörelse</h1>
      <p>
        {s.organisation} står bakom {s.service}. Vi vill att så många som möjligt ska kunna använda dem. Här beskriver vi hur de uppfyller lagen
        (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.
      </p>
      <h2>Hur tillgängliga är sidorna?</h2>
      <p>
        Sidorna är <strong>{s.compliance}</strong> med lagen om tillgänglighet till digital offentlig service.
      </p>
      <h2>Innehåll som inte är tillgängligt</h2>
      {s.notAccessible.length ? (
        <ul>
          {s.notAccessible.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
      ) : (
        <p>Vi känner inte till något innehåll som inte är tillgängligt.</p>
      )}
      <h3>Oskäligt betungande anpassning</h3>
      <p>{s.disproportionateBurden}</p>
      <h3>Innehåll som inte omfattas av lagen</h3>
      <p>{s.outOfScope}</p>
      <h2>Kontakta oss om brister</h2>
      <p>
        Om du upptäcker problem som inte beskrivs här, eller behöver innehåll i ett tillgängligt format, kontakta oss:{' '}
        {s.contactEmail ? <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a> : 'förbundets kansli'}
        {s.contactPhone ? `, telefon ${s.contactPhone}` : ''}. Vi svarar inom {s.responseDays} arbetsdagar.
      </p>
      <h2>Kontakta tillsynsmyndigheten</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
        kontakta Digg och påtala det: <a href={s.diggReportUrl}>{s.diggReportUrl}</a>.
      </p>
      <h2>Hur vi testat sidorna</h2>
      <p>{s.method}</p>
      <ul>
        {s.pagesChecked.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
      <p>
        Bedömningen gjordes {s.assessedOn}. Redogörelsen uppdaterades senast {s.updatedOn}.
      </p>
    </PublicRecordsLayout>
  );
}

export interface AccessibilityFormModel {
  readonly federation: FederationRef;
  readonly fields: AccessibilityFields;
}

export function AccessibilityFormPage(props: { model: AccessibilityFormModel }) {
  const { federation: f, fields } = props.model;
  const action = `/f/${f.id}/tillganglighet`;
  const s = formState(action, { ...fields });
  return (
    <Layout title="Tillgänglighetsredogörelse" federation={f}>
      <h1>Tillgänglighetsredogörelse</h1>
      <p>
        Redogörelsen för förbundets publika sidor skapas ur projektets egna granskningar och det ni skriver här: <a href={`/tillganglighet/${f.id}`}>se den publika redogörelsen</a>.
      </p>
      <Form action={action} label="Tillgänglighetsredogörelsens uppgifter">
        <TextField {...s.bind('contactEmail')} type="email" label="E-post för att anmäla brister" required hint="En funktionsbrevlåda." />
        <TextField {...s.bind('contactPhone')} label="Telefon" />
        <TextField {...s.bind('responseDays')} label="Svarstid i arbetsdagar" inputmode="numeric" size={4} />
        <TextAreaField {...s.bind('knownExceptions')} label="Förbundets egna kända brister" hint="En brist per rad, med skälet." />
        <TextField {...s.bind('assessedOn')} type="date" label="Förbundets egen bedömning gjord" />
        <SubmitButton label="Spara" />
      </Form>
    </Layout>
  );
}

/** Every förbund's statement, for the pages shared by several förbund (the catalogue's start and counties). */
export function AccessibilityIndexPage(props: { model: { federations: readonly { id: number; name: string }[] } }) {
  return (
    <PublicRecordsLayout title="Tillgänglighetsredogörelser" federation={{ id: 0, name: 'Samordningsförbunden' }}>
      <h1>Tillgänglighetsredogörelser</h1>
      <p>Varje samordningsförbund ansvarar för sina publika sidor. Välj förbund:</p>
      <ul>
        {props.model.federations.map((f) => (
          <li>
            <a href={`/tillganglighet/${f.id}`}>{f.name}</a>
          </li>
        ))}
      </ul>
    </PublicRecordsLayout>
  );
}
