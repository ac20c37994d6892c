/** The team's participant pages: its participants with the registration and import forms, and closing one. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { ErrorSummary as FormErrorSummary, FileField, Form, SelectField as ChoiceField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { otherMunicipality } from '../../core/interventions/participation.ts';
import type { Participation } from '../../services/interventions/participations.ts';

const vocabOptions = (v: { codes: readonly string[]; labels: Record<string, string> }) => v.codes.map((c) => ({ value: c, label: v.labels[c]! }));

/**
 * An intervention's participants (ongoing and ended) and the forms. After a refused registration: the
 * problems (per field and general) and what was chosen, never what was refused.
 */
export interface ParticipantsModel {
  readonly federation: FederationRef;
  readonly intervention: { readonly id: number; readonly name: string };
  readonly participations: readonly Participation[];
  readonly members: readonly { id: number; name: string; kind: string }[];
  readonly refused: { readonly values: Record<string, unknown>; readonly errors: Record<string, string>; readonly general: string[] } | null;
}

export function ParticipantsPage(props: { model: ParticipantsModel }) {
  const { federation: f, intervention: { id }, intervention, participations: list, members, refused } = props.model;
  const value = (name: string) => (refused ? String(refused.values[name] ?? '') : undefined);
  const errors = refused?.errors ?? {};
  const general = refused?.general ?? [];
  const base = `/f/${f.id}/insatser/${id}/deltagare`;
  const active = list.filter((p) => p.endDate === null);
  const ended = list.filter((p) => p.endDate !== null);
  return (
  <Layout title={`Deltagare – ${intervention.name}`} federation={f}>
    <h1>Deltagare i {intervention.name}</h1>
    <p>
      <a href={`/f/${f.id}/insatser/${id}`}>Om insatsen</a> · <a href={`/f/${f.id}/insatser/${id}/statistik`}>Statistik</a> · <a href={`/f/${f.id}/insatser/${id}/uppfoljning`}>Uppföljning efter avslut</a> · <a href={`/f/${f.id}/insatser/${id}/progression`}>Progression</a>
    </p>
    <p>Deltagare registreras med en kod som Samordna slumpar fram. Skriv aldrig namn, personnummer eller annat som kan identifiera någon.</p>
    <ScrollTable>
      <table>
      <caption>Pågående deltagande ({active.length})</caption>
      <thead>
        <tr>
          <th scope="col">Kod</th>
          <th scope="col">Åtgärd</th>
          <th scope="col">Startdatum</th>
          <th scope="col">Kön</th>
          <th scope="col">Åldersgrupp</th>
          <th scope="col">Försörjning före</th>
        </tr>
      </thead>
      <tbody>
        {active.map((p) => (
          <tr>
            <th scope="row" class="nowrap">{p.code}</th>
            <td class="row-actions">
              <a href={`${base}/${p.id}/avsluta`} aria-label={`Avsluta deltagande ${p.code}`}>
                Avsluta
              </a>{' '}
              <a href={`${base}/${p.id}`} aria-label={`Ändra deltagande ${p.code}`}>
                Ändra
              </a>
            </td>
            <td>{p.startDate}</td>
            <td>{Gender.label(p.gender)}</td>
            <td>{AgeBand.label(p.ageBand)}</td>
            <td>{SupportSource.label(p.supportBefore)}</td>
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
          <th scope="col">Åtgärd</th>
          <th scope="col">Startdatum</th>
          <th scope="col">Slutdatum</th>
          <th scope="col">Avslutsorsak</th>
          <th scope="col">Försörjning efter</th>
        </tr>
      </thead>
      <tbody>
        {ended.map((p) => (
          <tr>
            <th scope="row" class="nowrap">{p.code}</th>
            <td class="row-actions">
              <a href={`${base}/${p.id}`} aria-label={`Ändra eller återöppna deltagande ${p.code}`}>
                Ändra
              </a>{' '}
              ·{' '}
              <a href={`${base}/${p.id}/uppfoljning`} aria-label={`Uppföljning efter avslut för ${p.code}`}>
                Uppföljning
              </a>
            </td>
            <td>{p.startDate}</td>
            <td>{p.endDate}</td>
            <td>{p.exitOutcome ? ExitOutcome.label(p.exitOutcome) : '–'}</td>
            <td>{p.supportAfter ? SupportSource.label(p.supportAfter) : '–'}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </ScrollTable>

    <Form action={base} label="Registrera ny deltagare">
      <h2>Registrera ny deltagare</h2>
      {refused ? <FormErrorSummary errors={errors} general={general} /> : null}
      <ChoiceField name="gender" label="Kön" required options={vocabOptions(Gender)} value={value('gender')} error={errors.gender} />
      <ChoiceField name="ageBand" label="Åldersgrupp vid start" required options={vocabOptions(AgeBand)} value={value('ageBand')} error={errors.ageBand} />
      <ChoiceField
        name="homeMunicipality"
        label="Hemkommun"
        placeholder="– uppgift saknas –"
        options={[...members.filter((m) => m.kind === 'municipality').map((m) => m.name), otherMunicipality].map((n) => ({ value: n, label: n }))}
        value={value('homeMunicipality')}
        error={errors.homeMunicipality}
      />
      <ChoiceField
        name="referringMemberId"
        label="Remitterande medlem"
        placeholder="– uppgift saknas –"
        options={members.map((m) => ({ value: String(m.id), label: m.name }))}
        value={value('referringMemberId')}
        error={errors.referringMemberId}
      />
      <ChoiceField name="supportBefore" label="Huvudsaklig försörjning före start" required options={vocabOptions(SupportSource)} value={value('supportBefore')} error={errors.supportBefore} />
      <ChoiceField name="supportDuration" label="Tid med offentlig försörjning" required options={vocabOptions(SupportDuration)} value={value('supportDuration')} error={errors.supportDuration} />
      <ChoiceField name="education" label="Högsta slutförda utbildning" required options={vocabOptions(Education)} value={value('education')} error={errors.education} />
      <TextField name="startDate" label="Startdatum" type="date" required value={value('startDate')} error={errors.startDate} />
      <SubmitButton label="Registrera deltagare" />
    </Form>

    <Form action={`${base}/import`} enctype="multipart/form-data" label="Läs in från kalkylark">
      <h2>Läs in från kalkylark</h2>
      <p>
        Excel (.xlsx) eller CSV enligt <a href={`${base}/mall.csv`}>mallen</a>. Allt eller inget: vid fel läses ingenting in och varje fel visas med rad och
        kolumn.
      </p>
      <FileField name="file" label="Fil" accept=".xlsx,.csv,text/csv" required />
      <SubmitButton label="Läs in" />
    </Form>
  </Layout>
  );
}

/** Closing one participation. */
export interface CloseParticipationModel {
  readonly federation: FederationRef;
  readonly interventionId: number;
  readonly participation: Participation;
}

export function CloseParticipationPage(props: { model: CloseParticipationModel }) {
  const { federation: f, interventionId: id, participation: p } = props.model;
  const pid = p.id;
  const closeAction = `/f/${f.id}/insatser/${id}/deltagare/${pid}/avsluta`;
  const close = formState(closeAction);
  return (
    <Layout title={`Avsluta ${p.code}`} federation={f}>
      <h1>Avsluta deltagande {p.code}</h1>
      <p>Startade {p.startDate}.</p>
      <Form action={closeAction} label={`Avsluta deltagande ${p.code}`}>
        <TextField {...close.bind('endDate')} label="Slutdatum" type="date" required />
        <ChoiceField {...close.bind('exitOutcome')} label="Avslutsorsak" required options={vocabOptions(ExitOutcome)} />
        <ChoiceField {...close.bind('supportAfter')} label="Huvudsaklig försörjning efter" placeholder="– uppgift saknas –" options={vocabOptions(SupportSource)} />
        <SubmitButton label="Avsluta deltagandet" />
      </Form>
      <p>
        Registrerades något fel? <a href={`/f/${f.id}/insatser/${id}/deltagare/${pid}`}>Ändra deltagandet</a>.
      </p>
    </Layout>
  );
}
