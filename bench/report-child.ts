/**
 * One measurement for bench/report.bench.ts, in a fresh process so that its peak memory is the rendering's own:
 * `node --import tsx bench/report-child.ts DOC.json docx|pdf` renders the document (JSON of the document model) twice
 * — cold (first in the process: modules, fonts) and warm — and prints one JSON line with times (wall clock and CPU),
 * sizes and memory.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../src/core/documents/model.ts';
import { renderDocx } from '../src/exports/docx/render.ts';
import { renderPdf } from '../src/exports/pdf/render.ts';

const [file, format] = process.argv.slice(2);
if (!file || (format !== 'docx' && format !== 'pdf')) throw new Error('usage: report-child.ts DOC.json docx|pdf');
const parsed = JSON.parse(readFileSync(file, 'utf8')) as Doc & { created?: string };
const doc: Doc = { ...parsed, ...(parsed.created ? { created: new Date(parsed.created) } : {}) };
const render = format === 'docx' ? renderDocx : renderPdf;

const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
let t0 = performance.now();
let c0 = process.cpuUsage();
const first = await render(doc);
const coldMs = performance.now() - t0;
const coldCpuMs = cpuMs(c0);
t0 = performance.now();
c0 = process.cpuUsage();
await render(doc);
const warmMs = performance.now() - t0;
const warmCpuMs = cpuMs(c0);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
let pages: number | null = null;
if (format === 'pdf') pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
console.log(JSON.stringify({ coldMs, coldCpuMs, warmMs, warmCpuMs, bytes: first.length, pages, rssBeforeMb, peakRssMb }));
