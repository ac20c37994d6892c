/** Board meetings: the list with a new notice, and one meeting with its agenda, protocol, justering and documents. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { CheckboxGroup, Form, formState, SubmitButton, TextAreaField, TextField } from '../kit/form.tsx';
import { fmtKronor } from '../kit/format.ts';
import { yearAmountText } from '../../core/applications/application.ts';
import type { ApplicationSummary } from '../../services/decisions/applications.ts';
import type { MeetingAgenda, MinutesView } from '../../services/decisions/minutes.ts';

export interface MeetingListModel {
  readonly federation: FederationRef;
  readonly meetings: readonly { id: number; date: string; note: string }[];
  readonly ready: readonly ApplicationSummary[];
  readonly canWrite: boolean;
  readonly today: string;
}

export function MeetingListPage(props: { model: MeetingListModel }) {
  const { federation: f, meetings, ready, canWrite, today } = props.model;
  const action = `/f/${f.id}/moten`;
  const s = formState(action);
  const coming = meetings.filter((m) => m.date >= today);
  const held = meetings.filter((m) => m.date < today).reverse();
  const list = (rows: typeof meetings) => (
    <ul>
      {rows.map((m) => (
        <li>
          <a href={`/f/${f.id}/moten/${m.id}`}>Sammanträde {m.date}</a>
          {m.note ? ` – ${m.note}` : ''}
        </li>
      ))}
    </ul>
  );
  return (
    <Layout title="Styrelsens sammanträden" federation={f}>
      <h1>Styrelsens sammanträden</h1>
      <p>
        <a href={`/katalog/${f.id}/anslag`}>Förbundets anslagstavla</a>
      </p>
      <h2>Kommande</h2>
      {coming.length ? list(coming) : <p>Inga kommande sammanträden.</p>}
      <h2>Hållna</h2>
      {held.length ? list(held) : <p>Inga hållna sammanträden.</p>}
      {canWrite ? (
        <Form action={action} label="Ny kallelse">
          <h2>Kallelse med föredragningslista</h2>
          <TextField {...s.bind('date')} label="Datum för sammanträdet" type="date" required />
          <TextField {...s.bind('note')} label="Tid och plats" />
          <CheckboxGroup
            name="applications[]"
            legend="Ansökningar att ta upp"
            options={ready.map((a) => ({ value: String(a.id), label: `${a.title} (${a.statusLabel.toLowerCase()})` }))}
            chosen={s.values('applications') ?? []}
            empty={<p>Inga ansökningar väntar på beslut.</p>}
          />
          <TextAreaField {...s.bind('items')} label="Övriga ärenden" hint="Ett ärende per rad, t.ex. Ekonomisk uppföljning, Anmälan av delegationsbeslut." rows={4} />
          <SubmitButton label="Spara kallelsen" />
        </Form>
      ) : null}
    </Layout>
  );
}

export interface MeetingProtocolModel {
  readonly federation: FederationRef;
  readonly meeting: MeetingAgenda;
  readonly protocol: MinutesView | null;
  readonly canWrite: boolean;
  /** The logged-in user may approve now (named, not yet approved, not locked). */
  readonly canApprove: boolean;
}

function ProtocolView(props: { protocol: MinutesView }) {
  const p = props.protocol;
  return (
    <>
      <p>
        <strong>Närvarande:</strong> {p.present.join(', ')}. <strong>Ordförande:</strong> {p.chair}. <strong>Sekreterare:</strong> {p.secretary}.{' '}
        <strong>Justerare:</strong> {p.adjusters.join(' och ')}.
      </p>
      {p.paragraphs.map((x) => (
        <section aria-label={`§ ${x.number}`}>
          <h3>
            § {x.number} {x.itemTitle ?? ''}
          </h3>
          <p>{x.text}</p>
          {x.amounts.length ? <p>Beviljade medel: {x.amounts.map((a) => `${a.year}: ${fmtKronor(a.amountOre)}`).join(', ')}</p> : null}
        </section>
      ))}
      <h3>Justering</h3>
      <ul>
        {p.required.map((who) => {
          const done = p.approvals.find((a) => a.approver === who);
          return <li>{done ? `${who} justerade ${done.approvedAt.replace('T', ' ')}` : `${who} har inte justerat`}</li>;
        })}
      </ul>
      {p.adjustedAt && p.notice ? (
        <p>
          Protokollet är justerat och låst. Anslaget {p.notice.firstDay} till och med {p.notice.lastDay}. Rättelser skrivs som en ny paragraf i ett senare protokoll.
        </p>
      ) : null}
    </>
  );
}

