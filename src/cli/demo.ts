import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openDatabase } from '../db/open.ts';
import { demoActor, loadDemo, type DemoStep } from '../services/demo/index.ts';
import { parseReference } from '../importers/reference/parseReference.ts';
import { writeReference } from '../importers/reference/importReference.ts';
import { seedInterventionDemo } from '../services/interventions/demo/loadInterventionDemo.ts';
import { seedReportDemo, type ReportDemoData } from '../services/reports/demo.ts';
import { seedOpenYearDemo, type OpenYearDemoData } from '../services/economy/demoOpenYear.ts';

export const demoFile = new URL('../../demo/vastmanland.json', import.meta.url);
export const reportDemoFile = new URL('../../demo/vastmanland-report.json', import.meta.url);
/** EXAMPLE DATA: an open year with invented monthly outcome (not the förbund's real 2026). */
export const openYearDemoFile = new URL('../../demo/vastmanland-2026-exempel.json', import.meta.url);

/** Samordningsförbundet Västmanland 2024–2025 (and the predecessor's 2021–2023 totals) from demo/. */
export const economyDemoStep: DemoStep = {
  name: 'Ekonomi: Samordningsförbundet Västmanland 2024–2025',
  async run(tx, ctx) {
    const data = parseReference(await readFile(demoFile, 'utf8'), 'demo/vastmanland.json');
    const result = await writeReference(tx, data);
    ctx.federationId = result.federationId;
  },
};

/** The demo loader's steps, in order. Other areas append theirs here. */
export const demoSteps: DemoStep[] = [
  economyDemoStep,
  {
    name: 'Insatser och deltagare (syntetiska deltagare)',
    run: (tx, ctx) => seedInterventionDemo(tx, ctx.federationId!),
  },
  {
    name: 'Styrelse, revisorer och texter till årsredovisningen 2025',
    async run(tx, ctx) {
      const data = JSON.parse(await readFile(reportDemoFile, 'utf8')) as ReportDemoData;
      await seedReportDemo(tx, ctx.federationId!, data, demoActor.id);
    },
  },
  {
    name: 'Ett pågående år: 2026 med utfall januari–september (EXEMPELDATA, påhittade siffror)',
    async run(tx, ctx) {
      const data = JSON.parse(await readFile(openYearDemoFile, 'utf8')) as OpenYearDemoData;
      await seedOpenYearDemo(tx, ctx.federationId!, data);
    },
  },
];

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Läser in demodata (Samordningsförbundet Västmanland 2024–2025, och 2026 som pågående år med exempeldata)')
    .action(async () => {
      const db = await openDatabase();
      try {
        const names = await loadDemo(db, demoSteps);
        for (const n of names) console.log(`Inläst: ${n}`);
      } finally {
        await db.close();
      }
    });
}
