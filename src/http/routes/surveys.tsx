import { redirectWithFlash } from '../views/flash.tsx';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { ErrorSummary, Form, Notice, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../views/form.tsx';
import { StackedBar, StackedLegend } from '../views/stackedBar.tsx';
import { SurveyAnswerForm } from '../views/surveyForm.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { isBlank, parseId, parseInteger, parseYear, valueOrThrow } from '../../core/input/index.ts';
import { respondentGroupLabels, respondentGroups, setKindLabels, setKinds, type RespondentGroup } from '../../core/surveys/sets.ts';
import { parseStatementLines, statementLines } from '../../core/surveys/setText.ts';
import { resultTables } from '../../core/surveys/tables.ts';
import { tooFewAnswers } from '../../core/surveys/results.ts';
import { formatNumber } from '../../core/format.ts';
import { tableCsvLines, csvDocument } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { surveyPosterPdf } from '../../exports/surveyPoster.ts';
import { createSet, getSet, listSets, type SurveySet } from '../../services/surveys/sets.ts';
import { addCodes, createRound, enterPaperAnswers, getRound, listRounds, roundForm, swedishToday, type CreatedRound, type SurveyRound } from '../../services/surveys/rounds.ts';
import { freeTexts, roundResults, sharedStatements, type RoundResults, type StatementResults } from '../../services/surveys/results.ts';
import { listInterventions } from '../../services/interventions/interventions.ts';
import { problemsToFieldErrors } from './economyShared.ts';

/**
 * The kansli's survey pages: question sets, rounds (open link with QR code and poster, single-use codes),
 * paper answers, results with stacked bars beside the table, CSV/XLSX export, groups side by side.
 * Styrelse and revisor read results (surveys:read); everything else needs surveys:manage (kansli).
 */

type C = Context<AppEnv>;

function roundIdParam(c: C): number {
  const id = parseId(c.req.param('roundId'));
  if (!id.ok) throw new NotFoundError('Enkätomgången finns inte.');
  return id.value;
}

/** The address respondents open: SAMORDNA_PUBLIC_URL (behind a proxy) or this request's origin. */
function publicUrl(c: C, path: string): string {
  const base = process.env.SAMORDNA_PUBLIC_URL?.replace(/\/+$/, '') || new URL(c.req.url).origin;
  return base + path;
}

async function qrCode(url: string, label: string): Promise<ReturnType<typeof raw>> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const esc = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return raw(svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${esc}" `));
}

async function fields(c: C): Promise<{ one: Record<string, string>; many: Record<string, string[]> }> {
  const body = await c.req.parseBody({ all: true });
  const one: Record<string, string> = {};
  const many: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    many[k] = list;
    if (list.length) one[k] = list[0]!;
  }
  return { one, many };
}

const groupLabel = (g: RespondentGroup) => respondentGroupLabels[g];

function pct(p: number): string {
  return `${formatNumber(p)}\u00a0%`;
}

function points(p: number): string {
  return p > 0 ? `+${p}` : p < 0 ? `\u2212${-p}` : '±0';
}

