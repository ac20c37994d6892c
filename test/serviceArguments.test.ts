import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * One argument order for every exported service function: `(db, federationId, …, input, actor)`. Read from
 * the source with the TypeScript parser (not the code's own output): the database handle (Database,
 * Queryable) comes first, the förbund second, the acting user (Actor) last.
 */

/** Exceptions, each with its reason; an entry that no longer breaks the rule must be removed. */
const exceptions: Record<string, string> = {
  // The session lookup runs before any förbund is known; the förbund is an optional filter. (Owned by the sessions work.)
  'auth/sessions.ts#findRequestSession': 'optional förbund filter after the token',
  // The national synthetic load is not for a förbund and its scale comes after the actor (national area).
  'national/synthetic.ts#loadNationalSynthetic': 'national area, not for a förbund',
  // The clock is injected last, after the actor, so tests can fix "today".
  'surveys/rounds.ts#enterPaperAnswers': 'injected clock after the actor',
  'surveys/rounds.ts#closeRound': 'injected clock after the actor',
};

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return serviceFiles(p);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [p] : [];
  });
}

interface Signature {
  readonly key: string;
  readonly params: readonly { name: string; type: string }[];
}

function exportedFunctions(file: string): Signature[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const key = (name: string) => `${file.replace(/^src\/services\//, '').replace(/\\/g, '/')}#${name}`;
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

describe('service argument order (db, federationId, …, input, actor)', () => {
  const signatures = serviceFiles('src/services').flatMap(exportedFunctions);

  it('reads the services (the check sees them)', () => {
    // Every area has services; a parser that found none would pass the rule below vacuously.
    expect(signatures.length).toBeGreaterThan(200);
    expect(signatures.filter((s) => s.params.some((p) => /^Actor\b/.test(p.type))).length).toBeGreaterThan(50);
  });

  it('every exported service function keeps the order, except the listed ones', () => {
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
