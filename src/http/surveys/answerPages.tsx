/** The public answer pages a respondent opens at /e/TOKEN: the questionnaire, and the short messages (thanks, closed, unknown). */
import { Layout } from '../kit/layout.tsx';
import { SurveyAnswerForm } from './surveyForm.tsx';
import type { RoundForm } from '../../services/surveys/rounds.ts';

/** A message page: thanks (200, a status) or why the survey cannot be answered (an alert). */
export function AnswerMessagePage(props: { title: string; text: string; status: 200 | 404 | 409 | 429 }) {
  const { title, text, status } = props;
  return (
    <Layout title={title}>
      <>
        <h1>{title}</h1>
        <p class={status === 200 ? 'survey-thanks' : 'error'} role={status === 200 ? 'status' : 'alert'}>
          {text}
        </p>
      </>
    </Layout>
  );
}

/** The questionnaire of a round, in plain or easy-to-read Swedish, with what was typed and refused. */
export interface AnswerFormModel {
  readonly token: string;
  readonly form: RoundForm;
  /** The set has easy-to-read wording, and whether it is shown. */
  readonly hasEasy: boolean;
  readonly easy: boolean;
  readonly values?: Record<string, string>;
  readonly errors?: Record<string, string>;
}

export function AnswerFormPage(props: { model: AnswerFormModel }) {
  const { token, form, hasEasy, easy, values, errors } = props.model;
  const action = `/e/${token}${easy ? '?lattlast=1' : ''}`;
  return (
    <Layout title={form.set.name}>
      <>
        <h1>{form.set.name}</h1>
        <p>
          {form.federationName}, {form.round.year}. {easy ? 'Dina svar är hemliga. Ingen kan se vem som svarat.' : 'Enkäten är anonym: inget som visar vem du är sparas, varken namn, dator eller klockslag.'}
        </p>
        {hasEasy ? <p>{easy ? <a href={`/e/${token}`}>Vanlig svenska</a> : <a href={`/e/${token}?lattlast=1`}>Lättläst svenska</a>}</p> : null}
        <SurveyAnswerForm form={form} action={action} easy={easy} values={values} errors={errors} />
        <p>
          <a href={`/tillganglighet/${form.round.federationId}`}>Tillgänglighetsredogörelse</a>
        </p>
      </>
    </Layout>
  );
}
