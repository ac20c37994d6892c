/**
 * The national publication over the synthetic national set (80 förbund × 5 years, `loadNationalSynthetic`) on
 * embedded PostgreSQL: how long freezing every förbund's closed years takes, and then, year by year, the first
 * national publication (the suppression of the cross-förbund tables linked with the year before; afterwards a
 * year is read from storage). For each year it also counts what the suppression hides: of the county and
 * country cells (the participant tables per county, by gender and by exit outcome for the country) and of the
 * förbund cells side by side, and whether the country's own totals (active, new, ended) are shown.
 *
 * Goal: every year publishes in under 60 s (it runs once per year, in steps, with the server answering).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { machineFacts } from './support/machine.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadNationalSynthetic, nationalSyntheticScale } from '../src/services/national/synthetic.ts';
import { freezeAllClosedYears } from '../src/services/interventions/publishedStatistics.ts';
import { nationalStatisticsForYear } from '../src/services/national/nationalStatistics.ts';

const goalSeconds = 60;
const today = new Date('2026-03-01');

/** Runs work and measures the longest time the event loop was held meanwhile (a server's requests wait that long). */
async function blocking<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; blockedMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t = performance.now();
  try {
    const result = await work();
    return { result, ms: Math.round(performance.now() - t), blockedMs: Math.round(h.max / 1e6) };
  } finally {
    h.disable();
  }
}

const hiddenOf = (cells: readonly (number | null)[]) => ({ hidden: cells.filter((c) => c === null).length, of: cells.length });

export async function run() {
  process.env.SAMORDNA_LOG = 'off';
  const db = await openEmbedded();
  try {
    await migrate(db);
    const scale = nationalSyntheticScale;
    const t = performance.now();
    const loaded = await loadNationalSynthetic(db, { id: 'bench' }, scale);
    const seedMs = Math.round(performance.now() - t);
    const freeze = await blocking(() => freezeAllClosedYears(db, { today }));
    const freezeMs = freeze.ms;
    const years = [];
    for (let year = scale.firstYear; year < scale.firstYear + scale.years; year++) {
      const { result: v, ms, blockedMs } = await blocking(() => nationalStatisticsForYear(db, year, { today, seriesYears: [year] }));
      // Each county and country cell once: the counties, the country's totals, by gender and by exit outcome.
      const aggregate = hiddenOf([...v.byCounty.cells.flat(), ...(v.byCounty.colTotals ?? []), ...v.flowByGender.cells.flat(), ...v.exitOutcomes.cells.flat()]);
      const federation = hiddenOf([v.byFederation, v.activeByFederationAndGender, v.newByFederationAndGender, v.endedByFederationAndGender, v.exitOutcomesByFederation].flatMap((s) => s.cells.flat()));
      const country = v.byFederation.colTotals ?? [null, null, null];
      years.push({ year, ms, blockedMs, aggregate, federation, country: { active: country[0] ?? null, new: country[1] ?? null, ended: country[2] ?? null } });
    }
    return {
      ok: true,
      goalMet: years.every((y) => y.ms < goalSeconds * 1000),
      goalSeconds,
      federations: loaded.federations,
      participations: loaded.participations,
      seedMs,
      freezeMs,
      freezeBlockedMs: freeze.blockedMs,
      years,
      ...machineFacts(),
    };
  } finally {
    await db.close();
  }
}

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  const shown = (v: number | null) => (v === null ? '–' : v.toLocaleString('sv-SE'));
  return [
    `Syntetiska data på inbäddad PostgreSQL: ${r.federations} förbund, ${r.participations} deltaganden (inläsning ${r.seedMs} ms). Maskinen: ${r.cpus} kärnor, belastning ${r.loadAverage.join(' / ')} (1/5/15 min) när körningen slutade.`,
    `Frysning av alla förbunds stängda år: ${(r.freezeMs / 1000).toFixed(1)} s; längsta tid händelseloopen hölls: ${r.freezeBlockedMs} ms.`,
    `Mål: varje år publiceras nationellt på under ${r.goalSeconds} s — ${r.goalMet ? 'uppnått' : 'INTE uppnått'}.`,
    '',
    '| år | publicering (s) | längsta blockering (ms) | dolda läns- och riksceller | dolda förbundsceller | landet: aktiva | nya | avslutade |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.years.map((y) => `| ${y.year} | ${(y.ms / 1000).toFixed(1)} | ${y.blockedMs} | ${y.aggregate.hidden} av ${y.aggregate.of} | ${y.federation.hidden} av ${y.federation.of} | ${shown(y.country.active)} | ${shown(y.country.new)} | ${shown(y.country.ended)} |`),
    '',
    'Varje år maskeras tillsammans med årets före (flödesidentiteten), så ett år väntar på det förra. Längsta blockering: den längsta stund händelseloopen hölls av ett steg (en server svarar inte på andra begäranden under den). "–" = dolt. Vad som döljs och varför: se docs/statistics-protection.md, "Kostnad på det syntetiska setet".',
    '',
  ].join('\n');
}
