/**
 * The board register (/styrelse): ledamöter and ersättare, auditors and meetings with a form for each, and the
 * page that corrects one ledamot. A refused form comes back through the common mechanism (kit/form.tsx
 * formState: the posted values and each message beside its field, in the form that was posted).
 */
import type { FederationRef } from '../context.ts';
import { positionLabels } from '../../core/reports/annualReport.ts';
import type { AuditorRow, BoardMemberRow, MeetingRow } from '../../services/reports/board.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { ErrorSummary, Form, formState, SelectField, SubmitButton, TextField, type FieldErrors } from '../kit/form.tsx';
import { memberOptions, positionOptions, seatOptions } from './parts.tsx';
import { RemoveInRow } from '../kit/removal.tsx';

type Named = { readonly id: number; readonly name: string };

export interface BoardModel {
  readonly federation: FederationRef;
  readonly canWrite: boolean;
  /** The förbund's members, for "Utsedd av". */
  readonly members: readonly Named[];
  readonly board: readonly BoardMemberRow[];
  readonly auditors: readonly AuditorRow[];
  readonly meetings: readonly MeetingRow[];
  /** A refused removal (a malformed id in the address): its problems, shown above the page. */
  readonly refused?: { readonly errors: FieldErrors; readonly general: readonly string[] } | undefined;
}

