/**
 * Reports: the annual report's texts and status (/f/:id/arsredovisning), the board register with meetings and
 * decision items (/f/:id/styrelse), and the three documents as downloads (/f/:id/rapporter/…). Kansli edits
 * (reports:write); kansli, styrelse and revisor download (reports:read).
 */
import { ScrollTable } from '../views/scrollTable.tsx';
import { redirectWithFlash, type FlashKey } from '../views/flash.tsx';
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { ErrorSummary, Form, formState, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../views/form.tsx';
import { pathId, pathYear, queryMonth, queryYear } from '../params.ts';
import { formFields, problemsToFieldErrors } from './economyShared.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseIsoDate, valueOrThrow } from '../../core/input/index.ts';
import { annualReportChapters, chapterDef, reportStatusLabels } from '../../core/reports/chapters.ts';
import { markupHelp } from '../../core/reports/markup.ts';
import { positionLabels } from '../../core/reports/annualReport.ts';
import { documentContentTypes, parseDocumentFormat, renderDocument } from '../../exports/documentFile.ts';
import { listMembers } from '../../services/members/members.ts';
import {
  addAuditor,
  addBoardMember,
  addDecisionItem,
  addMeeting,
  listAuditors,
  listBoardMembers,
  listDecisionItems,
  listMeetings,
  removeAuditor,
  removeBoardMember,
  removeDecisionItem,
  removeMeeting,
  updateBoardMember,
  updateDecisionItem,
} from '../../services/reports/board.ts';
import { annualReportDocument, boardPackDocument, interimReportDocument, reportFileNames } from '../../services/reports/documents.ts';
import {
  adoptAnnualReport,
  copyPreviousYearTexts,
  disabledChapters,
  getAnnualReportState,
  listTextVersions,
  reopenAnnualReport,
  saveChapterText,
  setChapterEnabled,
  setReportReady,
} from '../../services/reports/texts.ts';

type Ctx = Context<AppEnv>;


function DownloadForm(props: { action: string; label: string; children?: unknown }) {
  return (
    <Form action={props.action} method="get" label={props.label}>
      <div class="form-row">
        {props.children as never}
        <SelectField name="format" label="Format" options={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'Word (DOCX)' }]} value="pdf" idSuffix={props.action.split('/').pop()} />
        <SubmitButton label={props.label} />
      </div>
    </Form>
  );
}

async function download(c: Ctx, name: string, build: () => Promise<Parameters<typeof renderDocument>[0]>) {
  const format = parseDocumentFormat(c.req.query('format') ?? 'pdf');
  const bytes = await renderDocument(await build(), format);
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': documentContentTypes[format],
    'content-disposition': `attachment; filename="${name}.${format}"`,
  });
}

