/**
 * Reads and validates a file in the reference format `samordna-reference/1` (spec:
 * test/fixtures/REFERENCE.md; Samordna's extensions in README.md). Everything is checked before anything is written;
 * every problem names the file, the line and the field (JSON path), e.g.
 * `vastmanland.json, rad 112, fält "years[1].budget[3].cost": Beloppet är text …`.
 *
 * Samordna extensions (optional): `federation.county` (one of the 21 län), per year `employees` (full-time positions), and top-level `yearSummaries`
 * — printed totals of years without lines (five-year overview): { year, income, cost, result, equityRatio?,
 * employees?, note? }, amounts in kronor, cost positive.
 */
import { countyRefusal, isCounty } from '../../core/counties.ts';
import { parseText } from '../../core/input/index.ts';
import { holdsIdentityNumber, identityRefusalMessage } from '../../core/privacy/identityGuard.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { isMemberKind, isSection, memberKinds, sections, type MemberKind, type Section, type YearSummary } from '../../core/economy/types.ts';
import { isIsoDate } from '../../core/economy/budget.ts';
import { JsonSyntaxError, joinPath, parseJsonWithLines, type Json } from '../jsonWithLines.ts';

export const referenceFormat = 'samordna-reference/1';

export interface ReferenceLine {
  readonly section: Section;
  readonly label: string;
  readonly incomeOre: number;
  readonly costOre: number;
}

export interface ReferenceYear {
  readonly year: number;
  readonly allocationOre: number;
  /** payer: null for the state, else the member's name. */
  readonly contributions: readonly { readonly payer: string | null; readonly amountOre: number }[];
  readonly budget: readonly ReferenceLine[];
  readonly budgetRevisions: readonly { readonly decidedOn: string; readonly decision: string; readonly lines: readonly ReferenceLine[] }[];
  readonly outcome: readonly ReferenceLine[];
  /** Optional facts: undefined = absent from the file (kept as they are in the database). */
  readonly financial?: { readonly incomeOre: number; readonly costOre: number };
  readonly openingEquityOre?: number;
  readonly equityContributionsOre?: number;
  readonly totalAssetsOre?: number;
  readonly employees?: number;
}

export interface ReferenceData {
  readonly federationName: string;
  /** The förbund's county (län), when the file gives it. */
  readonly county?: string;
  readonly members: readonly { readonly name: string; readonly kind: MemberKind }[];
  readonly years: readonly ReferenceYear[];
  readonly yearSummaries: readonly YearSummary[];
}

