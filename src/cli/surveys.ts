import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseId, parseInteger, parseIsoDate, valueOrThrow } from '../core/input/index.ts';
import { sharesByLabel } from '../core/surveys/results.ts';
import { setId } from '../core/surveys/sets.ts';
import { today } from '../core/calendar.ts';
import type { Database } from '../db/database.ts';
import { cliActor, cliActorIn, parseYear, withDb } from './shared.ts';

/** `samordna survey sets|create|results|close`: the indicator surveys from the command line. */

const federations = () => import('../services/federations/federations.ts');
const rounds = () => import('../services/surveys/rounds.ts');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function count(v: string, field: string): number {
  return valueOrThrow(parseInteger(v, { min: 0, max: 5000 }), { field });
}

function format(v: string): 'json' | 'table' {
  if (v !== 'json' && v !== 'table') throw new InputError({ field: '--format', message: `Okänt format "${v}": json eller table.` });
  return v;
}

export function registerSurveys(program: Command): void {
  const survey = program.command('survey').description('Indikatorenkäter: frågeset, enkätomgångar med länk och engångskoder, resultat');

  survey
    .command('sets')
    .description('Listar frågeseten (de som levereras med Samordna, och med --federation även förbundets egna)')
    .option('--federation <name>', 'förbundets namn')
    .option('--format <format>', 'json eller table', 'table')
    .action(async (opts: { federation?: string; format: string }) => {
      const fmt = format(opts.format);
      const [{ getFederationByName }, { builtinSetList, listSets }] = await Promise.all([federations(), import('../services/surveys/sets.ts')]);
      const sets = opts.federation
        ? await withDb(async (db) => {
            const fed = await getFederationByName(db, opts.federation!);
            return (await listSets(db, fed.id)).map((s) => ({
              id: s.id,
              group: s.group,
              version: s.version,
              name: s.name,
              kind: s.kind,
              statements: s.statements.map((st) => ({ id: st.id, text: st.text, indicator: st.indicator, scale: [...st.scale] })),
            }));
          })
        : builtinSetList().map((s) => ({
            id: setId(s.key, s.version),
            group: s.group,
            version: s.version,
            name: s.name,
            kind: s.kind,
            statements: s.statements.map((st) => ({ id: st.key, text: st.text, indicator: st.indicator, scale: [...st.scale] })),
          }));
      if (fmt === 'json') console.log(JSON.stringify(sets, null, 2));
      else for (const s of sets) console.log(`${s.id}\t${s.group}\tversion ${s.version}\t${s.name}\t${s.statements.length} frågor`);
    });

  survey
    .command('create')
    .description('Skapar en enkätomgång med en öppen länk och N engångskoder (koderna skrivs ut bara nu)')
    .requiredOption('--federation <name>', 'förbundets namn (skapas om det saknas)')
    .requiredOption('--year <year>', 'året enkäten gäller')
    .requiredOption('--set <set>', 'frågesetets id, t.ex. insatspersonal-v1 (utan -vN: senaste versionen)')
    .requiredOption('--group <group>', 'respondentgrupp: deltagare-pagaende, deltagare-avslutade, insatspersonal, styrelse, chefer, remittenter')
    .option('--codes <n>', 'antal engångskoder', '0')
    .option('--no-open-link', 'ingen öppen länk, bara koder')
    .option('--opens <date>', 'första dag att svara (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--closes <date>', 'sista dag att svara (ÅÅÅÅ-MM-DD), standard 60 dagar efter start')
    .option('--local-set <set>', 'förbundets egna frågor att ställa efter frågesetet')
    .option('--intervention <id...>', 'insatser enkäten gäller (id)')
    .option('--name <name>', 'omgångens namn')
    .option('--format <format>', 'json eller table', 'table')
    .action(async (opts: { federation: string; year: string; set: string; group: string; codes: string; openLink: boolean; opens?: string; closes?: string; localSet?: string; intervention?: string[]; name?: string; format: string }) => {
      const fmt = format(opts.format);
      const year = parseYear(opts.year);
      const codes = count(opts.codes, '--codes');
      const [{ ensureFederationByName }, { createRound }] = await Promise.all([federations(), rounds()]);
      const opensOn = opts.opens === undefined ? today() : valueOrThrow(parseIsoDate(opts.opens), { field: '--opens' });
      const closesOn = opts.closes === undefined ? addDays(opensOn, 60) : valueOrThrow(parseIsoDate(opts.closes), { field: '--closes' });
      const out = await withDb(async (db) => {
        const { id: fid, created } = await ensureFederationByName(db, opts.federation, cliActor);
        if (created) console.error(`Förbundet "${opts.federation}" skapades.`);
        const interventionIds = (opts.intervention ?? []).map((v) => valueOrThrow(parseId(v), { field: '--intervention' }));
        return createRound(db, fid, { set: opts.set, localSet: opts.localSet ?? null, year, group: opts.group, name: opts.name, opensOn, closesOn, openLink: opts.openLink, codes, interventionIds }, cliActorIn(fid));
      });
      if (fmt === 'json') console.log(JSON.stringify({ survey: out.round.id, openLink: out.openLink, codes: out.codes, opensOn: out.round.opensOn, closesOn: out.round.closesOn }, null, 2));
      else {
        console.log(`Enkätomgång ${out.round.id}: ${out.round.name}, öppen ${out.round.opensOn} – ${out.round.closesOn}`);
        if (out.openLink) console.log(`Öppen länk: ${out.openLink}`);
        if (out.codes.length) console.log(`Engångskoder (visas bara nu):\n${out.codes.join('\n')}`);
      }
    });

  survey
    .command('results')
    .description('Resultat per påstående för hela omgången och per insats: n och andel per svarsalternativ i hela procent; publiceras när omgången har stängt')
    .requiredOption('--survey <id>', 'enkätomgångens id')
    .option('--federation <name>', 'förbundets namn (behövs inte: omgångens id räcker)')
    .option('--format <format>', 'json eller table', 'table')
    .action(async (opts: { survey: string; federation?: string; format: string }) => {
      const fmt = format(opts.format);
      const surveyId = valueOrThrow(parseId(opts.survey), { field: '--survey' });
      const { roundResults } = await import('../services/surveys/results.ts');
      const res = await withDb(async (db) => roundResults(db, await roundIn(db, opts.survey, surveyId, opts.federation), surveyId));
      const rows = res.statements.map((s) => ({
        statement: s.id,
        text: s.text,
        local: s.local,
        n: s.result.n,
        shares: sharesByLabel(s.scale, s.result),
        hidden: s.result.hidden,
        change: s.change ? Object.fromEntries(s.scale.map((l, i) => [l, s.change![i]!])) : null,
        ...(s.assessment ? { assessment: s.assessment } : {}),
      }));
      // The same publication as the results page: the whole round and every intervention, a hidden group without n.
      const groups = res.byIntervention.map((iv) => ({
        intervention: iv.name,
        n: iv.responses,
        statements: iv.statements.map((s) => ({ statement: s.id, shares: s.result.hidden ? null : sharesByLabel(s.scale, s.result), hidden: s.result.hidden })),
      }));
      const state = res.published ? null : `Resultaten publiceras ${res.round.publishedFrom}, när omgången har stängt; hittills ${res.round.responses} svar.`;
      if (fmt === 'json') {
        console.log(
          JSON.stringify(
            { survey: res.round.id, name: res.round.name, year: res.round.year, published: res.published, publishedFrom: res.round.publishedFrom, responses: res.round.responses, statements: rows, groups },
            null,
            2,
          ),
        );
      } else {
        console.log(`${res.round.name} (${res.round.year}), ${res.round.responses} svar; minsta antal som visas: ${res.minCellSize}`);
        if (state) return console.log(state);
        for (const r of rows) console.log(`${r.statement}\t(n=${r.n})\t${r.hidden ? 'för få svar' : Object.entries(r.shares).map(([k, v]) => `${k} ${v} %`).join(', ')}\t${r.text}`);
        for (const g of groups) {
          console.log(`\n${g.intervention} (${g.n === null ? 'dolt' : `${g.n} svar`})`);
          for (const st of g.statements) console.log(`${st.statement}\t${st.shares === null ? 'dolt' : Object.entries(st.shares).map(([k, v]) => `${k} ${v} %`).join(', ')}`);
        }
      }
    });

  survey
    .command('close')
    .description('Stänger omgången nu (kansliets "Stäng omgången"): inga fler svar, och resultaten publiceras i dag')
    .requiredOption('--survey <id>', 'enkätomgångens id')
    .option('--federation <name>', 'förbundets namn (behövs inte: omgångens id räcker)')
    .action(async (opts: { survey: string; federation?: string }) => {
      const surveyId = valueOrThrow(parseId(opts.survey), { field: '--survey' });
      const { closeRound } = await rounds();
      const round = await withDb(async (db) => {
        const fid = await roundIn(db, opts.survey, surveyId, opts.federation);
        return closeRound(db, fid, surveyId, cliActorIn(fid));
      });
      console.log(`Enkätomgång ${round.id} (${round.name}) är stängd; resultaten publiceras ${round.publishedFrom}. ${round.responses} svar.`);
    });
}

/** The förbund of a round named by id on the command line (checked against --federation when given). */
async function roundIn(db: Database, raw: string, surveyId: number, federation: string | undefined): Promise<number> {
  const [{ getFederationByName }, { roundFederation }] = await Promise.all([federations(), rounds()]);
  const r = await roundFederation(db, surveyId);
  if (!r) throw new InputError({ field: '--survey', message: `Enkätomgången ${raw} finns inte.` });
  if (federation) {
    const fed = await getFederationByName(db, federation);
    if (fed.id !== r.federation_id) throw new InputError({ field: '--survey', message: `Enkätomgången ${raw} hör inte till ${federation}.` });
  }
  return r.federation_id;
}
