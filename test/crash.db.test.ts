import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { snapshot } from './support/snapshot.ts';

/**
 * The embedded database is never corrupted by a crash: a separate process imports many rows in one
 * transaction into a data directory and is killed with SIGKILL in the middle; after a restart the data
 * is exactly as before the import. Then the CLI backs the recovered directory up and restores it into
 * another one, row for row. (Embedded only: a server database's durability is PostgreSQL's own.)
 */

const root = join(import.meta.dirname, '..');
const script = join(root, 'test/support/largeImport.ts');
const cli = join(root, 'bin/samordna.js');

function runToEnd(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: '', SAMORDNA_LOG: 'off', ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe.skipIf(!!process.env.DATABASE_URL)('crash safety of the embedded database', () => {
  it('a process killed with SIGKILL in the middle of a large import leaves the data as before the import', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samordna-crash-'));
    expect(runToEnd(['--import', 'tsx', script, dataDir, 'baseline'])).toContain('baseline done');

    let before: Record<string, string[]>;
    {
      const db = await openEmbedded({ dataDir });
      before = await snapshot(db);
      await db.close();
    }
    expect(before.member).toHaveLength(10);

    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, 'import', '100000'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Kill it once it has written 20 batches (10 000 rows) inside its transaction.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('batch 20\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`import ended before it was killed (${code}): ${stderr}`)));
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Restart: the lock file of the dead process does not block, recovery runs, nothing of the import is there.
    const db = await openEmbedded({ dataDir });
    try {
      await migrate(db);
      expect(await snapshot(db)).toEqual(before);
      // And the database still takes writes.
      await db.transaction((tx) => tx.query("insert into federation (name) values ('Efter kraschen')"), { id: 'test' });
      expect((await db.query('select name from federation order by id')).length).toBe(2);
    } finally {
      await db.close();
    }

    // The CLI backs the recovered directory up and restores it into an empty one, row for row.
    const file = join(mkdtempSync(join(tmpdir(), 'samordna-bak-')), 'backup.samordna.gz');
    expect(runToEnd([cli, 'backup', file], { SAMORDNA_DATA_DIR: dataDir })).toMatch(/Säkerhetskopian .* är skriven/);
    const otherDir = mkdtempSync(join(tmpdir(), 'samordna-restored-'));
    expect(runToEnd([cli, 'restore', file], { SAMORDNA_DATA_DIR: otherDir })).toMatch(/Återställt från/);
    const a = await openEmbedded({ dataDir });
    const b = await openEmbedded({ dataDir: otherDir });
    try {
      expect(await snapshot(b)).toEqual(await snapshot(a));
    } finally {
      await a.close();
      await b.close();
    }
  }, 240_000);
});
