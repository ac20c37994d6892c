/**
 * A SYNTHETIC national data set for demonstration and the benchmark: 80 förbund × 5 years, every one marked
 * `synthetic` and named "Syntetiskt förbund NN", each in a county, with members, budget lines, fiscal years
 * (allocation = twice the förbund's state part from the allocation model, costs per section, equity, total
 * assets), the allocation model's inputs, interventions with catalogue entries, and participations. Invented numbers, deterministic.
 */
import { InputError } from '../../core/errors.ts';
import { computeStateAllocation } from '../../core/economy/stateAllocation.ts';
import type { Actor, Database } from '../../db/database.ts';

export { swedishCounties } from '../../core/counties.ts';
import { swedishCounties } from '../../core/counties.ts';

export interface SyntheticScale {
  readonly federations: number;
  readonly firstYear: number;
  readonly years: number;
}

export const nationalSyntheticScale: SyntheticScale = { federations: 80, firstYear: 2021, years: 5 };

export const syntheticName = (i: number) => `Syntetiskt förbund ${String(i).padStart(2, '0')}`;

/** Loads the set in ONE transaction; refuses when synthetic förbund already exist. Returns the förbund count. */
export async function loadNationalSynthetic(db: Database, actor: Actor, s: SyntheticScale = nationalSyntheticScale): Promise<{ federations: number; participations: number }> {
  const years = Array.from({ length: s.years }, (_, k) => s.firstYear + k);
  const inputs = Array.from({ length: s.federations }, (_, k) => {
    const i = k + 1;
    return { federation: syntheticName(i), population: 15_000 + ((i * 7919) % 380_000), supportMeasureHundredths: (800 + ((i * 104_729) % 24_000)) * 100 + (i % 100) };
  });
  // The state's total: 400 Mkr the first year, +2 % a year (whole kronor).
  const stateTotalOre = (y: number) => Math.round(400_000_000 * Math.pow(1.02, y - s.firstYear)) * 100;
  const stateByYear = new Map(years.map((y) => {
    const grown = inputs.map((x, k) => ({ ...x, population: x.population + (((k + 1) * (y - s.firstYear) * 37) % 900) }));
    return [y, { inputs: grown, allocation: computeStateAllocation(grown, stateTotalOre(y)) }];
  }));

  return db.transaction(async (tx) => {
    const exists = await tx.query("select 1 from federation where synthetic and name like 'Syntetiskt förbund %' limit 1");
    if (exists.length) throw new InputError({ field: 'synthetic', message: 'Det syntetiska nationella datasetet är redan inläst.' });
    for (let i = 1; i <= s.federations; i++) {
      const county = swedishCounties[(i - 1) % swedishCounties.length]!;
      const [f] = await tx.query<{ id: number }>('insert into federation (name, county, synthetic) values ($1, $2, true) returning id', [syntheticName(i), county]);
      const fid = f!.id;
      await tx.query(
        `insert into member (federation_id, name, kind, sort_order) values
           ($1, 'Försäkringskassan', 'state_fk', 1), ($1, 'Arbetsförmedlingen', 'state_af', 2), ($1, $2, 'region', 3),
           ($1, $3, 'municipality', 4), ($1, $4, 'municipality', 5)`,
        [fid, `Region ${county.replace(/s? län$/, '')}`, `Kommun ${i}A`, `Kommun ${i}B`],
      );
      const lines = await tx.query<{ id: number; section: string }>(
        `insert into budget_line (federation_id, section, label, sort_order) values
           ($1, 'income', 'Medelstilldelning', 1), ($1, 'administration', 'Kansli och styrelse', 2), ($1, 'individual', 'Samordningsteam', 3),
           ($1, 'structural', 'Strukturinsatser', 4), ($1, 'process_support', 'Processtöd', 5) returning id, section`,
        [fid],
      );
      const line = (section: string) => lines.find((l) => l.section === section)!.id;
      let equity = 0;
      for (const [k, y] of years.entries()) {
        const state = stateByYear.get(y)!;
        const allocationOre = state.allocation.parts[i - 1]!.amountOre * 2;
        if (k === 0) equity = Math.round((allocationOre * (12 + ((i * 5) % 16))) / 100);
        // costs 88–103 % of the allocation; sections: administration 10–16 %, individual 55–63 %, structural 10–19 %, rest process support
        const costOre = Math.round((allocationOre * (88 + ((i * 3 + y) % 16))) / 100);
        const admin = Math.round((costOre * (10 + ((i + y) % 7))) / 100);
        const individual = Math.round((costOre * (55 + ((i * 2 + y) % 9))) / 100);
        const structural = Math.round((costOre * (10 + ((i + 2 * y) % 10))) / 100);
        const process = costOre - admin - individual - structural;
        const opening = equity;
        equity = opening + allocationOre - costOre;
        const totalAssets = Math.max(equity, 0) + Math.round((allocationOre * (8 + (i % 9))) / 100);
        await tx.query(
          'insert into fiscal_year (federation_id, year, allocation_ore, opening_equity_ore, total_assets_ore, employees) values ($1, $2, $3, $4, $5, $6)',
          [fid, y, allocationOre, opening, totalAssets, 1 + (i % 4)],
        );
        await tx.query(
          `insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source) values
             ($1, $2, 12, $3, $4, 0, 'manual'), ($1, $2, 12, $5, 0, $6, 'manual'), ($1, $2, 12, $7, 0, $8, 'manual'),
             ($1, $2, 12, $9, 0, $10, 'manual'), ($1, $2, 12, $11, 0, $12, 'manual')`,
          [fid, y, line('income'), allocationOre, line('administration'), admin, line('individual'), individual, line('structural'), structural, line('process_support'), process],
        );
        const x = state.inputs[i - 1]!;
        await tx.query('insert into state_allocation_input (federation_id, year, population_16_64, support_measure_hundredths) values ($1, $2, $3, $4)', [
          fid, y, x.population, x.supportMeasureHundredths,
        ]);
      }
      const ivs = await tx.query<{ id: number; name: string }>(
        `insert into intervention (federation_id, name, kind, period_start, target_group, capacity, owner_member_id)
         values ($1, 'Samordningsteam', 'individual', $2, 'Personer 16–64 år i behov av samordnade insatser', 60, (select id from member where federation_id = $1 and name = $3)),
                ($1, 'Unga vuxna', 'individual', $2, 'Unga vuxna 16–29 år', 25, (select id from member where federation_id = $1 and name = $3)),
                ($1, 'Kompetensutveckling', 'structural', $2, 'Personal hos medlemmarna', null, null) returning id, name`,
        [fid, `${s.firstYear - 1}-01-01`, `Kommun ${i}A`],
      );
      // Catalogue entries (synthetic too): the two teams public, the structural one not.
      const entry = (name: string, pub: boolean, purpose: string, target: string, ages: [number, number], sources: string[], open: boolean) =>
        tx.query(
          `insert into catalogue_entry (federation_id, intervention_id, public, purpose, target_group, age_min, age_max, municipalities, support_sources,
             referral_process, contact_role, contact_email, contact_phone, open_for_referral, capacity, review_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11, $12, $13, $14, $15, $16)`,
          [
            fid, ivs.find((x) => x.name === name)!.id, pub, purpose, target, ages[0], ages[1], [`Kommun ${i}A`, `Kommun ${i}B`], sources,
            'Handläggaren och personen fyller i samtycke och remiss tillsammans och skickar den till teamets funktionsbrevlåda.',
            'Teamets mottagning', `team${i}@syntetisk.example`, '010-000 00 00', open, name === 'Unga vuxna' ? 25 : 60, `${s.firstYear + s.years}-06-30`,
          ],
        );
      await entry('Samordningsteam', true, 'Samordnat stöd mot arbete eller studier för personer som behöver flera myndigheters insatser.', 'Personer i behov av samordnade insatser', [16, 64], ['sickness_benefit', 'income_support', 'sickness_compensation'], i % 3 !== 0);
      await entry('Unga vuxna', true, 'Stöd till ungdomar som varken arbetar eller studerar.', 'Unga vuxna', [16, 29], ['income_support', 'none'], i % 4 !== 0);
      await entry('Kompetensutveckling', false, 'Utbildning för medlemmarnas personal.', 'Personal hos medlemmarna', [16, 64], [], false);
    }
    for (const y of years) {
      await tx.query('insert into state_allocation_year (year, total_ore, max_fall_bp) values ($1, $2, null) on conflict (year) do nothing', [y, stateTotalOre(y)]);
    }
    // Participations, generated inside the database: per förbund 15–190 new a year, mostly women and men.
    // Participant g starts in year firstYear + g % years; its attributes follow its place m within that year's
    // cohort, so that every year's newcomers are a similar mix (taken from g itself, the mix was tied to the
    // start year: with 2 years one year's newcomers were all women, the other's all men).
    await tx.query(
      `with f as (select id, row_number() over (order by name) as i from federation where synthetic),
       base as (
         select f.id as fid, f.i, g, g / $2::int as m,
                make_date($1::int + (g % $2::int), 1, 1) + ((g * 37 + f.i::int * 11) % 365) as start_date,
                60 + ((g * 53 + f.i::int * 11) % 800) as days
         from f, generate_series(0, (15 + (f.i::int * 13) % 175) * $2::int - 1) g),
       ivs as (select federation_id, id, row_number() over (partition by federation_id order by id) - 1 as slot
               from intervention where kind = 'individual' and federation_id in (select id from f))
       insert into participation (federation_id, intervention_id, code, gender, age_band, support_before, support_duration, education,
                                  start_date, end_date, exit_outcome, support_after)
       select b.fid, i.id, 'S-' || b.fid || '-' || b.g,
              (array['woman','man','woman','man','woman','man','woman','man','woman','man','woman','man','woman','man','woman','man','woman','man','other','unknown'])[1 + (b.m * 7 + b.i::int) % 20],
              (array['16-19','20-24','25-29','30-39','40-49','50-59','60-67'])[1 + (b.m * 3) % 7],
              (array['income_support','sickness_benefit','sickness_compensation','unemployment_benefit','none','establishment_allowance'])[1 + (b.m * 5) % 6],
              (array['lt1','1to2','2to4','gt4','gt4','unknown'])[1 + (b.m * 11) % 6],
              (array['none_completed','compulsory','upper_secondary','post_secondary','unknown'])[1 + (b.m * 13) % 5],
              b.start_date, e.end_date,
              case when e.end_date is not null then (array['work','studies','job_seeking','other_intervention','sick','moved','broke_off','other','work','job_seeking'])[1 + (b.m * 17 + b.i::int) % 10] end,
              case when e.end_date is not null then (array['salary','study_aid','unemployment_benefit','income_support','sickness_benefit','unknown'])[1 + (b.m * 19) % 6] end
       from base b
       join ivs i on i.federation_id = b.fid and i.slot = (b.g % 3 = 0)::int
       cross join lateral (select case when b.start_date + b.days <= make_date($1::int + $2::int - 1, 12, 31) then b.start_date + b.days end as end_date) e`,
      [s.firstYear, s.years],
    );
    const [{ n }] = (await tx.query<{ n: number }>('select count(*)::int as n from participation p join federation f on f.id = p.federation_id where f.synthetic')) as [{ n: number }];
    return { federations: s.federations, participations: n };
  }, actor);
}
