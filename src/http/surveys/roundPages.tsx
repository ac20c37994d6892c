/** The survey rounds: the list with the form for a new round, one round, its invitation (link, QR code, codes), poster and paper answers. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { raw } from 'hono/html';
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { CheckboxField, CheckboxGroup, ErrorSummary, Form, Notice, SelectField, SubmitButton, TextField, type FieldErrors } from '../kit/form.tsx';
import { SurveyAnswerForm } from './surveyForm.tsx';
import { formatNumber } from '../../core/format.ts';
import type { SurveySet } from '../../services/surveys/sets.ts';
import type { RoundForm, SurveyRound } from '../../services/surveys/rounds.ts';
import { groupLabel, surveysBase } from './parts.ts';

type Qr = ReturnType<typeof raw>;

/** The rounds (with links for whoever manages them) and, for the kansli, the question sets and interventions of the form. */
export interface RoundsPageModel {
  readonly federation: FederationRef;
  readonly manage: boolean;
  readonly rounds: readonly SurveyRound[];
  readonly sets: readonly SurveySet[];
  readonly interventions: readonly { id: number; name: string }[];
  /** Today in Sweden (ISO), for "pågår" and the form's defaults. */
  readonly today: string;
  readonly values?: Record<string, string>;
  /** The interventions ticked when the form was posted and refused. */
  readonly chosenInterventions?: readonly string[];
  readonly errors?: FieldErrors;
  readonly general?: string[];
}

