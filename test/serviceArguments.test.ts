import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * One argument order for every exported service function: `(db, federationId, …, input, actor)`, and for every
 * exported importer function, which hands its parsed file to the services in the same order. Read from the
 * source with the TypeScript parser (not the code's own output): the database handle (Database, Queryable)
 * comes first, the förbund second, the acting user (Actor) last.
 */

/** Exceptions, each with its reason; an entry that no longer breaks the rule must be removed. */
const exceptions: Record<string, string> = {
  // The session lookup runs before any förbund is known; the förbund is an optional filter. (Owned by the sessions work.)
  'services/auth/sessions.ts#findRequestSession': 'optional förbund filter after the token',
  // The national synthetic load is not for a förbund and its scale comes after the actor (national area).
  'services/national/synthetic.ts#loadNationalSynthetic': 'national area, not for a förbund',
  // The clock is injected last, after the actor, so tests can fix "today".
  'services/surveys/rounds.ts#enterPaperAnswers': 'injected clock after the actor',
  'services/surveys/rounds.ts#closeRound': 'injected clock after the actor',
  'services/decisions/minutes.ts#giveMeetingNotice': 'injected clock after the actor',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [p] : [];
  });
}

interface Signature {
  readonly key: string;
  readonly params: readonly { name: string; type: string }[];
}

function exportedFunctions(file: string): Signature[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const key = (name: string) => `${file.replace(/\\/g, '/').replace(/^src\//, '')}#${name}`;
  const params = (ps: ts.NodeArray<ts.ParameterDeclaration>) => ps.map((p) => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? '' }));
  const out: Signature[] = [];
  for (const node of sf.statements) {
    const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(node) && node.name) out.push({ key: key(node.name.text), params: params(node.parameters) });
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          out.push({ key: key(d.name.text), params: params(d.initializer.parameters) });
        }
      }
    }
  }
  return out;
}

/** What is wrong with the order, or nothing. */
function problems(s: Signature): string[] {
  const isDb = s.params.map((p) => /\b(Database|Queryable)\b/.test(p.type));
  const isFederation = s.params.map((p) => p.name === 'federationId');
  const isActor = s.params.map((p) => /^Actor\b/.test(p.type));
  const out: string[] = [];
  if (isDb.includes(true) && !isDb[0]) out.push('the database handle is not first');
  const f = isFederation.indexOf(true);
  if (f >= 0 && f !== (isDb[0] ? 1 : 0)) out.push('federationId does not follow the database handle');
  const a = isActor.indexOf(true);
  if (a >= 0 && a !== s.params.length - 1) out.push('the actor is not last');
  return out;
}

describe('service and importer argument order (db, federationId, …, input, actor)', () => {
  const signatures = ['src/services', 'src/importers'].flatMap(sourceFiles).flatMap(exportedFunctions);

  it('reads the services and the importers (the check sees them)', () => {
    // Every area has services; a parser that found none would pass the rule below vacuously.
    const services = signatures.filter((s) => s.key.startsWith('services/'));
    const importers = signatures.filter((s) => s.key.startsWith('importers/'));
    expect(services.length).toBeGreaterThan(200);
    expect(services.filter((s) => s.params.some((p) => /^Actor\b/.test(p.type))).length).toBeGreaterThan(50);
    // The importers that write: reference, outcome, participants (each takes the database and an actor).
    expect(importers.filter((s) => s.params.some((p) => /\b(Database|Queryable)\b/.test(p.type))).length).toBeGreaterThan(5);
    expect(importers.filter((s) => s.params.some((p) => /^Actor\b/.test(p.type))).map((s) => s.key)).toEqual(
      expect.arrayContaining(['importers/reference/importReference.ts#importReferenceFile', 'importers/outcome/importOutcome.ts#importOutcomeData', 'importers/participants/importParticipations.ts#importParticipations']),
    );
  });

  it('every exported service and importer function keeps the order, except the listed ones', () => {
    const broken = signatures.filter((s) => problems(s).length && !(s.key in exceptions)).map((s) => `${s.key}: ${problems(s).join(', ')}`);
    expect(broken).toEqual([]);
  });

  it('every listed exception still needs its place in the list', () => {
    const stale = Object.keys(exceptions).filter((k) => {
      const s = signatures.find((x) => x.key === k);
      return !s || problems(s).length === 0;
    });
    expect(stale).toEqual([]);
  });

  it('would notice the order this issue fixed (actor second)', () => {
    const old: Signature = { key: 'x', params: [{ name: 'db', type: 'Database' }, { name: 'actor', type: 'Actor' }, { name: 'federationId', type: 'number' }, { name: 'raw', type: 'Record<string, unknown>' }] };
    expect(problems(old)).toEqual(['federationId does not follow the database handle', 'the actor is not last']);
  });
});
