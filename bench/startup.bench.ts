/**
 * `npm run bench startup`: what starting Samordna costs, measured side by side in one run as ratios to a
 * yardstick on the same machine at the same time (issue 20, "Compiled start"):
 * - `samordna --help`: CPU time against `node -e 0` (goal ≤ 5×);
 * - `samordna report key-figures` on the demo: CPU time against opening the embedded database and running one
 *   query (bench/support/openAndQuery.mjs; goal ≤ 1.5×);
 * - `npm start` until the first page answers, from a fresh clone's state after install: an empty data folder
 *   (the database is created, migrated and the demo loaded), and again with that data (goal ≤ 3 s).
 * Each command runs as a fresh process, several times; the median is reported. CPU time and peak memory come
 * from the process itself (bench/support/cpuAtExit.mjs), so the load of other work on the machine changes the
 * wall times but hardly the CPU times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStatus } from '../scripts/buildState.mjs';
import { loadAverage } from './support/machine.ts';
import { freePort } from './support/postgres.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./support/cpuAtExit.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS || 5);
const federation = 'Samordningsförbundet Västmanland';

interface Sample {
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One fresh `node` process: its own CPU time and peak memory, and the wall time seen from here. */
function timeNode(args: string[], env: Record<string, string> = {}): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'samordna-startup-cpu-'));
  const file = join(dir, 'cpu.json');
  try {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', preload, ...args], {
      cwd: root,
      env: { ...process.env, SAMORDNA_LOG: 'off', ...env, SAMORDNA_BENCH_CPU_FILE: file },
      encoding: 'utf8',
    });
    const wallMs = performance.now() - started;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const { cpuMs, maxRssMb } = JSON.parse(readFileSync(file, 'utf8')) as { cpuMs: number; maxRssMb: number };
    return { cpuMs, wallMs, maxRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medians(name: string, samples: Sample[]) {
  return { name, cpuMs: median(samples.map((s) => s.cpuMs)), wallMs: median(samples.map((s) => s.wallMs)), maxRssMb: median(samples.map((s) => s.maxRssMb)) };
}

/** Alternating the command and its yardstick, so a change in the machine's load falls on both alike. */
function sideBySide(a: () => Sample, b: () => Sample) {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  a();
  b();
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return [as, bs] as const;
}

/**
 * `npm start` in the project until GET / answers (any status below 500); then the server is stopped. Wall time,
 * and the CPU time of every node process it ran (npm, the pre-start check, the server), until they stopped (the
 * server after the first answer and its running pass of the statistics freezer).
 */
async function npmStartToFirstPage(dataDir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const cpuDir = mkdtempSync(join(tmpdir(), 'samordna-startup-npm-cpu-'));
  const started = performance.now();
  let wallMs = 0;
  const child = spawn('npm', ['start', '--silent', '--', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, SAMORDNA_DATA_DIR: dataDir, SAMORDNA_LOG: 'off', DATABASE_URL: '', NODE_OPTIONS: `--import ${preload}`, SAMORDNA_BENCH_CPU_DIR: cpuDir },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended (${child.exitCode}) before answering`);
      if (performance.now() - started > 120_000) throw new Error('npm start did not answer within 120 s');
      const status = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).then((r) => r.status, () => 0);
      if (status > 0 && status < 500) {
        wallMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    // The whole group npm started (npm, its shell, node), so the server lets go of the data folder.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
    await exited;
    // npm is gone; the server stops after its running pass of the statistics freezer (docs/statistics-protection.md).
    for (let waited = 0; waited < 300_000; waited += 100) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Each process wrote its CPU time as it exited (the server after the first answer and the stop).
  const cpuMs = readdirSync(cpuDir).reduce((sum, f) => sum + (JSON.parse(readFileSync(join(cpuDir, f), 'utf8')) as { cpuMs: number }).cpuMs, 0);
  rmSync(cpuDir, { recursive: true, force: true });
  return { wallMs, cpuMs };
}

export async function run() {
  const status = buildStatus();
  if (status !== 'current') throw new Error(`the build in dist/ is ${status}: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'samordna-startup-'));
  try {
    const bin = ['bin/samordna.js'];
    const env = { SAMORDNA_DATA_DIR: dataDir, DATABASE_URL: '' };
    timeNode([...bin, 'demo'], env);

    const [help, node] = sideBySide(() => timeNode([...bin, '--help']), () => timeNode(['-e', '0']));
    const keyFiguresArgs = [...bin, 'report', 'key-figures', '--federation', federation, '--year', '2025', '--format', 'json'];
    const [report, open] = sideBySide(() => timeNode(keyFiguresArgs, env), () => timeNode([fileURLToPath(new URL('./support/openAndQuery.mjs', import.meta.url))], env));

    const firstStarts: { wallMs: number; cpuMs: number }[] = [];
    const laterStarts: { wallMs: number; cpuMs: number }[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const fresh = mkdtempSync(join(tmpdir(), 'samordna-startup-fresh-'));
      try {
        firstStarts.push(await npmStartToFirstPage(fresh));
        laterStarts.push(await npmStartToFirstPage(fresh));
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    }

    const rows = [medians('`samordna --help`', help), medians('`node -e 0`', node), medians('`samordna report key-figures` (demo, 2025)', report), medians('open the embedded database, one query', open)];
    const helpRatio = rows[0]!.cpuMs / rows[1]!.cpuMs;
    const reportRatio = rows[2]!.cpuMs / rows[3]!.cpuMs;
    const firstMs = median(firstStarts.map((s) => s.wallMs));
    const laterMs = median(laterStarts.map((s) => s.wallMs));
    const firstCpuMs = median(firstStarts.map((s) => s.cpuMs));
    const laterCpuMs = median(laterStarts.map((s) => s.cpuMs));
    const goals = [
      { goal: '`samordna --help` CPU ≤ 5 × `node -e 0`', value: `${helpRatio.toFixed(1)} ×`, met: helpRatio <= 5 },
      { goal: '`report key-figures` CPU ≤ 1.5 × opening the database and one query', value: `${reportRatio.toFixed(2)} ×`, met: reportRatio <= 1.5 },
      { goal: '`npm start` to the first page ≤ 3 s after install (empty data folder: database created, demo loaded)', value: `${(firstMs / 1000).toFixed(1)} s (CPU ${(firstCpuMs / 1000).toFixed(1)} s)`, met: firstMs <= 3000 },
      { goal: '`npm start` to the first page ≤ 3 s, database already there', value: `${(laterMs / 1000).toFixed(1)} s (CPU ${(laterCpuMs / 1000).toFixed(1)} s)`, met: laterMs <= 3000 },
    ];
    const f = (x: number) => Math.round(x).toLocaleString('sv-SE');
    const markdown = `Each command as a fresh process, ${runs} times alternating with its yardstick (median); CPU = user + system time of
the process itself. Load average at the end: ${loadAverage().join(', ')}.

| command | CPU (ms) | wall (ms) | peak memory (MB) |
|---|---:|---:|---:|
${rows.map((r) => `| ${r.name} | ${f(r.cpuMs)} | ${f(r.wallMs)} | ${f(r.maxRssMb)} |`).join('\n')}

\`npm start\` until \`GET /\` answers, with npm's own start and the pre-start check of the build (median of ${firstStarts.length}):

| data folder | wall (ms) | CPU of its node processes until they stopped (ms) |
|---|---:|---:|
| empty (database created, migrated, demo loaded) | ${firstStarts.map((x) => f(x.wallMs)).join(', ')} | ${firstStarts.map((x) => f(x.cpuMs)).join(', ')} |
| the database already there | ${laterStarts.map((x) => f(x.wallMs)).join(', ')} | ${laterStarts.map((x) => f(x.cpuMs)).join(', ')} |

| goal | measured | |
|---|---:|---|
${goals.map((g) => `| ${g.goal} | ${g.value} | ${g.met ? 'met' : 'NOT met'} |`).join('\n')}

Before (issue 20, every start compiling the TypeScript with tsx): \`samordna --help\` 1.9 s of CPU and 210 MB
against 0.06 s for \`node -e 0\`; \`report key-figures\` on the demo 3.1 s, of which opening the embedded database
and querying 0.9 s.`;
    return { ok: goals.every((g) => g.met), markdown, rows, helpRatio, reportRatio, firstStarts, laterStarts, goals };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
