import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * SQL lives in src/services and src/db (docs/ARCHITECTURE.md). The dependency rules keep the CLI, HTTP, importers
 * and exports from importing the database layer, but a database handle passed in as an argument could still run
 * SQL; this reads their source with the TypeScript parser and fails on any `.query(…)`, `.exec(…)` or `.many(…)`
 * whose first argument is SQL text.
 */
const outside = ['src/cli', 'src/http', 'src/importers', 'src/exports'];
const sql = /^\s*(select|insert|update|delete|with|create|alter|drop|truncate|lock|begin|commit)\s+\S/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every call `x.query|exec|many(<SQL text>, …)` in the source, as `file:line`. */
function sqlCalls(file: string, text = readFileSync(file, 'utf8')): string[] {
  // Only a file that calls one of these at all is worth parsing.
  if (!/\.(query|exec|many)\s*(<|\()/.test(text)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['query', 'exec', 'many'].includes(node.expression.name.text)) {
      const first = node.arguments[0];
      const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) ? first.text : ts.isTemplateExpression(first) ? first.head.text : undefined);
      if (literal !== undefined && sql.test(literal)) found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('SQL only in services and the database layer', () => {
  const files = outside.flatMap(sourceFiles);

  it('reads the CLI, HTTP, importers and exports (the check sees them)', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no SQL is run outside src/services and src/db', () => {
    expect(files.flatMap((f) => sqlCalls(f))).toEqual([]);
  });

  it('would notice the SQL this rule moved (a query in a CLI command, a write in an importer)', () => {
    const old = `async function f(db, tx, name) {
      const rows = await db.query<{ id: number }>('select id from federation where name = $1', [name]);
      await tx.query(\`insert into member (federation_id, name) values ($1, $2)\`, [1, name]);
      return c.req.query('select');
    }`;
    expect(sqlCalls('old.ts', old)).toEqual(['old.ts:2', 'old.ts:3']);
  });
});
