import { cpus, loadavg } from 'node:os';

/** The machine's load average (1, 5, 15 min), rounded: other work on the machine slows every figure. */
export const loadAverage = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

/** What every bench result records about the run: Node, cores, the load when it ended, and when. */
export function machineFacts() {
  return { node: process.version, cpus: cpus().length, loadAverage: loadAverage(), at: new Date().toISOString() };
}
