/**
 * `npm run bench memory -- --minutes 60`: the embedded server's resident memory (RSS) with the demo loaded and
 * during and after a long, steady load (issue 9: "after an hour of the load test, no growth"), with PGlite's
 * default settings and with shared_buffers=16MB. Only run when named (it takes the given minutes; default 60).
 *
 * Each setting runs in its own server process (bench/memory-server.ts), so RSS is the server's alone; both run at
 * the same time, so the hour is one hour. The load: 50 authenticated clients asking for the dashboard and the
 * driftredovisning in turn, RATE-LIMITED to --rate requests/s in total per server (default 60). The limit is on
 * purpose: the question is whether memory grows over an hour of use, not the most the server answers (that is
 * bench/http.bench.ts), and the machine is shared with other work that an hour at full speed would disturb.
 * RSS is sampled every minute without forcing garbage collection, and at the start and end also after a full
 * collection (heap) so the two can be told apart. Every sample is also appended to a log file while it runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadAverage, machineFacts } from './support/machine.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measure } from './support/load.ts';
import { loginCookie } from './http.bench.ts';

export const onlyWhenNamed = true;

const minutes = Number(process.env.BENCH_MINUTES) || 60;
const rate = Number(process.env.BENCH_RATE) || 60;
const connections = Number(process.env.BENCH_CONNECTIONS) || 50;
const variants: readonly (readonly string[])[] = [[], ['shared_buffers=16MB']];

interface Memory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}
interface Ready {
  kind: 'ready';
  url: string;
  federationId: number;
  sharedBuffers: string;
  empty: Memory;
  demoLoaded: Memory;
}

function ask<T>(child: ChildProcess, kind: string, msg: object = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number) => reject(new Error(`the server process ended (${code}) before '${kind}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (kind !== 'ready') child.send({ kind, ...msg });
  });
}

async function oneVariant(settings: readonly string[], log: string) {
  const label = settings.length ? settings.join(' ') : 'PGlite defaults';
  const child = fork(fileURLToPath(new URL('./memory-server.ts', import.meta.url)), [...settings], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await ask<Ready>(child, 'ready');
    const cookies: string[] = [];
    for (let i = 0; i < connections; i++) cookies.push(await loginCookie(ready.url, `user${i}@bench.se`));
    const paths = [`/f/${ready.federationId}?ar=2025`, `/f/${ready.federationId}/ar/2025/driftredovisning`];
    const samples: { minute: number; memory: Memory; load: Measure }[] = [];
    appendFileSync(log, `${label}\tstart\trss ${ready.demoLoaded.rssMb} MB (demo loaded, after gc)\n`);
    for (let minute = 1; minute <= minutes; minute++) {
      const load = await measure(ready.url, paths[0]!, { connections, seconds: 60, cookies, morePaths: paths.slice(1), overallRate: rate });
      const memory = await ask<Memory>(child, 'sample');
      samples.push({ minute, memory, load });
      appendFileSync(log, `${label}\t${minute}\trss ${memory.rssMb} MB heap ${memory.heapUsedMb} MB\t${load.requestsPerSecond}/s p99 ${load.latencyP99Ms} ms errors ${load.errors + load.non2xx + load.timeouts}\n`);
    }
    const afterGc = await ask<Memory>(child, 'sample', { gc: true });
    return {
      settings: label,
      sharedBuffers: ready.sharedBuffers,
      rssMb: { empty: ready.empty.rssMb, demoLoaded: ready.demoLoaded.rssMb },
      demoLoaded: ready.demoLoaded,
      samples,
      end: samples.at(-1)?.memory ?? ready.demoLoaded,
      endAfterGc: afterGc,
      requests: samples.reduce((n, s) => n + s.load.requests, 0),
      errors: samples.reduce((n, s) => n + s.load.errors + s.load.non2xx + s.load.timeouts, 0),
    };
  } finally {
    child.send({ kind: 'stop' });
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve(null);
      });
    });
  }
}

export async function run() {
  const log = join(tmpdir(), `samordna-memory-bench-${process.pid}.log`);
  writeFileSync(log, '');
  console.log(`memory: ${minutes} min, ${rate} req/s per server; samples in ${log}`);
  const started = loadAverage();
  const results = await Promise.all(variants.map((v) => oneVariant(v, log)));
  return {
    ok: results.every((r) => r.errors === 0 && r.requests > 0),
    minutes,
    ratePerServer: rate,
    connections,
    results,
    loadAverageAtStart: started,
    ...machineFacts(),
  };
}

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  const every10 = (samples: (typeof r.results)[number]['samples']) => samples.filter((s) => s.minute % 10 === 0 || s.minute === 1 || s.minute === samples.length);
  return [
    '# Minne under lång last (inbyggd databas)',
    '',
    `${r.minutes} minuter, ${r.connections} inloggade klienter som turas om att hämta översikten och driftredovisningen för 2025, ` +
      `**begränsat till ${r.ratePerServer} förfrågningar/s per server**. Begränsningen är avsiktlig: frågan är om minnet växer under en timmes ` +
      'användning, inte hur mycket servern orkar (det mäter `npm run bench http`), och maskinen delas med annat arbete som en timme i full fart skulle störa. ' +
      'Båda inställningarna kördes samtidigt, var och en i en egen serverprocess (RSS är serverns egen, lastgeneratorn räknas inte). ' +
      `Belastning ${r.loadAverageAtStart.join(' / ')} vid start och ${r.loadAverage.join(' / ')} vid slut (1/5/15 min). Node ${r.node}, ${r.at}.`,
    '',
    ...r.results.flatMap((x) => [
      `## ${x.settings} (shared_buffers ${x.sharedBuffers})`,
      '',
      `Efter migreringarna (före skräpsamling): ${x.rssMb.empty} MB. Demodata inläst (efter skräpsamling): ${x.rssMb.demoLoaded} MB. ` +
        `Efter lasten: ${x.end.rssMb} MB, efter skräpsamling ${x.endAfterGc.rssMb} MB (heap ${x.endAfterGc.heapUsedMb} MB). ` +
        `${x.requests} förfrågningar, ${x.errors} fel.`,
      '',
      '| minut | RSS MB | heap MB | förfrågningar/s | p99 ms | fel |',
      '|---:|---:|---:|---:|---:|---:|',
      `| 0 (demodata inläst) | ${x.demoLoaded.rssMb} | ${x.demoLoaded.heapUsedMb} | | | |`,
      ...every10(x.samples).map((s) => `| ${s.minute} | ${s.memory.rssMb} | ${s.memory.heapUsedMb} | ${s.load.requestsPerSecond} | ${s.load.latencyP99Ms} | ${s.load.errors + s.load.non2xx + s.load.timeouts} |`),
      '',
    ]),
  ].join('\n');
}
