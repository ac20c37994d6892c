/** One chapter's text of the annual report: the form for a new version (or the text, read only) and every version. */
import type { FederationRef } from '../context.ts';
import type { ChapterDef, ReportStatus } from '../../core/reports/chapters.ts';
import { markupHelp } from '../../core/reports/markup.ts';
import type { ChapterText } from '../../services/reports/texts.ts';
import { Layout } from '../kit/layout.tsx';
import { ErrorSummary, Form, SubmitButton, TextAreaField } from '../kit/form.tsx';

export interface ChapterTextModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly chapter: ChapterDef;
  /** What belongs in the chapter. */
  readonly guidance: string;
  /** Last year's text of the chapter, offered as a start when this year's is not written. */
  readonly lastYearText: string | null;
  readonly status: ReportStatus;
  readonly current: ChapterText | undefined;
  /** Every saved version, newest first. */
  readonly versions: readonly ChapterText[];
  /** Writes reports and the report is not locked. */
  readonly canWrite: boolean;
  /** A refused text: the first problem beside the field, the rest above it, and the text as typed. */
  readonly refused?: { readonly error: string | undefined; readonly general: readonly string[]; readonly value: string } | undefined;
}

export function ChapterTextPage(props: { model: ChapterTextModel }) {
  const { federation: f, year, chapter: def, guidance, lastYearText, status, current, versions, canWrite, refused } = props.model;
  const startFromLastYear = !current && lastYearText !== null;
  return (
    <Layout title={`${def.title} – årsredovisning ${year}`} federation={f}>
      <h1>
        {def.title} – årsredovisning {year}
      </h1>
      <p>
        <a href={`/f/${f.id}/arsredovisning?ar=${year}`}>Tillbaka till årsredovisningen {year}</a>
      </p>
      {guidance ? (
        <div class="guidance">
          <h2>Vad avsnittet ska innehålla</h2>
          <p>{guidance}</p>
        </div>
      ) : null}
      {def.generated ? <p>Avsnittet innehåller också det som genereras ur förbundets uppgifter: {def.generated}.</p> : null}
      {status === 'adopted' ? <p class="warning">Årsredovisningen är fastställd och låst. Texten kan inte ändras utan att årsredovisningen öppnas igen.</p> : null}
      <ErrorSummary errors={refused?.error ? { body: refused.error } : undefined} general={refused?.general} />
      {canWrite ? (
        <Form action={`/f/${f.id}/arsredovisning/${year}/text/${def.key}`} label={`Text till ${def.title}`}>
          {startFromLastYear ? <p>Texten nedan är förra årets ({year - 1}), som start. Gör den aktuell och spara den som årets text.</p> : null}
          <TextAreaField name="body" label="Text" rows={16} value={refused?.value ?? current?.body ?? lastYearText ?? ''} error={refused?.error} hint={`Enkel märkning, ingen HTML. ${markupHelp}`} />
          <SubmitButton label="Spara ny version" />
        </Form>
      ) : current ? (
        <pre class="markup-source">{current.body}</pre>
      ) : (
        <p>Ingen text är skriven.</p>
      )}
      <h2>Versioner</h2>
      {versions.length ? (
        <ol reversed>
          {versions.map((v) => (
            <li>
              <details>
                <summary>
                  Version {v.version}: {v.changedBy}, {v.changedAt}
                </summary>
                <pre class="markup-source">{v.body}</pre>
              </details>
            </li>
          ))}
        </ol>
      ) : (
        <p>Inga sparade versioner.</p>
      )}
    </Layout>
  );
}
