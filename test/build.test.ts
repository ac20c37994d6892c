import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildStatus, distDir, isCompiled, readState, sourceFiles, sourceHash, srcDir } from '../scripts/buildState.mjs';

/**
 * `samordna` runs the JavaScript in dist/ that `npm run build` compiled from src/ (bin/samordna.js). In CI a build
 * that is missing or older than the source fails here: `.ci/run`'s `npm ci` builds (the `prepare` script), so a
 * failure means the build no longer follows the source. Outside CI `npm test` rebuilds before the tests; a run of
 * this file alone after an edit skips the checks of the build's content instead of failing.
 */
const status = buildStatus();
const checkBuild = !!process.env.CI || status === 'current';

describe('the built code in dist/', () => {
  it('records what it was built from, and the record follows any change to the source', () => {
    const { files } = sourceFiles();
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
    // One input less gives another hash: the comparison below would see an edit, a new file or a removed one.
    expect(sourceHash(files.slice(1))).not.toBe(sourceHash(files));
  });

  it.runIf(checkBuild)('is built from the current source (in CI a missing or stale build is a failure)', () => {
    expect(status, 'dist/ is missing or stale: npm run build').toBe('current');
    expect(readState()?.sourceHash).toBe(sourceHash());
    expect(spawnSync(process.execPath, ['scripts/build.mjs', '--check']).status).toBe(0);
  });

  it.runIf(checkBuild)('holds every module and every file the modules read beside them (migrations, stylesheet)', () => {
    const missing: string[] = [];
    for (const f of sourceFiles().files) {
      const out = join(distDir, relative(srcDir, f)).replace(/\.tsx?$/, isCompiled(f) ? '.js' : '$&');
      if (!existsSync(out)) missing.push(relative(srcDir, f));
      else if (!isCompiled(f) && !readFileSync(out).equals(readFileSync(f))) missing.push(`${relative(srcDir, f)} (differs)`);
    }
    expect(missing).toEqual([]);
  });

  it.runIf(checkBuild)('runs: `samordna --help` from the build lists the commands', () => {
    const r = spawnSync(process.execPath, ['--trace-warnings', join(distDir, 'cli', 'main.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const command of ['start', 'import', 'report', 'user', 'backup', 'insatser', 'ledger', 'survey', 'national']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });
});
