/** A förbund with catalogue entries and last year's participations, for the catalogue's tests. */
import type { Database } from '../../src/db/database.ts';

export const lastYear = new Date().getFullYear() - 1;

/** A förbund in a county with three interventions: one public youth team, one public for the sick-listed, one not public. */
export async function seedCatalogue(db: Database, name = 'Katalogförbundet', county = 'Västmanlands län') {
  const [{ id: fid }] = (await db.query<{ id: number }>('insert into federation (name, county) values ($1, $2) returning id', [name, county])) as [{ id: number }];
  const members = await db.query<{ id: number; name: string }>(
    `insert into member (federation_id, name, kind, sort_order) values ($1, 'Försäkringskassan', 'state_fk', 1), ($1, 'Region Västmanland', 'region', 2),
       ($1, 'Västerås stad', 'municipality', 3), ($1, 'Sala kommun', 'municipality', 4) returning id, name`,
    [fid],
  );
  const m = (n: string) => members.find((x) => x.name === n)!.id;
  const iv = await db.query<{ id: number; name: string }>(
    `insert into intervention (federation_id, name, kind, owner_member_id, period_start) values
       ($1, 'Unga vuxna Västerås', 'individual', $2, '2023-01-01'), ($1, 'Vägen tillbaka', 'individual', $3, '2022-01-01'),
       ($1, 'Hemligt pilotprojekt', 'individual', $2, '2024-01-01') returning id, name`,
    [fid, m('Västerås stad'), m('Region Västmanland')],
  );
  const id = (n: string) => iv.find((x) => x.name === n)!.id;
  await db.query('insert into intervention_member (federation_id, intervention_id, member_id) values ($1, $2, $3), ($1, $2, $4)', [fid, id('Unga vuxna Västerås'), m('Försäkringskassan'), m('Region Västmanland')]);
  const entry = (interventionId: number, pub: boolean, purpose: string, target: string, municipalities: string[], ages: [number, number], sources: string[], open: boolean, reviewBy: string) =>
    db.query(
      `insert into catalogue_entry (federation_id, intervention_id, public, purpose, target_group, age_min, age_max, municipalities, support_sources,
         referral_process, contact_role, contact_email, contact_phone, open_for_referral, capacity, review_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], 'Handläggaren fyller i remissblanketten tillsammans med personen.',
               'Teamets mottagning', 'team@example.se', '021-10 00 00', $10, 25, $11)`,
      [fid, interventionId, pub, purpose, target, ages[0], ages[1], municipalities, sources, open, reviewBy],
    );
  await entry(id('Unga vuxna Västerås'), true, 'Stöd till ungdomar som varken arbetar eller studerar.', 'Ungdomar och unga vuxna', ['Västerås'], [16, 29], ['income_support', 'none'], true, '2099-12-31');
  await entry(id('Vägen tillbaka'), true, 'Samordnad rehabilitering efter lång sjukskrivning.', 'Långtidssjukskrivna', ['Sala', 'Västerås'], [30, 64], ['sickness_benefit'], false, '2020-01-01');
  await entry(id('Hemligt pilotprojekt'), false, 'Inte klart för publicering.', 'Ungdomar', ['Västerås'], [16, 29], [], true, '2099-12-31');
  // Last year: 12 in the youth team (7 women, 5 men; 4 ended: 3 work, 1 studies), 3 in Vägen tillbaka (small: hidden).
  const add = (interventionId: number, k: number, gender: string, start: string, end: string | null, outcome: string | null) =>
    db.query(
      `insert into participation (federation_id, intervention_id, code, gender, age_band, support_before, support_duration, education, start_date, end_date, exit_outcome)
       values ($1, $2, $3, $4, '20-24', 'income_support', 'lt1', 'compulsory', $5, $6, $7)`,
      [fid, interventionId, `K-${interventionId}-${k}`, gender, start, end, outcome],
    );
  for (let k = 0; k < 12; k++) {
    const ended = k < 4;
    await add(id('Unga vuxna Västerås'), k, k < 7 ? 'woman' : 'man', `${lastYear}-02-01`, ended ? `${lastYear}-11-30` : null, ended ? (k < 3 ? 'work' : 'studies') : null);
  }
  for (let k = 0; k < 3; k++) await add(id('Vägen tillbaka'), k, 'woman', `${lastYear}-03-01`, null, null);
  return { fid, youth: id('Unga vuxna Västerås'), back: id('Vägen tillbaka'), hidden: id('Hemligt pilotprojekt') };
}