export function BoardPage(props: { model: BoardModel }) {
  const { federation: f, canWrite, members, board, auditors, meetings, refused } = props.model;
  const base = `/f/${f.id}/styrelse`;
  const remove = (action: string, what: string) => (canWrite ? <RemoveInRow action={action} what={what} /> : null);
  const member = formState(`${base}/ledamot`, { seat: 'ledamot', position: 'none' });
  const auditor = formState(`${base}/revisor`);
  const meeting = formState(`${base}/mote`);
  return (
    <Layout title="Styrelse" federation={f}>
      <h1>Styrelse, revisorer och möten</h1>
      <ErrorSummary errors={refused?.errors} general={refused?.general} />
      <h2>Styrelsen</h2>
      {board.length ? (
        <ScrollTable>
          <table>
            <caption>Ledamöter och ersättare</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                {canWrite ? <th scope="col">Ändra</th> : null}
                <th scope="col">Uppdrag</th>
                <th scope="col">Utsedd av</th>
                <th scope="col">Mandatperiod</th>
              </tr>
            </thead>
            <tbody>
              {board.map((b) => (
                <tr>
                  <th scope="row">{b.name}</th>
                  {canWrite ? (
                    <td class="row-actions">
                      <a href={`${base}/ledamot/${b.id}`} aria-label={`Ändra ${b.name}`}>
                        Ändra
                      </a>{' '}
                      {remove(`${base}/ledamot/${b.id}/ta-bort`, `ledamoten ${b.name}`)}
                    </td>
                  ) : null}
                  <td>{b.seat === 'ersattare' ? 'Ersättare' : positionLabels[b.position]}</td>
                  <td>{b.memberName ?? '–'}</td>
                  <td>
                    {b.termStart} – {b.termEnd ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>Ingen ledamot är registrerad.</p>
      )}
      {canWrite ? (
        <Form action={`${base}/ledamot`} label="Lägg till ledamot eller ersättare">
          <h3>Lägg till ledamot eller ersättare</h3>
          <div class="form-row">
            <TextField {...member.bind('name')} label="Namn" />
            <SelectField {...member.bind('seat')} label="Ledamot eller ersättare" options={seatOptions} />
            <SelectField {...member.bind('position')} label="Uppdrag" options={positionOptions} />
            <SelectField {...member.bind('memberId')} label="Utsedd av" options={memberOptions(members)} />
            <TextField {...member.bind('termStart')} label="Från (ÅÅÅÅ-MM-DD)" size={12} />
            <TextField {...member.bind('termEnd')} label="Till (ÅÅÅÅ-MM-DD)" size={12} />
            <SubmitButton label="Lägg till" />
          </div>
        </Form>
      ) : null}
      <h2>Revisorer</h2>
      {auditors.length ? (
        <ul>
          {auditors.map((a) => (
            <li>
              {a.name}
              {a.title ? `, ${a.title}` : ''}
              {a.appointedBy ? ` (utsedd av ${a.appointedBy})` : ''} {a.termStart} – {a.termEnd ?? ''} {remove(`${base}/revisor/${a.id}/ta-bort`, `revisorn ${a.name}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Ingen revisor är registrerad.</p>
      )}
      {canWrite ? (
        <Form action={`${base}/revisor`} label="Lägg till revisor" idSuffix="auditor">
          <h3>Lägg till revisor</h3>
          <div class="form-row">
            <TextField {...auditor.bind('name')} idSuffix="auditor" label="Namn" />
            <TextField {...auditor.bind('title')} idSuffix="auditor" label="Titel" hint="T.ex. Auktoriserad revisor" />
            <TextField {...auditor.bind('appointedBy')} idSuffix="auditor" label="Utsedd av" />
            <TextField {...auditor.bind('termStart')} idSuffix="auditor" label="Från (ÅÅÅÅ-MM-DD)" size={12} />
            <TextField {...auditor.bind('termEnd')} idSuffix="auditor" label="Till (ÅÅÅÅ-MM-DD)" size={12} />
            <SubmitButton label="Lägg till revisor" />
          </div>
        </Form>
      ) : null}
      <h2>Styrelsemöten</h2>
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li>
              <a href={`${base}/mote/${m.id}`}>{m.date}</a>
              {m.note ? ` – ${m.note}` : ''} {canWrite ? <RemoveInRow action={`${base}/mote/${m.id}/ta-bort`} what={`mötet ${m.date}`} note="Mötets ärenden för beslut tas bort med det." /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Inget möte är registrerat.</p>
      )}
      {canWrite ? (
        <Form action={`${base}/mote`} label="Lägg till möte">
          <h3>Lägg till möte</h3>
          <div class="form-row">
            <TextField {...meeting.bind('date')} label="Datum (ÅÅÅÅ-MM-DD)" size={12} />
            <TextField {...meeting.bind('note')} label="Anteckning" />
            <SubmitButton label="Lägg till möte" />
          </div>
        </Form>
      ) : null}
    </Layout>
  );
}

export interface BoardMemberEditModel {
  readonly federation: FederationRef;
  readonly boardMember: BoardMemberRow;
  readonly members: readonly Named[];
}

/** Corrects one ledamot or ersättare: the current values, or what was typed after a refusal. */
export function BoardMemberEditPage(props: { model: BoardMemberEditModel }) {
  const { federation: f, boardMember: b, members } = props.model;
  const action = `/f/${f.id}/styrelse/ledamot/${b.id}`;
  const s = formState(action, { name: b.name, seat: b.seat, position: b.position || 'none', memberId: b.memberId === null ? '' : String(b.memberId), termStart: b.termStart, termEnd: b.termEnd ?? '' });
  return (
    <Layout title={`Ändra ${b.name}`} federation={f}>
      <h1>Ändra {b.name}</h1>
      <Form action={action} label={`Ändra ${b.name}`}>
        <TextField {...s.bind('name')} label="Namn" required />
        <SelectField {...s.bind('seat')} label="Ledamot eller ersättare" options={seatOptions} />
        <SelectField {...s.bind('position')} label="Uppdrag" options={positionOptions} />
        <SelectField {...s.bind('memberId')} label="Utsedd av" options={memberOptions(members)} />
        <TextField {...s.bind('termStart')} label="Från (ÅÅÅÅ-MM-DD)" size={12} />
        <TextField {...s.bind('termEnd')} label="Till (ÅÅÅÅ-MM-DD)" size={12} />
        <SubmitButton label="Spara ändringen" />
      </Form>
      <p>
        <a href={`/f/${f.id}/styrelse`}>Tillbaka till styrelsen</a>
      </p>
    </Layout>
  );
}
