import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry point runs the identity guard, read from the source so that a new field, route or importer
 * cannot be added unguarded (issue 27, "one identity guard for every byte that comes in"):
 * - HTTP: the guard is app-wide middleware, mounted before every area; a route reads a request only through
 *   what that middleware has already read (c.req.parseBody, c.req.json, query values) — the one exception is
 *   the streamed SIE upload, whose every text the SIE validator guards;
 * - importers: every importer reads through a guarded reader (the CSV/XLSX readers guard every cell and the
 *   file name, the SIE validator every text record, reference JSON every string, number and key);
 * - the SIE validator guards every record type that carries text.
 * The walk over every form (test/identityGuardForms.db.test.ts) shows the guard at work on what the pages post.
 */

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
const read = (f: string) => readFileSync(f, 'utf8');

// Ways of reading a request's body or values that the guard middleware does not see first.
const unguardedReads = /c\.req\.(raw\.body|raw\.(text|json|formData|arrayBuffer|blob)\(|text\(|arrayBuffer\(|blob\(|formData\()/g;
/** Reads the guard cannot see, each with why the value is guarded anyway. */
const allowedUnguarded: Record<string, string> = {
  'src/http/ledger/importRoutes.tsx': 'the SIE file is streamed into importSieFile; the SIE validator guards every text and the file name',
};

describe('the identity guard on every entry point', () => {
  it('HTTP: the guard is app-wide middleware, mounted before every area', () => {
    const app = read('src/http/app.tsx');
    const guard = app.indexOf("app.use('*', identityGuard())");
    expect(guard).toBeGreaterThan(0);
    expect(guard).toBeLessThan(app.indexOf('for (const area of areas)'));
    const middleware = read('src/http/security/identityGuard.ts');
    for (const read of ['c.req.raw.clone().json()', 'c.req.parseBody({ all: true })', 'c.req.queries()', 'identityProblems(']) expect(middleware).toContain(read);
  });

  it('HTTP: no route reads a request past the guard (the check can fail)', () => {
    expect('const t = await c.req.text();'.match(unguardedReads)).toHaveLength(1);
    const found = sourceFiles('src/http')
      .filter((f) => !f.startsWith(join('src/http/security')))
      .flatMap((f) => [...read(f).matchAll(unguardedReads)].map((m) => ({ file: f, read: m[0] })))
      .filter((r) => !(r.file in allowedUnguarded));
    expect(found).toEqual([]);
  });

  it('importers: every importer reads through a guarded reader', () => {
    const guardedReaders = /\b(parseCsv|readXlsxRows|readCsvRows|holdsIdentityNumber|identityProblems|parseText|new Validator)\(/;
    const importers = readdirSync('src/importers', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(importers.length).toBeGreaterThanOrEqual(6);
    const unguarded = importers.filter((dir) => !sourceFiles(join('src/importers', dir)).some((f) => guardedReaders.test(read(f))));
    expect(unguarded).toEqual([]);
  });

  it('the spreadsheet readers guard every cell and the file name of what they return', () => {
    for (const f of ['src/importers/tabular/csv.ts', 'src/importers/tabular/xlsx.ts']) {
      const text = read(f);
      expect(text, f).toContain('guardFileName(file)');
      expect(text, f).toMatch(/guardCells\(rows, file\);\s*return rows;/);
    }
  });

  it('SIE: every record type that carries text is guarded', () => {
    const records = read('src/importers/sie/records.ts');
    const validate = read('src/importers/sie/validate.ts');
    const withText = [...records.matchAll(/type: '(\w+)';[^}]*readonly (?:name|text|value): string/g)].map((m) => m[1]!);
    expect(withText).toEqual(expect.arrayContaining(['header', 'account', 'dimension', 'object', 'voucher']));
    for (const type of withText.filter((t) => t !== 'voucher')) {
      const start = validate.indexOf(`case '${type}':`);
      const block = validate.slice(start, validate.indexOf('case \'', start + 1));
      expect(block, type).toContain('this.guard(');
    }
    expect(validate).toContain('this.guard(v.text');
    expect(validate).toContain('this.guard(t.text');
  });
});