export const reportRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  // ---- Downloads ----
  app.get('/f/:federationId/rapporter/arsredovisning', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']);
    if (year === undefined) throw new InputError({ field: 'ar', message: 'Ange år.' });
    return download(c, reportFileNames.annual(year), () => annualReportDocument(db, f.id, year));
  });
  app.get('/f/:federationId/rapporter/delarsrapport', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']);
    const month = queryMonth(c, ['manad', 'throughMonth']);
    if (year === undefined) throw new InputError({ field: 'ar', message: 'Ange år.' });
    if (month === undefined) throw new InputError({ field: 'manad', message: 'Ange månad (1–12).' });
    return download(c, reportFileNames.interim(year, month), () => interimReportDocument(db, f.id, year, month));
  });
  app.get('/f/:federationId/rapporter/handlingar', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const date = valueOrThrow(parseIsoDate(c.req.query('datum') ?? ''), { field: 'datum' });
    return download(c, reportFileNames.boardPack(date), () => boardPackDocument(db, f.id, date));
  });

  // ---- The annual report: status, chapters, texts ----
  const overview = async (c: Ctx, f: FederationRef, year: number, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; status?: number } = {}) => {
    const ctx = c.get('ctx');
    const canWrite = ctx.can('reports:write');
    const canRead = ctx.can('reports:read');
    const state = await getAnnualReportState(db, f.id, year);
    const off = await disabledChapters(db, f.id);
    const texts = new Map(state.texts.map((t) => [t.chapter, t]));
    const meetings = await listMeetings(db, f.id);
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const locked = state.status === 'adopted';
    const base = `/f/${f.id}/arsredovisning/${year}`;
    return c.html(
      <Layout title={`Årsredovisning ${year}`} federation={f}>
        <h1>Årsredovisning {year}</h1>
        <ErrorSummary errors={opts.errors} general={opts.general} />
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
            {meetings.length ? (
              <DownloadForm action={`/f/${f.id}/rapporter/handlingar`} label="Ladda ner handlingar till styrelsemöte">
                <SelectField name="datum" label="Möte" options={meetings.map((m) => ({ value: m.date, label: m.date }))} value={meetings[meetings.length - 1]!.date} />
              </DownloadForm>
            ) : (
              <p>Lägg till styrelsens möten under <a href={`/f/${f.id}/styrelse`}>Styrelse</a> för att ladda ner handlingar till ett möte.</p>
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
                          {canWrite && !locked ? <a href={`${base}/text/${ch.key}`}>Skriv<span class="visually-hidden"> {ch.title}</span></a> : t ? <a href={`${base}/text/${ch.key}`}>Visa<span class="visually-hidden"> {ch.title}</span></a> : null}
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
                  {ev.at} {ev.actor}: {{ ready: 'klar för styrelsen', draft: 'tillbaka till utkast', adopted: 'fastställd', reopened: 'öppnad igen' }[ev.event]}
                  {ev.note ? ` – ${ev.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Layout>,
      (opts.status ?? 200) as 200,
    );
  };

  app.get('/f/:federationId/arsredovisning', async (c) => {
    requirePermission(c, 'federation:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']) ?? new Date().getUTCFullYear() - 1;
    return overview(c, f, year);
  });


  /** Runs a write; an InputError shows the overview again with the problems (400). */
  const write = async (c: Ctx, year: number, fn: () => Promise<unknown>, notice: FlashKey, fieldMap: Record<string, string> = {}) => {
    const f = requireFederation(c);
    try {
      await fn();
      return redirectWithFlash(c, `/f/${f.id}/arsredovisning?ar=${year}`, notice);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields, general } = problemsToFieldErrors(e.problems, fieldMap);
      return overview(c, f, year, { errors: fields, general, values: await formFields(c), status: 400 });
    }
  };

  app.post('/f/:federationId/arsredovisning/avsnitt', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const form = await formFields(c);
    const year = valueOrThrow(/^\d{4}$/.test(form.ar ?? '') ? { ok: true as const, value: Number(form.ar) } : { ok: false as const, message: 'Ogiltigt år.' }, { field: 'ar' });
    return write(c, year, () => setChapterEnabled(db, requireFederation(c).id, form.chapter ?? '', form.enabled === 'ja', ctx.actor), 'chapters');
  });
  app.post('/f/:federationId/arsredovisning/:year/kopiera', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    return write(c, year, () => copyPreviousYearTexts(db, requireFederation(c).id, year, ctx.actor), 'copied');
  });
  app.post('/f/:federationId/arsredovisning/:year/status', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formFields(c);
    return write(c, year, () => setReportReady(db, requireFederation(c).id, year, form.ready === 'ja', ctx.actor), 'status');
  });
  app.post('/f/:federationId/arsredovisning/:year/faststall', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formFields(c);
    return write(c, year, () => adoptAnnualReport(db, requireFederation(c).id, year, form, ctx.actor), 'report-adopted');
  });
  app.post('/f/:federationId/arsredovisning/:year/oppna', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formFields(c);
    return write(c, year, () => reopenAnnualReport(db, requireFederation(c).id, year, form, ctx.actor), 'report-reopened');
  });

  // ---- One chapter's text ----
  const textPage = async (c: Ctx, f: FederationRef, year: number, chapter: string, opts: { error?: string; general?: string[]; value?: string; status?: number } = {}) => {
    const def = chapterDef(chapter);
    if (!def || !def.narrative) throw new NotFoundError('Avsnittet finns inte.');
    const state = await getAnnualReportState(db, f.id, year);
    const current = state.texts.find((t) => t.chapter === chapter);
    const versions = await listTextVersions(db, f.id, year, chapter);
    const canWrite = c.get('ctx').can('reports:write') && state.status !== 'adopted';
    return c.html(
      <Layout title={`${def.title} – årsredovisning ${year}`} federation={f}>
        <h1>
          {def.title} – årsredovisning {year}
        </h1>
        <p>
          <a href={`/f/${f.id}/arsredovisning?ar=${year}`}>Tillbaka till årsredovisningen {year}</a>
        </p>
        {def.generated ? <p>Avsnittet innehåller också det som genereras ur förbundets uppgifter: {def.generated}.</p> : null}
        {state.status === 'adopted' ? <p class="warning">Årsredovisningen är fastställd och låst. Texten kan inte ändras utan att årsredovisningen öppnas igen.</p> : null}
        <ErrorSummary errors={opts.error ? { body: opts.error } : undefined} general={opts.general} />
        {canWrite ? (
          <Form action={`/f/${f.id}/arsredovisning/${year}/text/${chapter}`} label={`Text till ${def.title}`}>
            <TextAreaField name="body" label="Text" rows={16} value={opts.value ?? current?.body ?? ''} error={opts.error} hint={`Enkel märkning, ingen HTML. ${markupHelp}`} />
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
      </Layout>,
      (opts.status ?? 200) as 200,
    );
  };

  app.get('/f/:federationId/arsredovisning/:year/text/:chapter', async (c) => {
    requirePermission(c, 'reports:read');
    return textPage(c, requireFederation(c), pathYear(c), c.req.param('chapter'));
  });
  app.post('/f/:federationId/arsredovisning/:year/text/:chapter', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const year = pathYear(c);
    const chapter = c.req.param('chapter');
    const form = await formFields(c);
    try {
      await saveChapterText(db, f.id, year, chapter, form.body ?? '', ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/arsredovisning?ar=${year}`, 'text');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const messages = e.problems.map((p) => (p.line ? `Rad ${p.line}: ${p.message}` : p.message));
      return textPage(c, f, year, chapter, { error: messages[0], general: messages.slice(1), value: form.body ?? '', status: 400 });
    }
  });

  // ---- Board register ----
  const boardPage = async (c: Ctx, f: FederationRef, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; status?: number } = {}) => {
    const canWrite = c.get('ctx').can('reports:write');
    const members = await listMembers(db, f.id);
    const board = await listBoardMembers(db, f.id);
    const auditors = await listAuditors(db, f.id);
    const meetings = await listMeetings(db, f.id);
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const remove = (path: string, label: string) =>
      canWrite ? (
        <Form action={path} class="inline" label={`Ta bort ${label}`}>
          <button type="submit">
            Ta bort<span class="visually-hidden"> {label}</span>
          </button>
        </Form>
      ) : null;
    return c.html(
      <Layout title="Styrelse" federation={f}>
        <h1>Styrelse, revisorer och möten</h1>
        <ErrorSummary errors={opts.errors} general={opts.general} />
        <h2>Styrelsen</h2>
        {board.length ? (
          <ScrollTable>
            <table>
              <caption>Ledamöter och ersättare</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Uppdrag</th>
                  <th scope="col">Utsedd av</th>
                  <th scope="col">Mandatperiod</th>
                  {canWrite ? <th scope="col">Ändra</th> : null}
                </tr>
              </thead>
              <tbody>
                {board.map((b) => (
                  <tr>
                    <th scope="row">{b.name}</th>
                    <td>{b.seat === 'ersattare' ? 'Ersättare' : positionLabels[b.position]}</td>
                    <td>{b.memberName ?? '–'}</td>
                    <td>
                      {b.termStart} – {b.termEnd ?? ''}
                    </td>
                    {canWrite ? (
                      <td>
                        <a href={`/f/${f.id}/styrelse/ledamot/${b.id}`} aria-label={`Ändra ${b.name}`}>
                          Ändra
                        </a>{' '}
                        {remove(`/f/${f.id}/styrelse/ledamot/${b.id}/ta-bort`, b.name)}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : (
          <p>Ingen ledamot är registrerad.</p>
        )}
        {canWrite ? (
          <Form action={`/f/${f.id}/styrelse/ledamot`} label="Lägg till ledamot eller ersättare">
            <h3>Lägg till ledamot eller ersättare</h3>
            <div class="form-row">
              <TextField name="name" label="Namn" value={v.name ?? ''} error={e.name} />
              <SelectField name="seat" label="Ledamot eller ersättare" options={[{ value: 'ledamot', label: 'Ledamot' }, { value: 'ersattare', label: 'Ersättare' }]} value={v.seat ?? 'ledamot'} error={e.seat} />
              <SelectField name="position" label="Uppdrag" options={[{ value: 'none', label: 'Ledamot' }, { value: 'ordforande', label: 'Ordförande' }, { value: 'vice_ordforande', label: 'Vice ordförande' }]} value={v.position ?? 'none'} error={e.position} />
              <SelectField name="memberId" label="Utsedd av" options={[{ value: '', label: '–' }, ...members.map((m) => ({ value: String(m.id), label: m.name }))]} value={v.memberId ?? ''} error={e.memberId} />
              <TextField name="termStart" label="Från (ÅÅÅÅ-MM-DD)" size={12} value={v.termStart ?? ''} error={e.termStart} />
              <TextField name="termEnd" label="Till (ÅÅÅÅ-MM-DD)" size={12} value={v.termEnd ?? ''} error={e.termEnd} />
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
                {a.appointedBy ? ` (utsedd av ${a.appointedBy})` : ''} {a.termStart} – {a.termEnd ?? ''} {remove(`/f/${f.id}/styrelse/revisor/${a.id}/ta-bort`, a.name)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Ingen revisor är registrerad.</p>
        )}
        {canWrite ? (
          <Form action={`/f/${f.id}/styrelse/revisor`} label="Lägg till revisor">
            <h3>Lägg till revisor</h3>
            <div class="form-row">
              <TextField name="name" idSuffix="auditor" label="Namn" value={v.auditorName ?? ''} />
              <TextField name="title" label="Titel" value={v.title ?? ''} hint="T.ex. Auktoriserad revisor" />
              <TextField name="appointedBy" label="Utsedd av" value={v.appointedBy ?? ''} />
              <TextField name="termStart" idSuffix="auditor" label="Från (ÅÅÅÅ-MM-DD)" size={12} value="" />
              <TextField name="termEnd" idSuffix="auditor" label="Till (ÅÅÅÅ-MM-DD)" size={12} value="" />
              <SubmitButton label="Lägg till revisor" />
            </div>
          </Form>
        ) : null}
        <h2>Styrelsemöten</h2>
        {meetings.length ? (
          <ul>
            {meetings.map((m) => (
              <li>
                <a href={`/f/${f.id}/styrelse/mote/${m.id}`}>{m.date}</a>
                {m.note ? ` – ${m.note}` : ''} {remove(`/f/${f.id}/styrelse/mote/${m.id}/ta-bort`, `mötet ${m.date}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Inget möte är registrerat.</p>
        )}
        {canWrite ? (
          <Form action={`/f/${f.id}/styrelse/mote`} label="Lägg till möte">
            <h3>Lägg till möte</h3>
            <div class="form-row">
              <TextField name="date" label="Datum (ÅÅÅÅ-MM-DD)" size={12} value={v.date ?? ''} error={e.date} />
              <TextField name="note" label="Anteckning" value={v.note ?? ''} error={e.note} />
              <SubmitButton label="Lägg till möte" />
            </div>
          </Form>
        ) : null}
      </Layout>,
      (opts.status ?? 200) as 200,
    );
  };

  app.get('/f/:federationId/styrelse', async (c) => {
    requirePermission(c, 'federation:read');
    return boardPage(c, requireFederation(c));
  });
  const boardWrite = async (c: Ctx, fn: (form: Record<string, string>) => Promise<unknown>) => {
    requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const form = await formFields(c);
    try {
      await fn(form);
      return redirectWithFlash(c, `/f/${f.id}/styrelse`, 'board');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields, general } = problemsToFieldErrors(e.problems);
      return boardPage(c, f, { errors: fields, general, values: form, status: 400 });
    }
  };
  app.post('/f/:federationId/styrelse/ledamot', (c) => boardWrite(c, (form) => addBoardMember(db, requireFederation(c).id, form, c.get('ctx').actor)));
  // Correct a ledamot: a refusal draws this page again with what was typed (app.tsx renderFormAgain).
  app.get('/f/:federationId/styrelse/ledamot/:id', async (c) => {
    requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const id = pathId(c, 'id');
    const b = (await listBoardMembers(db, f.id)).find((x) => x.id === id);
    if (!b) throw new NotFoundError('Ledamoten finns inte.');
    const members = await listMembers(db, f.id);
    const action = `/f/${f.id}/styrelse/ledamot/${id}`;
    const s = formState(action, { name: b.name, seat: b.seat, position: b.position || 'none', memberId: b.memberId === null ? '' : String(b.memberId), termStart: b.termStart, termEnd: b.termEnd ?? '' });
    return c.html(
      <Layout title={`Ändra ${b.name}`} federation={f}>
        <h1>Ändra {b.name}</h1>
        <Form action={action} label={`Ändra ${b.name}`}>
          <TextField {...s.bind('name')} label="Namn" required />
          <SelectField {...s.bind('seat')} label="Ledamot eller ersättare" options={[{ value: 'ledamot', label: 'Ledamot' }, { value: 'ersattare', label: 'Ersättare' }]} />
          <SelectField {...s.bind('position')} label="Uppdrag" options={[{ value: 'none', label: 'Ledamot' }, { value: 'ordforande', label: 'Ordförande' }, { value: 'vice_ordforande', label: 'Vice ordförande' }]} />
          <SelectField {...s.bind('memberId')} label="Utsedd av" options={[{ value: '', label: '–' }, ...members.map((m) => ({ value: String(m.id), label: m.name }))]} />
          <TextField {...s.bind('termStart')} label="Från (ÅÅÅÅ-MM-DD)" size={12} />
          <TextField {...s.bind('termEnd')} label="Till (ÅÅÅÅ-MM-DD)" size={12} />
          <SubmitButton label="Spara ändringen" />
        </Form>
        <p>
          <a href={`/f/${f.id}/styrelse`}>Tillbaka till styrelsen</a>
        </p>
      </Layout>,
    );
  });
  app.post('/f/:federationId/styrelse/ledamot/:id', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    await updateBoardMember(db, f.id, pathId(c, 'id'), await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/styrelse`, 'board');
  });
  app.post('/f/:federationId/styrelse/ledamot/:id/ta-bort', (c) => boardWrite(c, () => removeBoardMember(db, requireFederation(c).id, pathId(c, 'id'), c.get('ctx').actor)));
  app.post('/f/:federationId/styrelse/revisor', (c) => boardWrite(c, (form) => addAuditor(db, requireFederation(c).id, form, c.get('ctx').actor)));
  app.post('/f/:federationId/styrelse/revisor/:id/ta-bort', (c) => boardWrite(c, () => removeAuditor(db, requireFederation(c).id, pathId(c, 'id'), c.get('ctx').actor)));
  app.post('/f/:federationId/styrelse/mote', (c) => boardWrite(c, (form) => addMeeting(db, requireFederation(c).id, form, c.get('ctx').actor)));
  app.post('/f/:federationId/styrelse/mote/:id/ta-bort', (c) => boardWrite(c, () => removeMeeting(db, requireFederation(c).id, pathId(c, 'id'), c.get('ctx').actor)));

  // ---- A meeting: its decision items and board pack ----
  const meetingPage = async (c: Ctx, f: FederationRef, meetingId: number, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; status?: number } = {}) => {
    const meeting = (await listMeetings(db, f.id)).find((m) => m.id === meetingId);
    if (!meeting) throw new NotFoundError('Mötet finns inte.');
    const items = await listDecisionItems(db, f.id, meetingId);
    const ctx = c.get('ctx');
    const canWrite = ctx.can('reports:write');
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    return c.html(
      <Layout title={`Styrelsemöte ${meeting.date}`} federation={f}>
        <h1>Styrelsemöte {meeting.date}</h1>
        <p>
          <a href={`/f/${f.id}/styrelse`}>Tillbaka till styrelsen</a>
        </p>
        <ErrorSummary errors={opts.errors} general={opts.general} />
        {ctx.can('reports:read') ? (
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
                  <a href={`/f/${f.id}/styrelse/mote/${meetingId}/arende/${i.id}`} aria-label={`Ändra ${i.title}`}>
                    Ändra
                  </a>
                ) : null}{' '}
                {canWrite ? (
                  <Form action={`/f/${f.id}/styrelse/mote/${meetingId}/arende/${i.id}/ta-bort`} class="inline" label={`Ta bort ${i.title}`}>
                    <button type="submit">
                      Ta bort<span class="visually-hidden"> {i.title}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>Inga ärenden är registrerade.</p>
        )}
        {canWrite ? (
          <Form action={`/f/${f.id}/styrelse/mote/${meetingId}/arende`} label="Lägg till ärende">
            <h3>Lägg till ärende</h3>
            <TextField name="title" label="Rubrik" value={v.title ?? ''} error={e.title} />
            <TextAreaField name="body" label="Underlag" rows={8} value={v.body ?? ''} error={e.body} hint={`Enkel märkning, ingen HTML. ${markupHelp}`} />
            <TextAreaField name="proposal" label="Förslag till beslut" rows={3} value={v.proposal ?? ''} error={e.proposal} />
            <SubmitButton label="Lägg till ärende" />
          </Form>
        ) : null}
      </Layout>,
      (opts.status ?? 200) as 200,
    );
  };
  app.get('/f/:federationId/styrelse/mote/:id', async (c) => {
    requirePermission(c, 'federation:read');
    return meetingPage(c, requireFederation(c), pathId(c, 'id'));
  });
  const itemWrite = async (c: Ctx, fn: (form: Record<string, string>) => Promise<unknown>) => {
    requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    const form = await formFields(c);
    try {
      await fn(form);
      return redirectWithFlash(c, `/f/${f.id}/styrelse/mote/${meetingId}`, 'item');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields, general } = problemsToFieldErrors(e.problems);
      return meetingPage(c, f, meetingId, { errors: fields, general, values: form, status: 400 });
    }
  };
  app.post('/f/:federationId/styrelse/mote/:id/arende', (c) => itemWrite(c, (form) => addDecisionItem(db, requireFederation(c).id, pathId(c, 'id'), form, c.get('ctx').actor)));
  // Correct a decision item.
  app.get('/f/:federationId/styrelse/mote/:id/arende/:itemId', async (c) => {
    requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    const itemId = pathId(c, 'itemId');
    const item = (await listDecisionItems(db, f.id, meetingId)).find((x) => x.id === itemId);
    if (!item) throw new NotFoundError('Beslutsärendet finns inte.');
    const action = `/f/${f.id}/styrelse/mote/${meetingId}/arende/${itemId}`;
    const s = formState(action, { title: item.title, body: item.body, proposal: item.proposal });
    return c.html(
      <Layout title={`Ändra ärende ${item.title}`} federation={f}>
        <h1>Ändra ärende: {item.title}</h1>
        <Form action={action} label="Ändra ärende">
          <TextField {...s.bind('title')} label="Rubrik" required />
          <TextAreaField {...s.bind('body')} label="Underlag" rows={8} hint={`Enkel märkning, ingen HTML. ${markupHelp}`} />
          <TextAreaField {...s.bind('proposal')} label="Förslag till beslut" rows={3} />
          <SubmitButton label="Spara ändringen" />
        </Form>
        <p>
          <a href={`/f/${f.id}/styrelse/mote/${meetingId}`}>Tillbaka till mötet</a>
        </p>
      </Layout>,
    );
  });
  app.post('/f/:federationId/styrelse/mote/:id/arende/:itemId', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    await updateDecisionItem(db, f.id, meetingId, pathId(c, 'itemId'), await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/styrelse/mote/${meetingId}`, 'item');
  });
  app.post('/f/:federationId/styrelse/mote/:id/arende/:itemId/ta-bort', (c) =>
    itemWrite(c, () => removeDecisionItem(db, requireFederation(c).id, pathId(c, 'itemId'), c.get('ctx').actor)),
  );
  return app;
};
