/** The question sets, each version locked, and the form for a new set or a new version of one. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ErrorSummary, Form, Notice, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../kit/form.tsx';
import { respondentGroups, setKindLabels, setKinds } from '../../core/surveys/sets.ts';
import { statementLines } from '../../core/surveys/setText.ts';
import type { SurveySet } from '../../services/surveys/sets.ts';
import { groupLabel, surveysBase } from './parts.ts';

export interface SetsPageModel {
  readonly federation: FederationRef;
  readonly manage: boolean;
  readonly sets: readonly SurveySet[];
  /** The set a new version is made of, or null for a new set. */
  readonly basedOn: SurveySet | null;
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  readonly general?: string[];
  readonly notice?: string;
}

export function SetsPage(props: { model: SetsPageModel }) {
  const { federation: f, manage, sets, basedOn, errors, general, notice } = props.model;
  const base = surveysBase(f);
  const v = props.model.values ?? {};
  const e = errors ?? {};
  return (
    <Layout title="Frågeset" federation={f}>
      <h1>Frågeset</h1>
      <Notice message={notice} />
      <p>
        Varje version av ett frågeset är låst: en ändring blir en ny version, och svar på en äldre version hör kvar till den. De nationella frågorna
        får inte formuleras om; förbundets egna frågor ställs efter dem och redovisas för sig.
      </p>
      {sets.map((s) => (
        <section aria-labelledby={`set-${s.dbId}`}>
          <h2 id={`set-${s.dbId}`}>
            {s.name} <span class="unit">({s.id})</span>
          </h2>
          <p>
            {setKindLabels[s.kind]}, {groupLabel(s.group)}, version {s.version}
            {s.builtin ? ', levereras med Samordna' : ''}.{s.freeTextPrompt ? ` Fritextfråga: ”${s.freeTextPrompt}”` : ' Ingen fritextfråga.'}
          </p>
          <ScrollTable label={`Frågor i ${s.name}`}>
            <table>
              <caption class="visually-hidden">Frågor i {s.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Fält</th>
                  <th scope="col">Indikator</th>
                  <th scope="col">Formulering</th>
                  <th scope="col">Skala</th>
                </tr>
              </thead>
              <tbody>
                {s.statements.map((st) => (
                  <tr>
                    <td>{st.id}</td>
                    <td>{st.indicator || '–'}</td>
                    <td>
                      {st.text}
                      {st.easyText ? <span class="hint"> Lättläst: {st.easyText}</span> : null}
                    </td>
                    <td>{st.scale.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {manage ? (
            <p>
              <a href={`${base}/fragor/${s.dbId}/ny-version#nytt-set`}>Gör en ny version av {s.name}</a>
            </p>
          ) : null}
        </section>
      ))}
      {manage ? (
        <>
          <h2 id="nytt-set">{basedOn ? `Ny version av ${basedOn.name} (version ${basedOn.version + 1})` : 'Nytt frågeset'}</h2>
          <ErrorSummary errors={errors} general={general} />
          <Form action={`${base}/fragor`} label={basedOn ? 'Ny version' : 'Nytt frågeset'}>
            {basedOn ? <input type="hidden" name="newVersionOf" value={String(basedOn.dbId)} /> : null}
            <TextField name="name" label="Namn" value={v.name ?? basedOn?.name ?? ''} error={e.name} />
            <SelectField name="group" label="Respondentgrupp" value={v.group ?? basedOn?.group} error={e.group} options={respondentGroups.map((g) => ({ value: g, label: groupLabel(g) }))} />
            <SelectField name="kind" label="Sort" value={v.kind ?? basedOn?.kind} error={e.kind} options={setKinds.map((k) => ({ value: k, label: setKindLabels[k] }))} />
            <TextAreaField
              name="statements"
              label="Frågor, en per rad"
              rows={10}
              value={v.statements ?? (basedOn ? statementLines(basedOn.statements) : '')}
              error={e.statements}
              hint="indikator | skala | formulering | lättläst formulering (valfri). Skala: A = Aldrig … Alltid, B = Inte alls … Helt och hållet, C = styrelsens skala, eller stegen åtskilda med semikolon."
            />
            <TextField name="freeTextPrompt" label="Fritextfråga (valfri)" value={v.freeTextPrompt ?? basedOn?.freeTextPrompt ?? ''} error={e.freeTextPrompt} hint="Bara om frågesetet har en fritextfråga." />
            <TextField name="freeTextPromptEasy" label="Fritextfråga på lättläst svenska (valfri)" value={v.freeTextPromptEasy ?? basedOn?.freeTextPromptEasy ?? ''} />
            <SubmitButton label="Spara frågesetet" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
