/** The annual report's page: the year, status, downloads, chapters with their texts, status and adoption, events. */
import type { FederationRef } from '../context.ts';
import type { AnnualReportState } from '../../services/reports/texts.ts';
import { annualReportChapters, reportStatusLabels } from '../../core/reports/chapters.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../kit/form.tsx';
import type { ChecklistItem } from '../../core/reports/annualReport.ts';
import { DownloadForm } from './parts.tsx';

/** A refused write on this page (adopt, reopen, a chapter switched): what was posted and the problems. */
export interface RefusedReportForm {
  readonly errors: FieldErrors;
  readonly general: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

export interface AnnualReportModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly state: AnnualReportState;
  /** The optional chapters the förbund has switched off. */
  readonly disabledChapters: ReadonlySet<string>;
  /** The board's meeting dates, oldest first (for the board pack download). */
  readonly meetingDates: readonly string[];
  readonly canRead: boolean;
  readonly canWrite: boolean;
  readonly refused?: RefusedReportForm | undefined;
  /** What is still to write or register before the report is locked (the document prints no gaps). */
  readonly checklist: readonly ChecklistItem[];
}

const eventLabels: Record<AnnualReportState['events'][number]['event'], string> = { ready: 'klar för styrelsen', draft: 'tillbaka till utkast', adopted: 'fastställd', reopened: 'öppnad igen' };

