import iconv from 'iconv-lite';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { parseParticipationInput, type ParticipationInput } from '../../core/interventions/participation.ts';
import type { Actor, Database } from '../../db/database.ts';
import { listMembers } from '../../services/members/members.ts';
import { insertParticipations } from '../../services/interventions/participations.ts';
import { parseCsv, type CsvRow } from '../tabular/csv.ts';
import { readXlsxRows } from '../tabular/xlsx.ts';
import { cellText } from '../tabular/cells.ts';
import { headerFor, templateColumns } from './template.ts';

export const maxImportRows = 20_000;

/** The first worksheet of an XLSX file as rows of text (dates as ISO dates), through the importers' one bounded XLSX reader. */
export async function readXlsx(data: Uint8Array, file: string): Promise<CsvRow[]> {
  return (await readXlsxRows(data, file)).map((r) => ({ line: r.line, cells: Array.from({ length: Math.max(r.cells.length, templateColumns.length) }, (_, i) => cellText(r.cells[i])) }));
}

/**
 * Turns the rows of a template file into validated participations, or throws one InputError listing every
 * problem with file, line and column. Nothing is written here.
 */
export function parseParticipationRows(rows: readonly CsvRow[], file: string, membersByName: ReadonlyMap<string, number>, municipalities: readonly string[] = []): ParticipationInput[] {
  const [header, ...data] = rows;
  if (!header) throw new InputError({ file, message: 'Filen är tom. Första raden ska vara kolumnrubrikerna.' });
  const problems: InputProblem[] = [];
  const columnOf = new Map<string, number>();
  header.cells.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    if (!name) return;
    const col = templateColumns.find((c) => c.header.toLowerCase() === name || c.key.toLowerCase() === name);
    if (!col) problems.push({ file, line: header.line, field: h.trim(), message: `Okänd kolumn. Kolumnerna är: ${templateColumns.map((c) => c.header).join(', ')}.` });
    else if (columnOf.has(col.key)) problems.push({ file, line: header.line, field: col.header, message: 'Kolumnen finns två gånger.' });
    else columnOf.set(col.key, i);
  });
  for (const c of templateColumns) if (c.required && !columnOf.has(c.key)) problems.push({ file, line: header.line, field: c.header, message: 'Kolumnen saknas.' });
  if (problems.length) throw new InputError(problems);
  if (data.length > maxImportRows) throw new InputError({ file, message: `Filen har ${data.length} rader; högst ${maxImportRows} åt gången.` });

  const members = new Map([...membersByName].map(([n, id]) => [n.trim().toLowerCase(), id]));
  const out: ParticipationInput[] = [];
  for (const row of data) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const raw: Record<string, unknown> = {};
    for (const [key, i] of columnOf) raw[key] = row.cells[i] ?? '';
    const member = String(raw.referringMemberId ?? '').trim();
    if (member) {
      const id = members.get(member.toLowerCase());
      if (id === undefined) {
        problems.push({ file, line: row.line, field: headerFor('referringMemberId'), message: 'Okänd medlem; skriv medlemmens namn som det står i Samordna.' });
        raw.referringMemberId = '';
      } else raw.referringMemberId = id;
    }
    try {
      out.push(parseParticipationInput(raw, { file, line: row.line }, municipalities));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => ({ ...p, field: p.field ? headerFor(p.field) : p.field })));
    }
  }
  if (problems.length) throw new InputError(problems);
  if (!out.length) throw new InputError({ file, message: 'Filen har inga deltagare.' });
  return out;
}

/** UTF-8 (with or without BOM); files Excel saved as Windows-1252 are read as such. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(Buffer.from(data), 'win1252');
  }
}

/** Imports a CSV or XLSX template into one intervention: everything or nothing, in one transaction. */
export async function importParticipations(db: Database, federationId: number, interventionId: number, file: { name: string; data: Uint8Array }, actor: Actor): Promise<{ imported: number }> {
  const isXlsx = /\.xlsx$/i.test(file.name) || (file.data[0] === 0x50 && file.data[1] === 0x4b);
  const rows = isXlsx ? await readXlsx(file.data, file.name) : parseCsv(decodeText(file.data), file.name);
  const all = await listMembers(db, federationId);
  const members = new Map(all.map((m) => [m.name, m.id]));
  const inputs = parseParticipationRows(rows, file.name, members, all.filter((m) => m.kind === 'municipality').map((m) => m.name));
  return db.transaction(async (tx) => ({ imported: (await insertParticipations(tx, federationId, interventionId, inputs)).length }), actor);
}
