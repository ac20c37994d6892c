// Preloaded (`node --import`) into the processes the start-up bench times: writes the process's own CPU time and
// peak memory to the file named by SAMORDNA_BENCH_CPU_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.SAMORDNA_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}
