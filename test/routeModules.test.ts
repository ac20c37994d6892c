import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Route modules are page-sized (docs/ARCHITECTURE.md, "a page is three parts"): a loader returns a view model,
 * a view beside it in src/http/<area>/ renders it, and the handler only checks access, reads the request and
 * answers. Read from the source with the TypeScript parser: a route file may use page components (capitalised
 * JSX tags) but never writes HTML itself (lower-case tags), and every module is a Hono sub-app that mounts no
 * middleware of its own (app.use belongs to app.tsx).
 */

const httpDir = 'src/http';

/** The route modules: `<name>Routes.ts(x)` in each area folder of src/http/. */
function routeFiles(): string[] {
  return readdirSync(httpDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(httpDir, d.name)).filter((n) => /Routes\.tsx?$/.test(n)).map((n) => join(httpDir, d.name, n)));
}

/** Every intrinsic (HTML) element written in the file, as "file:line <tag>". */
function htmlElements(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(sf);
      if (/^[a-z]/.test(tag)) out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} <${tag}>`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('route modules are page-sized', () => {
  it('the parser sees HTML written in a route (the check can fail)', () => {
    const sf = ts.createSourceFile('x.tsx', 'const a = <section><Page model={m} /></section>;', ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
    const tags: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) tags.push(n.tagName.getText(sf));
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(tags).toEqual(['section', 'Page']);
  });

  it('no route file writes HTML: markup lives in the views of src/http/<area>/', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(htmlElements)).toEqual([]);
  });

  it('every route module is a Hono sub-app without middleware of its own', () => {
    const offenders = routeFiles().filter((f) => /\bapp\.use\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the house is arranged by area', () => {
  const areas = readdirSync(httpDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['kit', 'security', 'static'].includes(d.name))
    .map((d) => d.name);

  it('app.tsx mounts every area through its routes.ts, and nothing else', () => {
    const app = readFileSync(join(httpDir, 'app.tsx'), 'utf8');
    const mounted = [...app.matchAll(/from '\.\/(\w+)\/routes\.ts'/g)].map((m) => m[1]).sort();
    expect(mounted).toEqual([...areas].sort());
    expect(app).not.toMatch(/Routes\.tsx?'/);
  });

  it("every route module is listed in its area's routes.ts", () => {
    const unlisted = routeFiles().filter((file) => {
      const [, , area = '', fileName = ''] = file.split('/');
      const list = readFileSync(join(httpDir, area, 'routes.ts'), 'utf8');
      const name = fileName.replace(/\.tsx?$/, '');
      return !list.includes(`from './${name}.ts`);
    });
    expect(unlisted).toEqual([]);
  });
});