export const surveyRoutes: RouteModule = (app, { db }) => {
  const base = (f: FederationRef) => `/f/${f.id}/enkater`;

  // ---- rounds ----------------------------------------------------------------------------------------------
  const roundsPage = async (c: C, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; status?: 200 | 400 } = {}) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const manage = ctx.can('surveys:manage');
    const rounds = await listRounds(db, f.id);
    const sets = manage ? await listSets(db, f.id, ctx.actor) : [];
    const interventions = manage ? await listInterventions(db, f.id) : [];
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const today = swedishToday();
    const years = [...new Set(rounds.map((r) => r.year))];
    return c.html(
      <Layout title="Indikatorenkäter" federation={f}>
        <h1>Indikatorenkäter</h1>
        <p>
          Enkäterna i Indikatorer för finansiell samordning: deltagare, insatspersonal, styrelse, chefer i samverkan och remittenter svarar anonymt,
          utan inloggning. <a href={`${base(f)}/fragor`}>Frågeset</a>
          {years.length ? (
            <>
              {' · '}Grupper sida vid sida:{' '}
              {years.map((y, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={`${base(f)}/jamforelse?ar=${y}`}>{y}</a>
                </>
              ))}
            </>
          ) : null}
        </p>
        <div class="table-scroll" role="region" aria-label="Enkätomgångar" tabindex={0}>
          <table>
            <caption>Enkätomgångar</caption>
            <thead>
              <tr>
                <th scope="col">Omgång</th>
                <th scope="col">År</th>
                <th scope="col">Grupp</th>
                <th scope="col">Insatser</th>
                <th scope="col">Öppen</th>
                <th scope="col" class="num">Svar</th>
                <th scope="col" class="num">Koder använda</th>
                <th scope="col">Resultat</th>
              </tr>
            </thead>
            <tbody>
              {rounds.length === 0 ? (
                <tr>
                  <td colspan={8}>Inga enkätomgångar ännu.</td>
                </tr>
              ) : (
                rounds.map((r) => (
                  <tr>
                    <th scope="row">{manage ? <a href={`${base(f)}/${r.id}`}>{r.name}</a> : r.name}</th>
                    <td>{r.year}</td>
                    <td>{groupLabel(r.group)}</td>
                    <td>{r.interventions.map((i) => i.name).join(', ') || '–'}</td>
                    <td>
                      {r.opensOn} – {r.closesOn}
                      {today >= r.opensOn && today <= r.closesOn ? ' (pågår)' : ''}
                    </td>
                    <td class="num">{formatNumber(r.responses)}</td>
                    <td class="num">{r.codesIssued ? `${formatNumber(r.codesUsed)} av ${formatNumber(r.codesIssued)}` : '–'}</td>
                    <td>
                      <a href={`${base(f)}/${r.id}/resultat`}>Resultat</a>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {manage ? (
          <>
            <h2 id="ny-omgang">Ny enkätomgång</h2>
            <ErrorSummary errors={opts.errors} general={opts.general} />
            <Form action={base(f)} label="Ny enkätomgång">
              <SelectField
                name="set"
                label="Frågeset"
                value={v.set}
                error={e.set ?? e.group}
                options={sets.filter((s) => s.kind !== 'local').map((s) => ({ value: s.id, label: `${s.name} (${groupLabel(s.group)}, version ${s.version})` }))}
              />
              <SelectField
                name="localSet"
                label="Förbundets egna frågor (valfritt)"
                value={v.localSet}
                error={e.localSet}
                options={[{ value: '', label: 'Inga' }, ...sets.filter((s) => s.kind === 'local').map((s) => ({ value: s.id, label: `${s.name} (version ${s.version})` }))]}
              />
              <div class="form-row">
                <TextField name="year" label="År" inputmode="numeric" size={6} value={v.year ?? today.slice(0, 4)} error={e.year} />
                <TextField name="opensOn" label="Öppnar" type="date" value={v.opensOn ?? today} error={e.opensOn} />
                <TextField name="closesOn" label="Stänger" type="date" value={v.closesOn ?? ''} error={e.closesOn} />
              </div>
              <TextField name="name" label="Namn (valfritt)" value={v.name} error={e.name} hint="T.ex. ”Insatspersonal hösten 2025”." />
              {interventions.length ? (
                <fieldset>
                  <legend>Insatser enkäten gäller (valfritt)</legend>
                  {interventions.map((i) => (
                    <label for={`f-iv-${i.id}`}>
                      <input type="checkbox" id={`f-iv-${i.id}`} name="interventions" value={String(i.id)} /> {i.name}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              <fieldset>
                <legend>Inbjudan</legend>
                <label for="f-openLink">
                  <input type="checkbox" id="f-openLink" name="openLink" value="1" checked={v.openLink !== undefined ? v.openLink === '1' : true} /> En öppen länk (med QR-kod och affisch) för ett gruppmöte
                </label>
                <TextField name="codes" label="Antal engångskoder" inputmode="numeric" size={6} value={v.codes ?? '0'} error={e.codes} hint="Varje kod kan användas en gång. Koderna visas bara när de skapas." />
              </fieldset>
              <SubmitButton label="Skapa enkätomgång" />
            </Form>
          </>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  app.get('/f/:federationId/enkater', (c) => roundsPage(c));

  const invitationPage = async (c: C, f: FederationRef, round: SurveyRound, created: { openLink: string | null; codes: readonly string[] }, title: string, notice: string) => {
    const qr = created.openLink ? await qrCode(publicUrl(c, created.openLink), `QR-kod till enkäten: ${publicUrl(c, created.openLink)}`) : null;
    return c.html(
      <Layout title={title} federation={f}>
        <h1>{title}</h1>
        {/* Shown at once, not after a redirect: the codes exist only in this answer. */}
        <Notice message={notice} />
        <p>
          {round.name}, {round.year}, {groupLabel(round.group)}. Öppen {round.opensOn} – {round.closesOn}.
        </p>
        {created.openLink ? (
          <section aria-labelledby="open-link">
            <h2 id="open-link">Öppen länk</h2>
            <p>
              <a href={created.openLink}>{publicUrl(c, created.openLink)}</a>
            </p>
            {qr}
            <p>
              <a href={`${base(f)}/${round.id}/affisch`}>Affisch att skriva ut</a>
            </p>
          </section>
        ) : null}
        {created.codes.length ? (
          <section aria-labelledby="codes">
            <h2 id="codes">Engångskoder ({formatNumber(created.codes.length)})</h2>
            <p class="warning">Koderna visas bara nu – Samordna sparar dem inte, bara ett kontrollvärde. Skriv ut eller spara listan innan du lämnar sidan.</p>
            <ol class="code-list">
              {created.codes.map((p) => (
                <li>{publicUrl(c, p)}</li>
              ))}
            </ol>
          </section>
        ) : null}
        <p class="no-print">
          <a href={`${base(f)}/${round.id}`}>Till enkätomgången</a>
        </p>
      </Layout>,
    );
  };

  app.post('/f/:federationId/enkater', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const { one, many } = await fields(c);
    const sets = await listSets(db, f.id, ctx.actor);
    const set = sets.find((s) => s.id === one.set);
    let created: CreatedRound;
    try {
      const year = valueOrThrow(parseYear(one.year), { field: 'year' });
      const codes = isBlank(one.codes) ? 0 : valueOrThrow(parseInteger(one.codes, { min: 0, max: 5000 }), { field: 'codes' });
      const interventionIds = (many.interventions ?? []).map((v) => valueOrThrow(parseId(v), { field: 'interventions' }));
      created = await createRound(
        db,
        f.id,
        {
          set: one.set ?? '',
          localSet: one.localSet || null,
          year,
          group: set?.group ?? '',
          name: one.name,
          opensOn: one.opensOn ?? '',
          closesOn: one.closesOn ?? '',
          openLink: one.openLink === '1',
          codes,
          interventionIds,
        },
        ctx.actor,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields: errors, general } = problemsToFieldErrors(e.problems);
      return roundsPage(c, { errors, general, values: one, status: 400 });
    }
    return invitationPage(c, f, created.round, created, 'Enkätomgången är skapad', 'Enkätomgången är sparad.');
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const round = await getRound(db, f.id, roundIdParam(c));
    const link = round.openToken ? `/e/${round.openToken}` : null;
    const qr = link ? await qrCode(publicUrl(c, link), `QR-kod till enkäten: ${publicUrl(c, link)}`) : null;
    return c.html(
      <Layout title={round.name} federation={f}>
        <h1>{round.name}</h1>
        <dl>
          <dt>År och grupp</dt>
          <dd>
            {round.year}, {groupLabel(round.group)}
          </dd>
          <dt>Öppen</dt>
          <dd>
            {round.opensOn} – {round.closesOn}
          </dd>
          <dt>Insatser</dt>
          <dd>{round.interventions.map((i) => i.name).join(', ') || '–'}</dd>
          <dt>Svar</dt>
          <dd>{formatNumber(round.responses)}</dd>
          <dt>Engångskoder</dt>
          <dd>{round.codesIssued ? `${formatNumber(round.codesUsed)} använda av ${formatNumber(round.codesIssued)}` : 'Inga'}</dd>
        </dl>
        <p>
          <a href={`${base(f)}/${round.id}/resultat`}>Resultat</a> · <a href={`${base(f)}/${round.id}/papper`}>Registrera en pappersenkät</a>
        </p>
        {link ? (
          <section aria-labelledby="open-link">
            <h2 id="open-link">Öppen länk</h2>
            <p>
              <a href={link}>{publicUrl(c, link)}</a>
            </p>
            {qr}
            <p>
              <a href={`${base(f)}/${round.id}/affisch`}>Affisch att skriva ut</a>
            </p>
          </section>
        ) : null}
        <h2 id="fler-koder">Fler engångskoder</h2>
        <Form action={`${base(f)}/${round.id}/koder`} label="Fler engångskoder">
          <TextField name="codes" label="Antal" inputmode="numeric" size={6} value="10" />
          <SubmitButton label="Skapa koder" />
        </Form>
      </Layout>,
    );
  });

  app.post('/f/:federationId/enkater/:roundId{[0-9]+}/koder', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const { one } = await fields(c);
    const n = valueOrThrow(parseInteger(one.codes, { min: 1, max: 5000 }), { field: 'codes' });
    const codes = await addCodes(db, f.id, id, n, ctx.actor);
    return invitationPage(c, f, await getRound(db, f.id, id), { openLink: null, codes }, 'Nya engångskoder', `${formatNumber(codes.length)} nya engångskoder är skapade.`);
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/affisch', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const form = await roundForm(db, f.id, roundIdParam(c));
    if (!form.round.openToken) throw new NotFoundError('Omgången har ingen öppen länk.');
    const url = publicUrl(c, `/e/${form.round.openToken}`);
    return c.html(
      <Layout title={`Affisch: ${form.round.name}`} federation={f}>
        <div class="poster">
          <h1>Vad tycker du? Svara på enkäten!</h1>
          <p class="survey-thanks">
            {form.set.name} – {f.name}
          </p>
          <p>Skanna koden med mobilens kamera eller skriv in adressen. Du är anonym: inget som visar vem du är sparas.</p>
          {await qrCode(url, `QR-kod till enkäten: ${url}`)}
          <p class="link">{url}</p>
          <p>
            Enkäten är öppen {form.round.opensOn} – {form.round.closesOn}.
          </p>
          <p class="no-print">
            Skriv ut sidan (Ctrl+P), eller <a href={`${base(f)}/${form.round.id}/affisch.pdf`}>ladda ned affischen som PDF</a>.
          </p>
        </div>
      </Layout>,
    );
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/affisch.pdf', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const form = await roundForm(db, f.id, roundIdParam(c));
    if (!form.round.openToken) throw new NotFoundError('Omgången har ingen öppen länk.');
    const pdf = await surveyPosterPdf({
      title: `Enkät: ${form.set.name}`,
      subtitle: `${form.set.name} – ${f.name}`,
      url: publicUrl(c, `/e/${form.round.openToken}`),
      period: `Öppen ${form.round.opensOn} – ${form.round.closesOn}`,
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="enkat-${form.round.id}-affisch.pdf"` });
  });

  // ---- paper answers -------------------------------------------------------------------------------------
  const paperPage = async (c: C, f: FederationRef, id: number, opts: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 } = {}) => {
    const form = await roundForm(db, f.id, id);
    return c.html(
      <Layout title={`Pappersenkät: ${form.round.name}`} federation={f}>
        <h1>Registrera en pappersenkät</h1>
        <p>
          {form.round.name}. Svaren sparas som inkomna på papper, med samma regler som på webben. Fyll i precis det som står på pappret; ett obesvarat
          påstående registreras som ”{'Vet inte / vill inte svara'}”.
        </p>
        <SurveyAnswerForm form={form} action={`${base(f)}/${id}/papper`} easy={false} values={opts.values} errors={opts.errors} submitLabel="Registrera svaren" />
      </Layout>,
      opts.status ?? 200,
    );
  };

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/papper', async (c) => {
    requirePermission(c, 'surveys:manage');
    return paperPage(c, requireFederation(c), roundIdParam(c));
  });

  app.post('/f/:federationId/enkater/:roundId{[0-9]+}/papper', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const { one } = await fields(c);
    delete one._csrf;
    try {
      await enterPaperAnswers(db, f.id, id, one, ctx.actor);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields: errors, general } = problemsToFieldErrors(e.problems);
      general.forEach((g, i) => (errors[`_${i}`] = g));
      return paperPage(c, f, id, { values: one, errors, status: 400 });
    }
    return redirectWithFlash(c, `${base(f)}/${id}`, 'survey-paper');
  });

  // ---- results -------------------------------------------------------------------------------------------
  const StatementBlock = (props: { s: StatementResults; nr: number; idPrefix: string }) => {
    const { s } = props;
    const r = s.result;
    const id = `${props.idPrefix}-${s.id}`;
    return (
      <section class="survey-result" aria-labelledby={`${id}-h`}>
        <div>
          <h3 id={`${id}-h`}>
            {props.nr}. {s.text} <span class="unit">(n={r.n})</span>
          </h3>
          {r.percents ? <StackedBar id={`${id}-chart`} label={`${s.text}: andel per svarsalternativ`} scale={s.scale} percents={r.percents} /> : <p class="hidden-result">{r.hidden ? `Visas inte: ${tooFewAnswers} (färre än minsta antal).` : 'Inga svar.'}</p>}
          {s.assessment ? (
            <p>
              Samlad bedömning: <strong>{s.assessment}</strong>
            </p>
          ) : null}
        </div>
        <table>
          <caption class="visually-hidden">{s.text}</caption>
          <thead>
            <tr>
              <th scope="col">Svar</th>
              <th scope="col" class="num">
                Andel
              </th>
              <th scope="col" class="num">
                Förändring
              </th>
            </tr>
          </thead>
          <tbody>
            {s.scale.map((label, i) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="num">{r.percents ? pct(r.percents[i]!) : '–'}</td>
                <td class="num">{s.change ? `${points(s.change[i]!)} p.e.` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  };

  const StatementList = (props: { statements: readonly StatementResults[]; idPrefix: string }) => {
    const scales: string[][] = [];
    for (const s of props.statements) if (!scales.some((x) => x.join('|') === s.scale.join('|'))) scales.push([...s.scale]);
    let nr = 0;
    return (
      <>
        {scales.map((scale, si) => (
          <>
            <StackedLegend id={`${props.idPrefix}-legend-${si}`} scale={scale} />
            {props.statements
              .filter((s) => s.scale.join('|') === scale.join('|'))
              .map((s) => {
                nr = props.statements.indexOf(s) + 1;
                return <StatementBlock s={s} nr={nr} idPrefix={props.idPrefix} />;
              })}
          </>
        ))}
      </>
    );
  };

  const resultsTables = (res: RoundResults) =>
    resultTables(`${res.round.name} (${res.round.year})`, res.statements.map((s) => ({ id: s.id, text: s.text, scale: s.scale, local: s.local, result: s.result, change: s.change })));

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/resultat', async (c) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const res = await roundResults(db, f.id, id);
    const texts = ctx.can('surveys:manage') ? await freeTexts(db, f.id, id) : null;
    const national = res.statements.filter((s) => !s.local);
    const local = res.statements.filter((s) => s.local);
    return c.html(
      <Layout title={`Resultat: ${res.round.name}`} federation={f}>
        <h1>Resultat: {res.round.name}</h1>
        <p>
          {res.setName} ({res.setId}), {res.round.year}, {groupLabel(res.round.group)}. {formatNumber(res.round.responses)} svar
          {res.paperResponses ? `, varav ${formatNumber(res.paperResponses)} på papper` : ''}. Andelar i hela procent (största resten); n = antal som valt ett
          svarsalternativ. Färre än {res.minCellSize} svar visas inte. {res.previousRound ? `Förändring mot ${res.previousRound.name} (${res.previousRound.year}) i procentenheter.` : 'Ingen omgång året före att jämföra med.'}
        </p>
        <ul class="downloads">
          <li>
            <a href={`${base(f)}/${id}/resultat.xlsx`} download>
              Ladda ned Excel (XLSX)
            </a>
          </li>
          <li>
            <a href={`${base(f)}/${id}/resultat.csv`} download>
              Ladda ned CSV
            </a>
          </li>
        </ul>
        <h2>Hela förbundet</h2>
        <StatementList statements={national} idPrefix="all" />
        {local.length ? (
          <>
            <h2>Förbundets egna frågor</h2>
            <StatementList statements={local} idPrefix="local" />
          </>
        ) : null}
        {res.byIntervention.map((iv) => (
          <>
            <h2>
              {iv.name} ({formatNumber(iv.responses)} svar)
            </h2>
            <StatementList statements={iv.statements} idPrefix={`iv${iv.id}`} />
          </>
        ))}
        {texts ? (
          <section aria-labelledby="fritext">
            <h2 id="fritext">Fritextsvar (bara för kansliet, exporteras aldrig)</h2>
            {texts.length ? (
              <ul>
                {texts.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            ) : (
              <p>Inga fritextsvar.</p>
            )}
          </section>
        ) : null}
      </Layout>,
    );
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/:file{resultat\\.(csv|xlsx)}', async (c) => {
    requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const res = await roundResults(db, f.id, id);
    const tables = resultsTables(res);
    const name = `enkat-${id}-resultat`;
    if (c.req.param('file').endsWith('.csv')) {
      const lines = tables.flatMap((t, i) => [...(i ? [''] : []), t.title, ...tableCsvLines(t)]);
      return c.body(csvDocument(lines), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    }
    const buf = await tablesToXlsx(tables, { documentTitle: res.round.name });
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"`,
    });
  });

  app.get('/f/:federationId/enkater/jamforelse', async (c) => {
    requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const year = valueOrThrow(parseYear(c.req.query('ar')), { field: 'ar' });
    const shared = await sharedStatements(db, f.id, year);
    return c.html(
      <Layout title={`Grupper sida vid sida ${year}`} federation={f}>
        <h1>Grupper sida vid sida {year}</h1>
        <p>Påståenden som flera respondentgrupper fick samma år, med samma formulering och skala.</p>
        {shared.length === 0 ? <p>Inga påståenden delas av flera grupper {year}.</p> : null}
        {shared.map((s, si) => (
          <div class="table-scroll" role="region" aria-label={s.text} tabindex={0}>
            <table>
              <caption>{s.text}</caption>
              <thead>
                <tr>
                  <th scope="col">Grupp</th>
                  <th scope="col" class="num">
                    n
                  </th>
                  {s.scale.map((l) => (
                    <th scope="col" class="num">
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.groups.map((g, gi) => (
                  <tr>
                    <th scope="row">
                      {g.label}
                      {g.result.percents ? <StackedBar id={`cmp-${si}-${gi}`} label={`${g.label}: ${s.text}`} scale={s.scale} percents={g.result.percents} /> : null}
                    </th>
                    <td class="num">{g.result.n}</td>
                    {s.scale.map((_, i) => (
                      <td class="num">{g.result.percents ? pct(g.result.percents[i]!) : g.result.hidden ? tooFewAnswers : '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </Layout>,
    );
  });

  // ---- question sets -------------------------------------------------------------------------------------
  const setsPage = async (c: C, opts: { errors?: FieldErrors; general?: string[]; values?: Record<string, string>; basedOn?: SurveySet | null; status?: 200 | 400 } = {}) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const manage = ctx.can('surveys:manage');
    const sets = await listSets(db, f.id, ctx.actor);
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const basedOn = opts.basedOn ?? null;
    return c.html(
      <Layout title="Frågeset" federation={f}>
        <h1>Frågeset</h1>
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
            <div class="table-scroll" role="region" aria-label={`Frågor i ${s.name}`} tabindex={0}>
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
            </div>
            {manage ? (
              <p>
                <a href={`${base(f)}/fragor/${s.dbId}/ny-version#nytt-set`}>Gör en ny version av {s.name}</a>
              </p>
            ) : null}
          </section>
        ))}
        {manage ? (
          <>
            <h2 id="nytt-set">{basedOn ? `Ny version av ${basedOn.name} (version ${basedOn.version + 1})` : 'Nytt frågeset'}</h2>
            <ErrorSummary errors={opts.errors} general={opts.general} />
            <Form action={`${base(f)}/fragor`} label={basedOn ? 'Ny version' : 'Nytt frågeset'}>
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
      </Layout>,
      opts.status ?? 200,
    );
  };

  app.get('/f/:federationId/enkater/fragor', (c) => setsPage(c));

  app.get('/f/:federationId/enkater/fragor/:setId{[0-9]+}/ny-version', async (c) => {
    requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const setId = parseId(c.req.param('setId'));
    if (!setId.ok) throw new NotFoundError('Frågesetet finns inte.');
    const basedOn = await getSet(db, f.id, setId.value);
    return setsPage(c, { basedOn });
  });

  app.post('/f/:federationId/enkater/fragor', async (c) => {
    const ctx = requirePermission(c, 'surveys:manage');
    const f = requireFederation(c);
    const { one } = await fields(c);
    const newVersionOf = isBlank(one.newVersionOf) ? null : valueOrThrow(parseId(one.newVersionOf), { field: 'newVersionOf' });
    const basedOn = newVersionOf ? await getSet(db, f.id, newVersionOf) : null;
    const parsed = parseStatementLines(one.statements ?? '');
    try {
      if (parsed.problems.length) throw new InputError(parsed.problems);
      await createSet(
        db,
        f.id,
        { name: one.name ?? '', group: one.group ?? '', kind: one.kind ?? '', statements: parsed.statements, freeTextPrompt: one.freeTextPrompt, freeTextPromptEasy: one.freeTextPromptEasy, newVersionOf },
        ctx.actor,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const errors: Record<string, string> = {};
      const general: string[] = [];
      for (const p of e.problems) {
        const field = p.field?.startsWith('statements') ? 'statements' : p.field;
        const msg = p.line ? `Rad ${p.line}: ${p.message}` : p.message;
        if (field && !errors[field]) errors[field] = msg;
        else general.push(msg);
      }
      return setsPage(c, { errors, general, values: one, basedOn, status: 400 });
    }
    return redirectWithFlash(c, `${base(f)}/fragor`, 'survey-set');
  });
};