export function RoundsPage(props: { model: RoundsPageModel }) {
  const { federation: f, manage, rounds, sets, interventions, today, errors, general } = props.model;
  const base = surveysBase(f);
  const v = props.model.values ?? {};
  const e = errors ?? {};
  const years = [...new Set(rounds.map((r) => r.year))];
  return (
    <Layout title="Indikatorenkäter" federation={f}>
      <h1>Indikatorenkäter</h1>
      <p>
        Enkäterna i Indikatorer för finansiell samordning: deltagare, insatspersonal, styrelse, chefer i samverkan och remittenter svarar anonymt,
        utan inloggning. <a href={`${base}/fragor`}>Frågeset</a>
        {years.length ? (
          <>
            {' · '}Grupper sida vid sida:{' '}
            {years.map((y, i) => (
              <>
                {i ? ', ' : ''}
                <a href={`${base}/jamforelse?ar=${y}`}>{y}</a>
              </>
            ))}
          </>
        ) : null}
      </p>
      <ScrollTable label="Enkätomgångar">
        <table>
          <caption>Enkätomgångar</caption>
          <thead>
            <tr>
              <th scope="col">Omgång</th>
              <th scope="col">År</th>
              <th scope="col">Grupp</th>
              <th scope="col">Insatser</th>
              <th scope="col">Öppen</th>
              <th scope="col" class="num">Svar</th>
              <th scope="col" class="num">Koder använda</th>
              <th scope="col">Resultat</th>
            </tr>
          </thead>
          <tbody>
            {rounds.length === 0 ? (
              <tr>
                <td colspan={8}>Inga enkätomgångar ännu.</td>
              </tr>
            ) : (
              rounds.map((r) => (
                <tr>
                  <th scope="row">{manage ? <a href={`${base}/${r.id}`}>{r.name}</a> : r.name}</th>
                  <td>{r.year}</td>
                  <td>{groupLabel(r.group)}</td>
                  <td>{r.interventions.map((i) => i.name).join(', ') || '–'}</td>
                  <td>
                    {r.opensOn} – {r.closesOn}
                    {today >= r.opensOn && today <= r.closesOn ? ' (pågår)' : ''}
                  </td>
                  {/* The count so far is the kansli's; others see it once the round is published. */}
                  <td class="num">{manage || today >= r.publishedFrom ? formatNumber(r.responses) : '–'}</td>
                  <td class="num">{!r.codesIssued ? '–' : manage || today >= r.publishedFrom ? `${formatNumber(r.codesUsed)} av ${formatNumber(r.codesIssued)}` : '–'}</td>
                  <td>
                    <a href={`${base}/${r.id}/resultat`}>Resultat</a>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollTable>
      {manage ? (
        <>
          <h2 id="ny-omgang">Ny enkätomgång</h2>
          <ErrorSummary errors={errors} general={general} />
          <Form action={base} label="Ny enkätomgång">
            <SelectField
              name="set"
              label="Frågeset"
              value={v.set}
              error={e.set ?? e.group}
              options={sets.filter((s) => s.kind !== 'local').map((s) => ({ value: s.id, label: `${s.name} (${groupLabel(s.group)}, version ${s.version})` }))}
            />
            <SelectField
              name="localSet"
              label="Förbundets egna frågor (valfritt)"
              value={v.localSet}
              error={e.localSet}
              options={[{ value: '', label: 'Inga' }, ...sets.filter((s) => s.kind === 'local').map((s) => ({ value: s.id, label: `${s.name} (version ${s.version})` }))]}
            />
            <div class="form-row">
              <TextField name="year" label="År" inputmode="numeric" size={6} value={v.year ?? today.slice(0, 4)} error={e.year} />
              <TextField name="opensOn" label="Öppnar" type="date" value={v.opensOn ?? today} error={e.opensOn} />
              <TextField name="closesOn" label="Stänger" type="date" value={v.closesOn ?? ''} error={e.closesOn} />
            </div>
            <TextField name="name" label="Namn (valfritt)" value={v.name} error={e.name} hint="T.ex. ”Insatspersonal hösten 2025”." />
            {interventions.length ? (
              <CheckboxGroup name="interventions" legend="Insatser enkäten gäller (valfritt)" idPrefix="f-iv" options={interventions.map((i) => ({ value: String(i.id), label: i.name }))} chosen={props.model.chosenInterventions ?? []} />
            ) : null}
            <fieldset>
              <legend>Inbjudan</legend>
              <CheckboxField name="openLink" value="1" label="En öppen länk (med QR-kod och affisch) för ett gruppmöte" checked={props.model.values ? v.openLink === '1' : true} />
              <TextField name="codes" label="Antal engångskoder" inputmode="numeric" size={6} value={v.codes ?? '0'} error={e.codes} hint="Varje kod kan användas en gång. Koderna visas bara när de skapas." />
            </fieldset>
            <SubmitButton label="Skapa enkätomgång" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

/** A new round's (or new codes') invitation: the open link with its QR code, and the codes shown this once. */
export interface InvitationModel {
  readonly federation: FederationRef;
  readonly title: string;
  /** The confirmation, shown at once (not after a redirect: the codes exist only in this answer). */
  readonly notice: string;
  readonly round: SurveyRound;
  /** The open link's path and its full address, or null. */
  readonly openLink: string | null;
  readonly openLinkUrl: string | null;
  readonly qr: Qr | null;
  /** The single-use codes' full addresses. */
  readonly codes: readonly string[];
}

export function InvitationPage(props: { model: InvitationModel }) {
  const { federation: f, title, round, openLinkUrl, qr } = props.model;
  const base = surveysBase(f);
  const created = { openLink: props.model.openLink, codes: props.model.codes };
  return (
    <Layout title={title} federation={f}>
      <h1>{title}</h1>
      <Notice message={props.model.notice} />
      <p>
        {round.name}, {round.year}, {groupLabel(round.group)}. Öppen {round.opensOn} – {round.closesOn}.
      </p>
      {created.openLink ? (
        <section aria-labelledby="open-link">
          <h2 id="open-link">Öppen länk</h2>
          <p>
            <a href={created.openLink}>{openLinkUrl}</a>
          </p>
          {qr}
          <p>
            <a href={`${base}/${round.id}/affisch`}>Affisch att skriva ut</a>
          </p>
        </section>
      ) : null}
      {created.codes.length ? (
        <section aria-labelledby="codes">
          <h2 id="codes">Engångskoder ({formatNumber(created.codes.length)})</h2>
          <p class="warning">Koderna visas bara nu – Samordna sparar dem inte, bara ett kontrollvärde. Skriv ut eller spara listan innan du lämnar sidan.</p>
          <ol class="code-list">
            {created.codes.map((p) => (
              <li>{p}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <p class="no-print">
        <a href={`${base}/${round.id}`}>Till enkätomgången</a>
      </p>
    </Layout>
  );
}

/** One round: its facts, its open link (with QR code) and the form for more codes. */
export interface RoundPageModel {
  readonly federation: FederationRef;
  readonly round: SurveyRound;
  readonly link: string | null;
  readonly linkUrl: string | null;
  readonly qr: Qr | null;
}

export function RoundPage(props: { model: RoundPageModel }) {
  const { federation: f, round, link, linkUrl, qr } = props.model;
  const base = surveysBase(f);
  return (
    <Layout title={round.name} federation={f}>
      <h1>{round.name}</h1>
      <dl>
        <dt>År och grupp</dt>
        <dd>
          {round.year}, {groupLabel(round.group)}
        </dd>
        <dt>Öppen</dt>
        <dd>
          {round.opensOn} – {round.closesOn}
        </dd>
        <dt>Insatser</dt>
        <dd>{round.interventions.map((i) => i.name).join(', ') || '–'}</dd>
        <dt>Svar hittills</dt>
        <dd>{formatNumber(round.responses)}</dd>
        <dt>Resultat</dt>
        <dd>{round.closedOn ? `Stängd ${round.closedOn}; resultaten publicerade.` : `Publiceras ${round.publishedFrom} (30 dagar efter sista svarsdag, för pappersenkäter), eller när omgången stängs.`}</dd>
        <dt>Engångskoder</dt>
        <dd>{round.codesIssued ? `${formatNumber(round.codesUsed)} använda av ${formatNumber(round.codesIssued)}` : 'Inga'}</dd>
      </dl>
      <p>
        <a href={`${base}/${round.id}/resultat`}>Resultat</a> · <a href={`${base}/${round.id}/papper`}>Registrera en pappersenkät</a>
      </p>
      {link ? (
        <section aria-labelledby="open-link">
          <h2 id="open-link">Öppen länk</h2>
          <p>
            <a href={link}>{linkUrl}</a>
          </p>
          {qr}
          <p>
            <a href={`${base}/${round.id}/affisch`}>Affisch att skriva ut</a>
          </p>
        </section>
      ) : null}
      {round.closedOn ? null : (
        <>
          <h2 id="stang">Stäng omgången</h2>
          <p>Inga fler svar tas emot, inte heller på papper, och resultaten publiceras i dag. Det går inte att öppna omgången igen.</p>
          <Form action={`${base}/${round.id}/stang`} label="Stäng omgången">
            <SubmitButton label="Stäng omgången" />
          </Form>
        </>
      )}
      <h2 id="fler-koder">Fler engångskoder</h2>
      <Form action={`${base}/${round.id}/koder`} label="Fler engångskoder">
        <TextField name="codes" label="Antal" inputmode="numeric" size={6} value="10" />
        <SubmitButton label="Skapa koder" />
      </Form>
    </Layout>
  );
}

/** The poster for a round's open link. */
export interface PosterModel {
  readonly federation: FederationRef;
  readonly form: RoundForm;
  readonly url: string;
  readonly qr: Qr;
}

export function PosterPage(props: { model: PosterModel }) {
  const { federation: f, form, url, qr } = props.model;
  const base = surveysBase(f);
  return (
    <Layout title={`Affisch: ${form.round.name}`} federation={f}>
      <div class="poster">
        <h1>Vad tycker du? Svara på enkäten!</h1>
        <p class="survey-thanks">
          {form.set.name} – {f.name}
        </p>
        <p>Skanna koden med mobilens kamera eller skriv in adressen. Du är anonym: inget som visar vem du är sparas.</p>
        {qr}
        <p class="link">{url}</p>
        <p>
          Enkäten är öppen {form.round.opensOn} – {form.round.closesOn}.
        </p>
        <p class="no-print">
          Skriv ut sidan (Ctrl+P), eller <a href={`${base}/${form.round.id}/affisch.pdf`}>ladda ned affischen som PDF</a>.
        </p>
      </div>
    </Layout>
  );
}

/** The form to register one paper questionnaire, with what was typed and refused. */
export interface PaperPageModel {
  readonly federation: FederationRef;
  readonly roundId: number;
  readonly form: RoundForm;
  readonly values?: Record<string, string>;
  readonly errors?: Record<string, string>;
}

export function PaperPage(props: { model: PaperPageModel }) {
  const { federation: f, roundId: id, form, values, errors } = props.model;
  const base = surveysBase(f);
  return (
    <Layout title={`Pappersenkät: ${form.round.name}`} federation={f}>
      <h1>Registrera en pappersenkät</h1>
      <p>
        {form.round.name}. Svaren sparas som inkomna på papper, med samma regler som på webben. Fyll i precis det som står på pappret; ett obesvarat
        påstående registreras som ”{'Vet inte / vill inte svara'}”.
      </p>
      <SurveyAnswerForm form={form} action={`${base}/${id}/papper`} easy={false} values={values} errors={errors} submitLabel="Registrera svaren" />
    </Layout>
  );
}
