/** A board meeting: its board pack download and decision items (with the form for a new one), and the page correcting one item. */
import type { FederationRef } from '../context.ts';
import { markupHelp } from '../../core/reports/markup.ts';
import type { DecisionItemRow, MeetingRow } from '../../services/reports/board.ts';
import { Layout } from '../kit/layout.tsx';
import { ErrorSummary, Form, formState, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../kit/form.tsx';
import { DownloadForm } from './parts.tsx';
import { RemoveInRow } from '../kit/removal.tsx';

const markupHint = `Enkel märkning, ingen HTML. ${markupHelp}`;

export interface MeetingModel {
  readonly federation: FederationRef;
  readonly meeting: MeetingRow;
  readonly items: readonly DecisionItemRow[];
  readonly canRead: boolean;
  readonly canWrite: boolean;
  /** A refused decision item (or removal): the problems and what was posted. */
  readonly refused?: { readonly errors: FieldErrors; readonly general: readonly string[]; readonly values: Readonly<Record<string, string>> } | undefined;
}

export function MeetingPage(props: { model: MeetingModel }) {
  const { federation: f, meeting, items, canRead, canWrite, refused } = props.model;
  const base = `/f/${f.id}/styrelse/mote/${meeting.id}`;
  const v = refused?.values ?? {};
  const e = refused?.errors ?? {};
  return (
    <Layout title={`Styrelsemöte ${meeting.date}`} federation={f}>
      <h1>Styrelsemöte {meeting.date}</h1>
      <p>
        <a href={`/f/${f.id}/styrelse`}>Tillbaka till styrelsen</a>
      </p>
      <ErrorSummary errors={refused?.errors} general={refused?.general} />
      {canRead ? (
        <DownloadForm action={`/f/${f.id}/rapporter/handlingar`} label="Ladda ner handlingarna">
          <input type="hidden" name="datum" value={meeting.date} />
        </DownloadForm>
      ) : null}
      <h2>Ärenden för beslut</h2>
      {items.length ? (
        <ol>
          {items.map((i) => (
            <li>
              <strong>{i.title}</strong>
              {i.proposal ? ` – förslag till beslut: ${i.proposal}` : ''}{' '}
              {canWrite ? (
                <a href={`${base}/arende/${i.id}`} aria-label={`Ändra ${i.title}`}>
                  Ändra
                </a>
              ) : null}{' '}
              {canWrite ? <RemoveInRow action={`${base}/arende/${i.id}/ta-bort`} what={`ärendet ${i.title}`} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>Inga ärenden är registrerade.</p>
      )}
      {canWrite ? (
        <Form action={`${base}/arende`} label="Lägg till ärende">
          <h3>Lägg till ärende</h3>
          <TextField name="title" label="Rubrik" value={v.title ?? ''} error={e.title} />
          <TextAreaField name="body" label="Underlag" rows={8} value={v.body ?? ''} error={e.body} hint={markupHint} />
          <TextAreaField name="proposal" label="Förslag till beslut" rows={3} value={v.proposal ?? ''} error={e.proposal} />
          <SubmitButton label="Lägg till ärende" />
        </Form>
      ) : null}
    </Layout>
  );
}

export interface DecisionItemEditModel {
  readonly federation: FederationRef;
  readonly meetingId: number;
  readonly item: DecisionItemRow;
}

/** Corrects one decision item: its current text, or what was typed after a refusal. */
export function DecisionItemEditPage(props: { model: DecisionItemEditModel }) {
  const { federation: f, meetingId, item } = props.model;
  const action = `/f/${f.id}/styrelse/mote/${meetingId}/arende/${item.id}`;
  const s = formState(action, { title: item.title, body: item.body, proposal: item.proposal });
  return (
    <Layout title={`Ändra ärende ${item.title}`} federation={f}>
      <h1>Ändra ärende: {item.title}</h1>
      <Form action={action} label="Ändra ärende">
        <TextField {...s.bind('title')} label="Rubrik" required />
        <TextAreaField {...s.bind('body')} label="Underlag" rows={8} hint={markupHint} />
        <TextAreaField {...s.bind('proposal')} label="Förslag till beslut" rows={3} />
        <SubmitButton label="Spara ändringen" />
      </Form>
      <p>
        <a href={`/f/${f.id}/styrelse/mote/${meetingId}`}>Tillbaka till mötet</a>
      </p>
    </Layout>
  );
}
