// Preloaded (`node --import`, or NODE_OPTIONS for a tree of processes) into the processes the start-up bench
// times: when the process exits it writes its own CPU time and peak memory to the file named by
// SAMORDNA_BENCH_CPU_FILE, or to <pid>.json in the folder SAMORDNA_BENCH_CPU_DIR (one file per process).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.env.SAMORDNA_BENCH_CPU_FILE || (process.env.SAMORDNA_BENCH_CPU_DIR && join(process.env.SAMORDNA_BENCH_CPU_DIR, `${process.pid}.json`));
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}