export function AnnualReportPage(props: { model: AnnualReportModel }) {
  const { federation: f, year, state, disabledChapters: off, meetingDates, canRead, canWrite, refused, checklist } = props.model;
  const texts = new Map(state.texts.map((t) => [t.chapter, t]));
  const v = refused?.values ?? {};
  const e = refused?.errors ?? {};
  const locked = state.status === 'adopted';
  const base = `/f/${f.id}/arsredovisning/${year}`;
  return (
    <Layout title={`Årsredovisning ${year}`} federation={f}>
      <h1>Årsredovisning {year}</h1>
      <ErrorSummary errors={refused?.errors} general={refused?.general} />
      <Form action={`/f/${f.id}/arsredovisning`} method="get" label="Välj år">
        <div class="form-row">
          <TextField name="ar" label="År" inputmode="numeric" size={6} value={String(year)} />
          <SubmitButton label="Visa" />
        </div>
      </Form>
      <p>
        Status: <strong>{reportStatusLabels[state.status]}</strong>
        {locked ? ` (${state.adoptedDate}, ${state.adoptedParagraph}). Årsredovisningen är låst.` : '.'}
      </p>
      {canRead ? (
        <>
          <h2>Ladda ner</h2>
          <DownloadForm action={`/f/${f.id}/rapporter/arsredovisning`} label="Ladda ner årsredovisningen">
            <input type="hidden" name="ar" value={String(year)} />
          </DownloadForm>
          <DownloadForm action={`/f/${f.id}/rapporter/delarsrapport`} label="Ladda ner delårsrapporten">
            <input type="hidden" name="ar" value={String(year)} />
            <SelectField name="manad" label="Till och med månad" options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} value="8" />
          </DownloadForm>
          {meetingDates.length ? (
            <DownloadForm action={`/f/${f.id}/rapporter/handlingar`} label="Ladda ner handlingar till styrelsemöte">
              <SelectField name="datum" label="Möte" options={meetingDates.map((d) => ({ value: d, label: d }))} value={meetingDates[meetingDates.length - 1]!} />
            </DownloadForm>
          ) : canWrite ? (
            <p>
              Lägg till styrelsens möten under <a href={`/f/${f.id}/styrelse`}>Styrelse</a> för att ladda ner handlingar till ett möte.
            </p>
          ) : (
            <p>Inga styrelsemöten är inlagda ännu. Handlingar till ett möte går att ladda ner här när kansliet har lagt in mötet.</p>
          )}
        </>
      ) : null}
      <h2>Avsnitt och texter</h2>
      <ScrollTable>
        <table>
          <caption>Årsredovisningens avsnitt {year}</caption>
          <thead>
            <tr>
              <th scope="col">Avsnitt</th>
              <th scope="col">Genereras</th>
              <th scope="col">Text</th>
              <th scope="col">Med i rapporten</th>
            </tr>
          </thead>
          <tbody>
            {annualReportChapters.map((ch) => {
              const t = texts.get(ch.key);
              const included = !(ch.optional && off.has(ch.key));
              return (
                <tr>
                  <th scope="row">{ch.title}</th>
                  <td>{ch.generated ?? '–'}</td>
                  <td>
                    {ch.narrative ? (
                      <>
                        {t ? `Version ${t.version}, ${t.changedBy}, ${t.changedAt}` : 'Ingen text'}{' '}
                        {canWrite && !locked ? (
                          <a href={`${base}/text/${ch.key}`}>
                            Skriv<span class="visually-hidden"> {ch.title}</span>
                          </a>
                        ) : t ? (
                          <a href={`${base}/text/${ch.key}`}>
                            Visa<span class="visually-hidden"> {ch.title}</span>
                          </a>
                        ) : null}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    {included ? 'Ja' : 'Nej'}
                    {canWrite && ch.optional ? (
                      <Form action={`/f/${f.id}/arsredovisning/avsnitt`} class="inline" label={`${included ? 'Ta bort' : 'Ta med'} ${ch.title}`}>
                        <input type="hidden" name="chapter" value={ch.key} />
                        <input type="hidden" name="enabled" value={included ? 'nej' : 'ja'} />
                        <input type="hidden" name="ar" value={String(year)} />{' '}
                        <button type="submit">
                          {included ? 'Ta bort' : 'Ta med'}
                          <span class="visually-hidden"> {ch.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {canWrite ? (
        <>
          <h2>Status och fastställelse</h2>
          {!locked ? (
            <>
              <h3>Kvar att göra innan årsredovisningen låses</h3>
              {checklist.length ? (
                <ul class="checklist">
                  {checklist.map((item) => (
                    <li>
                      {item.kind === 'text' ? (
                        <a href={`${base}/text/${item.chapterKey}`}>
                          {item.chapter}: {item.what.toLowerCase()} saknas
                        </a>
                      ) : (
                        <>
                          {item.chapter}: {item.what} är inte registrerat eller inläst
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Alla avsnitt har text och alla uppgifter finns.</p>
              )}
              <Form action={`${base}/kopiera`} label="Kopiera förra årets texter">
                <p>Kopiera texterna från {year - 1} till de avsnitt som ännu saknar text för {year}.</p>
                <SubmitButton label={`Kopiera texterna från ${year - 1}`} />
              </Form>
              <Form action={`${base}/status`} label="Ändra status">
                <input type="hidden" name="ready" value={state.status === 'ready' ? 'nej' : 'ja'} />
                <SubmitButton label={state.status === 'ready' ? 'Tillbaka till utkast' : 'Markera som klar för styrelsen'} />
              </Form>
              {state.status === 'ready' ? (
                <Form action={`${base}/faststall`} label="Fastställ årsredovisningen">
                  <div class="form-row">
                    <TextField name="date" label="Styrelsens beslutsdatum (ÅÅÅÅ-MM-DD)" size={12} value={v.date ?? ''} error={e.date} />
                    <TextField name="paragraph" label="Paragraf i protokollet" size={8} value={v.paragraph ?? ''} error={e.paragraph} hint="T.ex. § 12" />
                    <SubmitButton label="Fastställ och lås" />
                  </div>
                </Form>
              ) : null}
            </>
          ) : (
            <Form action={`${base}/oppna`} label="Öppna årsredovisningen igen">
              <TextAreaField name="reason" label="Skäl till att öppna årsredovisningen igen" rows={2} value={v.reason ?? ''} error={e.reason} hint="Öppningen loggas med ditt namn och skälet." />
              <SubmitButton label="Öppna igen" />
            </Form>
          )}
        </>
      ) : null}
      {state.events.length ? (
        <>
          <h2>Händelser</h2>
          <ul>
            {state.events.map((ev) => (
              <li>
                {ev.at} {ev.actor}: {eventLabels[ev.event]}
                {ev.note ? ` – ${ev.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