function ProtocolForm(props: { federation: FederationRef; meeting: MeetingAgenda; protocol: MinutesView | null }) {
  const { federation: f, meeting: m, protocol: p } = props;
  const defaults: Record<string, string> = {
    present: p?.present.join('\n') ?? '', chair: p?.chair ?? '', secretary: p?.secretary ?? '', adjuster1: p?.adjusters[0] ?? '', adjuster2: p?.adjusters[1] ?? '',
  };
  for (const i of m.items) {
    const para = p?.paragraphs.find((x) => x.itemId === i.id);
    defaults[`decision_${i.number}`] = para?.text ?? '';
    defaults[`amounts_${i.number}`] = para ? yearAmountText(para.amounts) : '';
  }
  const s = formState(`/f/${f.id}/moten/${m.id}/protokoll`, defaults);
  return (
    <Form action={`/f/${f.id}/moten/${m.id}/protokoll`} label="Protokoll">
      <h2>{p ? 'Ändra protokollet' : 'Skriv protokollet'}</h2>
      <TextAreaField {...s.bind('present')} label="Närvarande" hint="En person per rad, ledamöter och tjänstgörande ersättare." rows={5} />
      <TextField {...s.bind('chair')} label="Ordförande" hint="Namn, eller e-postadress om ordföranden också ska justera i Samordna." />
      <TextField {...s.bind('secretary')} label="Sekreterare" />
      <TextField {...s.bind('adjuster1')} label="Justerare 1 (e-postadress)" type="email" />
      <TextField {...s.bind('adjuster2')} label="Justerare 2 (e-postadress)" type="email" />
      {m.items.map((i) => (
        <fieldset>
          <legend>
            § {i.number} {i.title}
          </legend>
          <TextAreaField
            {...s.bind(`decision_${i.number}`)}
            label="Beslut"
            hint={i.applicationId ? 'Skriv "beviljas" eller "avslås", eller beslutet med egna ord.' : undefined}
            rows={2}
          />
          {i.applicationId ? <TextAreaField {...s.bind(`amounts_${i.number}`)} label="Beviljat belopp per år" hint="Ett år per rad: 2027: 500 000. Tomt: förslaget." rows={2} /> : null}
        </fieldset>
      ))}
      <SubmitButton label="Spara protokollet" />
    </Form>
  );
}

export function MeetingProtocolPage(props: { model: MeetingProtocolModel }) {
  const { federation: f, meeting: m, protocol, canWrite, canApprove } = props.model;
  const base = `/f/${f.id}/moten/${m.id}`;
  return (
    <Layout title={`Sammanträde ${m.date}`} federation={f}>
      <p>
        <a href={`/f/${f.id}/moten`}>Alla sammanträden</a>
      </p>
      <h1>Styrelsens sammanträde {m.date}</h1>
      {m.note ? <p>{m.note}</p> : null}
      <p>
        Kallelse: <a href={`${base}/kallelse?format=pdf`}>PDF</a> · <a href={`${base}/kallelse?format=docx`}>DOCX</a>
        {protocol ? (
          <>
            {' '}
            · Protokoll: <a href={`${base}/protokoll?format=pdf`}>PDF</a> · <a href={`${base}/protokoll?format=docx`}>DOCX</a>
          </>
        ) : null}
      </p>
      <h2>Föredragningslista</h2>
      {m.items.length ? (
        <ol>
          {m.items.map((i) => (
            <li>{i.applicationId ? <a href={`/f/${f.id}/ansokningar/${i.applicationId}`}>{i.title}</a> : i.title}</li>
          ))}
        </ol>
      ) : (
        <p>Inga ärenden.</p>
      )}
      {protocol ? (
        <>
          <h2>Protokoll</h2>
          <ProtocolView protocol={protocol} />
        </>
      ) : null}
      {canApprove ? (
        <Form action={`${base}/justera`} label="Justera protokollet">
          <p>Du är utsedd att justera protokollet. Läs det och justera när det stämmer med sammanträdet.</p>
          <SubmitButton label="Justera protokollet" />
        </Form>
      ) : null}
      {canWrite && !protocol?.adjustedAt && m.items.length ? <ProtocolForm federation={f} meeting={m} protocol={protocol} /> : null}
    </Layout>
  );
}
