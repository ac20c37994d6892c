import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DemoStep } from '../services/demo/index.ts';
import type { ReportDemoData } from '../services/reports/demo.ts';
import type { OpenYearDemoData } from '../services/economy/demoOpenYear.ts';
import { withDb } from './shared.ts';

export const demoFile = new URL('../../demo/vastmanland.json', import.meta.url);
export const reportDemoFile = new URL('../../demo/vastmanland-report.json', import.meta.url);
/** EXAMPLE DATA: an open year with invented monthly outcome (not the förbund's real 2026). */
export const openYearDemoFile = new URL('../../demo/vastmanland-2026-exempel.json', import.meta.url);

/** Samordningsförbundet Västmanland 2024–2025 (and the predecessor's 2021–2023 totals) from demo/. */
export const economyDemoStep: DemoStep = {
  name: 'Ekonomi: Samordningsförbundet Västmanland 2024–2025',
  async run(tx, ctx) {
    const [{ parseReference }, { writeReference }] = await Promise.all([
      import('../importers/reference/parseReference.ts'),
      import('../importers/reference/importReference.ts'),
    ]);
    const data = parseReference(await readFile(demoFile, 'utf8'), 'demo/vastmanland.json');
    const result = await writeReference(tx, data);
    ctx.federationId = result.federationId;
  },
};

/** The demo loader's steps, in order. Other areas append theirs here. Each loads what it writes with when it runs. */
export const demoSteps: DemoStep[] = [
  economyDemoStep,
  {
    name: 'Insatser och deltagare (syntetiska deltagare)',
    run: async (tx, ctx) => (await import('../services/interventions/demo/loadInterventionDemo.ts')).seedInterventionDemo(tx, ctx.federationId!),
  },
  {
    name: 'Styrelse, revisorer och texter till årsredovisningen 2025',
    async run(tx, ctx) {
      const [{ seedReportDemo }, { demoActor }] = await Promise.all([import('../services/reports/demo.ts'), import('../services/demo/index.ts')]);
      const data = JSON.parse(await readFile(reportDemoFile, 'utf8')) as ReportDemoData;
      await seedReportDemo(tx, ctx.federationId!, data, demoActor.id);
    },
  },
  {
    name: 'Ett pågående år: 2026 med utfall januari–september (EXEMPELDATA, påhittade siffror)',
    async run(tx, ctx) {
      const { seedOpenYearDemo } = await import('../services/economy/demoOpenYear.ts');
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
      const { loadDemo } = await import('../services/demo/index.ts');
      const names = await withDb((db) => loadDemo(db, demoSteps));
      for (const n of names) console.log(`Inläst: ${n}`);
    });
}
