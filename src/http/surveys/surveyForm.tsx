import { csrfField } from '../security/csrfField.tsx';
import { getContext } from 'hono/context-storage';
import type { AppEnv } from '../context.ts';
import { freeTextField, freeTextMaxLength, interventionField, noAnswerValue } from '../../core/surveys/answers.ts';
import { noAnswerLabel } from '../../core/surveys/sets.ts';
import type { RoundForm } from '../../services/surveys/rounds.ts';

/**
 * The answer form of a survey round, shared by the public page (/e/TOKEN) and the kansli's paper entry.
 * One fieldset per statement with the statement as its legend; the radio buttons in scale order, then
 * "Vet inte / vill inte svara". Field names: the statement's key (q1 …; lokal-q1 … for the förbund's own
 * questions), value the step number 1 … or "vet-inte"; "insats" (intervention id) when the round concerns
 * several interventions; "fritext" where the set has a free-text question.
 */
export function SurveyAnswerForm(props: {
  form: RoundForm;
  action: string;
  easy: boolean;
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
  submitLabel?: string;
}) {
  const { form } = props;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  const national = form.statements.filter((s) => !s.local);
  const local = form.statements.filter((s) => s.local);
  const ivs = form.round.interventions;
  const question = (s: RoundForm['statements'][number], nr: number) => {
    const text = props.easy && s.easyText ? s.easyText : s.text;
    const err = e[s.field];
    return (
      <fieldset class={err ? 'survey-q has-error' : 'survey-q'} id={`q-${s.field}`} aria-describedby={err ? `err-${s.field}` : undefined}>
        <legend>
          {nr}. {text}
        </legend>
        {err ? (
          <p class="field-error" id={`err-${s.field}`}>
            <span class="visually-hidden">Fel: </span>
            {err}
          </p>
        ) : null}
        <div class="choices">
          {s.scale.map((label, i) => (
            <label class="choice" for={`f-${s.field}-${i + 1}`}>
              <input type="radio" id={`f-${s.field}-${i + 1}`} name={s.field} value={String(i + 1)} checked={v[s.field] === String(i + 1)} />
              {label}
            </label>
          ))}
          <label class="choice choice-none" for={`f-${s.field}-none`}>
            <input type="radio" id={`f-${s.field}-none`} name={s.field} value={noAnswerValue} checked={v[s.field] === noAnswerValue} />
            {noAnswerLabel}
          </label>
        </div>
      </fieldset>
    );
  };
  const prompt = props.easy && form.freeTextPromptEasy ? form.freeTextPromptEasy : form.freeTextPrompt;
  const errorList = Object.entries(e);
  return (
    <>
      {errorList.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="fel">
          <h2>Svaren är inte skickade</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li>
                <a href={field === freeTextField ? `#f-${freeTextField}` : field === interventionField ? `#q-${interventionField}` : `#f-${field}-1`}>{message}</a>
              </li>
            ))}
          </ul>
          <p>Svaren du redan gett finns kvar nedan.</p>
        </div>
      ) : null}
      <form method="post" action={props.action} class="survey-form">
        {csrfField(getContext<AppEnv>())}
        {ivs.length > 1 ? (
          <fieldset class={e[interventionField] ? 'survey-q has-error' : 'survey-q'} id={`q-${interventionField}`}>
            <legend>Vilken insats svarar du om?</legend>
            <div class="choices">
              {ivs.map((iv) => (
                <label class="choice" for={`f-insats-${iv.id}`}>
                  <input type="radio" id={`f-insats-${iv.id}`} name={interventionField} value={String(iv.id)} checked={v[interventionField] === String(iv.id)} />
                  {iv.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {national.map((s, i) => question(s, i + 1))}
        {local.length ? (
          <section aria-labelledby="lokala-fragor">
            <h2 id="lokala-fragor">{form.federationName ? `${form.federationName}s egna frågor` : 'Förbundets egna frågor'}</h2>
            {local.map((s, i) => question(s, national.length + i + 1))}
          </section>
        ) : null}
        {prompt ? (
          <div class={e[freeTextField] ? 'field has-error' : 'field'}>
            <label for={`f-${freeTextField}`}>{prompt}</label>
            <span class="hint" id={`f-${freeTextField}-hint`}>
              Frivilligt. Skriv inte ditt namn, personnummer eller annat som visar vem du är.
            </span>
            {e[freeTextField] ? (
              <span class="field-error" id={`f-${freeTextField}-error`}>
                <span class="visually-hidden">Fel: </span>
                {e[freeTextField]}
              </span>
            ) : null}
            <textarea id={`f-${freeTextField}`} name={freeTextField} rows={5} maxlength={freeTextMaxLength} aria-describedby={`f-${freeTextField}-hint${e[freeTextField] ? ` f-${freeTextField}-error` : ''}`}>
              {v[freeTextField] ?? ''}
            </textarea>
          </div>
        ) : null}
        <button type="submit">{props.submitLabel ?? 'Skicka svaren'}</button>
      </form>
    </>
  );
}
