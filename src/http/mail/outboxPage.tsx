import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { CheckboxGroup, Form, RowAction, SubmitButton } from '../kit/form.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { mailKindLabels } from '../../core/mail/messages.ts';
import type { OutboxRow } from '../../services/mail/outbox.ts';
import type { ReminderKind } from '../../services/mail/reminders.ts';

export interface OutboxPageModel {
  readonly federation: FederationRef;
  readonly mail: { readonly on: true; readonly from: string; readonly server: string } | { readonly on: false };
  readonly messages: readonly OutboxRow[];
  readonly reminders: Readonly<Record<ReminderKind, boolean>>;
  /** Open survey rounds whose link can be sent to the staff of their interventions. */
  readonly rounds: readonly { readonly id: number; readonly name: string; readonly closesOn: string }[];
}

const stateLabels: Record<OutboxRow['state'], string> = {
  pending: 'Väntar',
  sending: 'Skickas',
  sent: 'Skickat',
  failed: 'Misslyckades',
};

const reminderLabels: Record<ReminderKind, string> = {
  requisition_reminder: 'Rekvisition som ska in (kvartalets sista två veckor), till insatsens personal',
  survey_reminder: 'Enkätomgång som stänger inom en vecka med få svar, till insatsernas personal',
  follow_up_reminder: '6- och 12-månadersuppföljningar som ska göras, till insatsens personal',
};

function stateText(m: OutboxRow): string {
  if (m.state === 'sent') return `Skickat ${m.sentAt ?? ''}`.trim();
  if (m.state === 'pending' && m.attempts > 0) return `Väntar, nytt försök ${m.nextAttemptAt}`;
  return stateLabels[m.state];
}

export function OutboxPage(props: { model: OutboxPageModel }) {
  const { federation: f, mail, messages, reminders, rounds } = props.model;
  const failed = messages.filter((m) => m.state === 'failed').length;
  return (
    <Layout title="E-post" federation={f}>
      <h1>E-post</h1>
      {mail.on ? (
        <p>
          E-post är på: Samordna skickar inbjudningar, länkar för nytt lösenord, kontoaviseringar och påminnelser från {mail.from} via {mail.server}.
        </p>
      ) : (
        <p>
          E-post är av (servern saknar SAMORDNA_SMTP_URL): länkar för inbjudan och nytt lösenord visas för den som skapar dem, och inga påminnelser
          skickas.
        </p>
      )}
      {failed ? (
        <p class="error" role="alert">
          {failed === 1 ? 'Ett meddelande' : `${failed} meddelanden`} kunde inte skickas. Se e-postserverns svar nedan; rätta adressen eller skicka igen.
        </p>
      ) : null}
      <ScrollTable label="Utkorgen">
        <table>
          <caption>Utkorgen, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Skapat</th>
              <th scope="col">Sort</th>
              <th scope="col">Till</th>
              <th scope="col">Ämne</th>
              <th scope="col">Läge</th>
              <th scope="col">Försök</th>
              <th scope="col">Serverns svar</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {messages.length ? (
              messages.map((m) => (
                <tr class={m.state === 'failed' ? 'failed' : undefined}>
                  <td>{m.createdAt}</td>
                  <td>{mailKindLabels[m.kind] ?? m.kind}</td>
                  <th scope="row">{m.recipient}</th>
                  <td>{m.subject}</td>
                  <td>{stateText(m)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastReply || '–'}</td>
                  <td>
                    {m.state === 'failed' || m.state === 'sent' ? (
                      <RowAction action={`/f/${f.id}/epost/${m.id}/skicka-igen`} label="Skicka igen" accessibleName={`Skicka igen: ${m.subject} till ${m.recipient}`} />
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))
            ) : (
              <tr>
                <td colspan={8}>Inga meddelanden ännu.</td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollTable>
      {mail.on && rounds.length ? (
        <>
          <h2>Enkätens länk till personalen</h2>
          <p>Skicka en öppen enkätomgångs länk till personalen på omgångens insatser, som delar ut den. Länken är densamma för alla som svarar.</p>
          <ul>
            {rounds.map((r) => (
              <li>
                {`${r.name} (stänger ${r.closesOn}) `}
                <RowAction action={`/f/${f.id}/epost/enkat/${r.id}`} label="Skicka länken" accessibleName={`Skicka länken till ${r.name}`} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Påminnelser</h2>
      <p>Påminnelserna skickas när e-post är på, en gång per sak och period. Avmarkera det förbundet inte vill ha.</p>
      <Form action={`/f/${f.id}/epost/paminnelser`} label="Påminnelser per e-post">
        <CheckboxGroup
          name="reminders[]"
          legend="Skicka påminnelser om"
          options={(Object.keys(reminderLabels) as ReminderKind[]).map((k) => ({ value: k, label: reminderLabels[k] }))}
          chosen={(Object.keys(reminders) as ReminderKind[]).filter((k) => reminders[k])}
        />
        <SubmitButton label="Spara påminnelser" />
      </Form>
    </Layout>
  );
}
