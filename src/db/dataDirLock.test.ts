import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { takeDataDirLock } from './dataDirLock.ts';

const holdScript = `
  import { takeDataDirLock } from ${JSON.stringify(new URL('./dataDirLock.ts', import.meta.url).pathname)};
  await takeDataDirLock(process.argv.at(-1));
  console.log('held');
  setInterval(() => {}, 1000);
`;

function holdInChild(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holdScript, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<typeof child>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

describe('the embedded data directory lock', () => {
  it('keeps a second holder out while the first lives, and lets go when it is released', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samordna-lock-'));
    const release = await takeDataDirLock(dir);
    await expect(takeDataDirLock(dir)).rejects.toThrow(/används redan av en annan process \(pid \d+\)/);
    release();
    (await takeDataDirLock(dir))();
  });

  it('is not fooled by a pid file naming a live process that holds nothing (a reused pid)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samordna-lock-'));
    // pid 1 always lives; before, a pid file naming a live process refused the start.
    writeFileSync(join(dir, 'samordna.lock'), '1');
    (await takeDataDirLock(dir))();
  });

  it('is free again after its holder is killed with SIGKILL, and holds against a live other process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samordna-lock-'));
    const child = await holdInChild(dir);
    child.removeAllListeners('exit');
    await expect(takeDataDirLock(dir)).rejects.toThrow(new RegExp(`pid ${child.pid}`));
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await gone;
    (await takeDataDirLock(dir))();
  });
});