type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and validates; throws InputError listing every problem found. */
export function parseReference(text: string, file: string): ReferenceData {
  if (holdsIdentityNumber(file)) throw new InputError({ field: 'filnamn', message: `Filnamnet: ${identityRefusalMessage}` });
  let parsed;
  try {
    parsed = parseJsonWithLines(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new InputError({ file, line: e.line, message: `Filen är inte giltig JSON: ${e.message}` });
    throw e;
  }
  const problems: InputProblem[] = [];
  const lineOf = (path: string) => parsed.lines.get(path) ?? parsed.lines.get(path.replace(/(\.[^.[]+|\[[^\]]+\])$/, '')) ?? 1;
  const problem = (path: string, message: string) => problems.push({ file, line: lineOf(path), field: path || undefined, message });

  const root = parsed.value;
  // Every text of the file (names of the förbund, members, lines, notes) through the boundary's text rule.
  for (const p of textProblems(root, '')) problem(p.path, p.message);
  if (!isObj(root) || root.format !== referenceFormat) {
    throw new InputError({ file, line: lineOf(isObj(root) ? 'format' : ''), field: 'format', message: `Filen är inte i formatet ${referenceFormat} (fältet "format" saknas eller är fel).` });
  }

  const get = (o: Obj, key: string, path: string, required: boolean): Json | undefined => {
    if (!Object.prototype.hasOwnProperty.call(o, key) || o[key] === undefined) {
      if (required) problem(path, `Obligatoriskt fält "${key}" saknas.`);
      return undefined;
    }
    return o[key];
  };
  const text_ = (o: Obj, key: string, parent: string, required = true): string | undefined => {
    const path = joinPath(parent, key);
    const v = get(o, key, path, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      problem(path, 'Ska vara en text som inte är tom.');
      return undefined;
    }
    return v.trim();
  };
  /** A kronor amount → öre. */
  const amount = (o: Obj, key: string, parent: string, opts: { required?: boolean; min?: number } = {}): number | undefined => {
    const path = joinPath(parent, key);
    const v = get(o, key, path, opts.required ?? true);
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      problem(path, `Beloppet är text ("${v.slice(0, 30)}"); ange ett heltal i kronor utan citattecken.`);
      return undefined;
    }
    if (typeof v !== 'number') {
      problem(path, 'Beloppet ska vara ett heltal i kronor.');
      return undefined;
    }
    if (!Number.isInteger(v)) {
      problem(path, `Beloppet ${v} är inte ett heltal; ange hela kronor.`);
      return undefined;
    }
    if (!Number.isSafeInteger(v * 100)) {
      problem(path, 'Beloppet är för stort.');
      return undefined;
    }
    if (opts.min !== undefined && v < opts.min) {
      problem(path, `Beloppet får inte vara mindre än ${opts.min}.`);
      return undefined;
    }
    return v * 100;
  };
  const list = (o: Obj, key: string, parent: string, required: boolean): Json[] | undefined => {
    const path = joinPath(parent, key);
    const v = get(o, key, path, required);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      problem(path, 'Ska vara en lista ([ … ]).');
      return undefined;
    }
    return v;
  };

  // Federation
  let federationName = '';
  let county: string | undefined;
  const fed = get(root, 'federation', 'federation', true);
  if (fed !== undefined) {
    if (!isObj(fed)) problem('federation', 'Ska vara ett objekt med "name".');
    else {
      federationName = text_(fed, 'name', 'federation') ?? '';
      county = text_(fed, 'county', 'federation', false);
      if (county !== undefined && !isCounty(county)) problem('federation.county', countyRefusal);
    }
  }

  // Members
  const members: { name: string; kind: MemberKind }[] = [];
  const memberNames = new Set<string>();
  (list(root, 'members', 'members', true) ?? []).forEach((m, i) => {
    const path = joinPath('members', i);
    if (!isObj(m)) return problem(path, 'Ska vara ett objekt med "name" och "kind".');
    const name = text_(m, 'name', path);
    const kindPath = joinPath(path, 'kind');
    const kind = get(m, 'kind', kindPath, true);
    if (kind !== undefined && !isMemberKind(kind)) problem(kindPath, `Okänd medlemstyp "${String(kind)}"; tillåtna: ${memberKinds.join(', ')}.`);
    if (name !== undefined && memberNames.has(name)) problem(joinPath(path, 'name'), `Medlemmen "${name}" finns två gånger.`);
    if (name !== undefined) memberNames.add(name);
    if (name !== undefined && isMemberKind(kind)) members.push({ name, kind });
  });

  const lineList = (o: Obj, key: string, parent: string, required: boolean): ReferenceLine[] => {
    const out: ReferenceLine[] = [];
    const seen = new Set<string>();
    (list(o, key, parent, required) ?? []).forEach((l, i) => {
      const path = joinPath(joinPath(parent, key), i);
      if (!isObj(l)) return problem(path, 'Ska vara ett objekt med section, label, income och cost.');
      const secPath = joinPath(path, 'section');
      const section = get(l, 'section', secPath, true);
      if (section !== undefined && !isSection(section)) problem(secPath, `Okänt avsnitt "${String(section)}"; tillåtna: ${sections.join(', ')}.`);
      const label = text_(l, 'label', path);
      const incomeOre = amount(l, 'income', path);
      const costOre = amount(l, 'cost', path);
      if (isSection(section) && label !== undefined) {
        const k = `${section}\u0000${label}`;
        if (seen.has(k)) problem(joinPath(path, 'label'), `Budgetposten "${label}" (${section}) finns två gånger i samma lista.`);
        seen.add(k);
        if (incomeOre !== undefined && costOre !== undefined) out.push({ section, label, incomeOre, costOre });
      }
    });
    return out;
  };

  // Years
  const years: ReferenceYear[] = [];
  const seenYears = new Set<number>();
  const yearList = list(root, 'years', 'years', true) ?? [];
  if (Array.isArray(yearList) && yearList.length === 0 && get(root, 'years', 'years', false) !== undefined) problem('years', 'Filen innehåller inga år.');
  yearList.forEach((y, yi) => {
    const path = joinPath('years', yi);
    if (!isObj(y)) return problem(path, 'Ska vara ett objekt för ett år.');
    const yv = get(y, 'year', joinPath(path, 'year'), true);
    let year: number | undefined;
    if (yv !== undefined) {
      if (typeof yv !== 'number' || !Number.isInteger(yv) || yv < 1990 || yv > 2200) problem(joinPath(path, 'year'), 'Året ska vara ett heltal, t.ex. 2025.');
      else if (seenYears.has(yv)) problem(joinPath(path, 'year'), `Året ${yv} finns två gånger.`);
      else year = yv;
    }
    if (year !== undefined) seenYears.add(year);
    const allocationOre = amount(y, 'allocation', path, { min: 0 });
    const contributions: { payer: string | null; amountOre: number }[] = [];
    const payers = new Set<string>();
    (list(y, 'contributions', path, true) ?? []).forEach((c, ci) => {
      const cpath = joinPath(joinPath(path, 'contributions'), ci);
      if (!isObj(c)) return problem(cpath, 'Ska vara ett objekt med "payer" och "amount".');
      const payer = text_(c, 'payer', cpath);
      const amountOre = amount(c, 'amount', cpath, { min: 0 });
      if (payer !== undefined) {
        if (payer !== 'state' && !memberNames.has(payer)) problem(joinPath(cpath, 'payer'), `Okänd betalare "${payer}": ange "state" eller namnet på en medlem i "members".`);
        else if (payers.has(payer)) problem(joinPath(cpath, 'payer'), `Betalaren "${payer}" finns två gånger.`);
        payers.add(payer);
      }
      if (payer !== undefined && amountOre !== undefined) contributions.push({ payer: payer === 'state' ? null : payer, amountOre });
    });
    const cList = y.contributions;
    if (allocationOre !== undefined && Array.isArray(cList) && contributions.length === cList.length) {
      const sum = contributions.reduce((a, c) => a + c.amountOre, 0);
      if (sum !== allocationOre) {
        problem(joinPath(path, 'contributions'), `Bidragen summerar till ${sum / 100} kr men "allocation" är ${allocationOre / 100} kr (skillnad ${(sum - allocationOre) / 100} kr).`);
      }
    }
    const budget = lineList(y, 'budget', path, true);
    const outcome = lineList(y, 'outcome', path, true);
    const budgetRevisions: ReferenceYear['budgetRevisions'][number][] = [];
    (list(y, 'budgetRevisions', path, false) ?? []).forEach((r, ri) => {
      const rpath = joinPath(joinPath(path, 'budgetRevisions'), ri);
      if (!isObj(r)) return problem(rpath, 'Ska vara ett objekt med date, note och lines.');
      const dpath = joinPath(rpath, 'date');
      const date = get(r, 'date', dpath, true);
      if (date !== undefined && !isIsoDate(date)) problem(dpath, 'Datumet ska anges som ÅÅÅÅ-MM-DD.');
      const decision = text_(r, 'note', rpath);
      const lines = lineList(r, 'lines', rpath, true);
      if (isIsoDate(date) && decision !== undefined) budgetRevisions.push({ decidedOn: date, decision, lines });
    });
    let financial: ReferenceYear['financial'];
    const fin = get(y, 'financial', joinPath(path, 'financial'), false);
    if (fin !== undefined) {
      if (!isObj(fin)) problem(joinPath(path, 'financial'), 'Ska vara ett objekt med "income" och "cost".');
      else {
        const fi = amount(fin, 'income', joinPath(path, 'financial'));
        const fc = amount(fin, 'cost', joinPath(path, 'financial'));
        if (fi !== undefined && fc !== undefined) financial = { incomeOre: fi, costOre: fc };
      }
    }
    const openingEquityOre = amount(y, 'openingEquity', path, { required: false });
    const equityContributionsOre = amount(y, 'equityContributions', path, { required: false });
    const totalAssetsOre = amount(y, 'totalAssets', path, { required: false, min: 0 });
    let employees: number | undefined;
    const ev = get(y, 'employees', joinPath(path, 'employees'), false);
    if (ev !== undefined) {
      if (typeof ev !== 'number' || ev < 0 || ev > 100000) problem(joinPath(path, 'employees'), 'Antal anställda (heltidstjänster) ska vara ett tal, 0 eller större.');
      else employees = ev;
    }
    if (year !== undefined && allocationOre !== undefined) {
      years.push({
        year,
        allocationOre,
        contributions,
        budget,
        budgetRevisions,
        outcome,
        ...(financial ? { financial } : {}),
        ...(openingEquityOre !== undefined ? { openingEquityOre } : {}),
        ...(equityContributionsOre !== undefined ? { equityContributionsOre } : {}),
        ...(totalAssetsOre !== undefined ? { totalAssetsOre } : {}),
        ...(employees !== undefined ? { employees } : {}),
      });
    }
  });

  // Extension: summary-only years
  const yearSummaries: YearSummary[] = [];
  (list(root, 'yearSummaries', 'yearSummaries', false) ?? []).forEach((s, si) => {
    const path = joinPath('yearSummaries', si);
    if (!isObj(s)) return problem(path, 'Ska vara ett objekt med year, income, cost och result.');
    const yv = get(s, 'year', joinPath(path, 'year'), true);
    if (yv !== undefined && (typeof yv !== 'number' || !Number.isInteger(yv) || yv < 1990 || yv > 2200)) problem(joinPath(path, 'year'), 'Året ska vara ett heltal.');
    const incomeOre = amount(s, 'income', path);
    const costOre = amount(s, 'cost', path);
    const resultOre = amount(s, 'result', path);
    const er = get(s, 'equityRatio', joinPath(path, 'equityRatio'), false);
    if (er !== undefined && er !== null && (typeof er !== 'number' || Math.abs(er) >= 1000)) problem(joinPath(path, 'equityRatio'), 'Soliditeten ska vara en andel, t.ex. 0.157.');
    const emp = get(s, 'employees', joinPath(path, 'employees'), false);
    if (emp !== undefined && emp !== null && (typeof emp !== 'number' || emp < 0 || emp > 100000)) problem(joinPath(path, 'employees'), 'Antal anställda ska vara ett tal, 0 eller större.');
    const note = get(s, 'note', joinPath(path, 'note'), false);
    if (note !== undefined && note !== null && typeof note !== 'string') problem(joinPath(path, 'note'), 'Ska vara en text.');
    if (typeof yv === 'number' && Number.isInteger(yv) && incomeOre !== undefined && costOre !== undefined && resultOre !== undefined) {
      yearSummaries.push({
        year: yv,
        incomeOre,
        costOre,
        resultOre,
        equityRatio: typeof er === 'number' ? er : null,
        employees: typeof emp === 'number' ? emp : null,
        note: typeof note === 'string' ? note : null,
      });
    }
  });

  if (problems.length) throw new InputError(problems);
  return { federationName, ...(county !== undefined ? { county } : {}), members, years, yearSummaries };
}

/** Each string in the JSON that the boundary's text rule refuses (identity numbers, controls, length), by path. */
function textProblems(v: Json, path: string): { path: string; message: string }[] {
  if (typeof v === 'string') {
    const r = parseText(v, { kind: 'short' });
    return r.ok ? [] : [{ path, message: r.message }];
  }
  // A number is text too for the guard (8112289874 written without quotes), and so is every key.
  if (typeof v === 'number') return holdsIdentityNumber(String(v)) ? [{ path, message: identityRefusalMessage }] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => textProblems(x, `${path}[${i}]`));
  if (v && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => {
      const at = path ? `${path}.${k}` : k;
      return holdsIdentityNumber(k) ? [{ path: path || 'nyckel', message: identityRefusalMessage }] : textProblems(x as Json, at);
    });
  }
  return [];
}
