import { readFileSync } from 'node:fs';
import type { Database } from '../../src/db/database.ts';
import { parseReference } from '../../src/importers/reference/parseReference.ts';
import { writeReference } from '../../src/importers/reference/importReference.ts';
import { seedInterventionDemo } from '../../src/services/interventions/demo/loadInterventionDemo.ts';
import { addTestUser } from './auth.ts';

/** One user per role, in a förbund holding the reference economy and the interventions demo. */
export interface RoleWorld {
  readonly federationId: number;
  readonly federationName: string;
  /** The insats user's one intervention (individual), and a structural one it does not work in. */
  readonly ownInterventionId: number;
  readonly ownInterventionName: string;
  readonly otherInterventionId: number;
  readonly users: Record<'kansli' | 'styrelse' | 'insats' | 'revisor' | 'national' | 'admin', string>;
}

export async function seedRoleWorld(db: Database): Promise<RoleWorld> {
  const reference = parseReference(readFileSync('test/fixtures/vastmanland.import.json', 'utf8'), 'vastmanland.import.json');
  const federationId = await db.transaction(async (tx) => {
    const { federationId } = await writeReference(tx, reference);
    await seedInterventionDemo(tx, federationId);
    return federationId;
  }, { id: 'test' });
  const interventions = await db.query<{ id: number; name: string; kind: string }>(
    `select i.id, i.name, i.kind from intervention i
     where i.federation_id = $1 order by (select count(*) from participation p where p.federation_id = i.federation_id and p.intervention_id = i.id) desc, i.id`,
    [federationId],
  );
  const own = interventions.find((i) => i.kind === 'individual')!;
  const other = interventions.find((i) => i.id !== own.id)!;
  const users = {
    kansli: 'kansli@roller.se',
    styrelse: 'styrelse@roller.se',
    insats: 'insats@roller.se',
    revisor: 'revisor@roller.se',
    national: 'nationell@roller.se',
    admin: 'admin@roller.se',
  } as const;
  await addTestUser(db, { email: users.kansli, federationId, role: 'kansli' });
  await addTestUser(db, { email: users.styrelse, federationId, role: 'styrelse' });
  await addTestUser(db, { email: users.insats, federationId, role: 'insats', interventionIds: [own.id] });
  await addTestUser(db, { email: users.revisor, federationId, role: 'revisor' });
  await addTestUser(db, { email: users.national, national: true });
  await addTestUser(db, { email: users.admin, admin: true });
  const [f] = await db.query<{ name: string }>('select name from federation where id = $1', [federationId]);
  return { federationId, federationName: f!.name, ownInterventionId: own.id, ownInterventionName: own.name, otherInterventionId: other.id, users };
}

/** The links of the page's main menu (the <nav aria-label="Huvudmeny">), in order. */
export function menuLinks(html: string): { href: string; label: string }[] {
  const nav = /<nav aria-label="Huvudmeny"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  if (!nav) return [];
  return [...nav[1]!.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), label: m[2]!.trim() }));
}

/** The main menu's areas (their names, in order) with the labels of their links; the ungrouped links under ''. */
export function menuAreas(html: string): { area: string; labels: string[] }[] {
  const nav = /<nav aria-label="Huvudmeny"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  if (!nav) return [];
  const labels = (list: string) => [...list.matchAll(/<a href="[^"]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
  const areas = [...nav[1]!.matchAll(/<p class="menu-area-label"[^>]*>([^<]*)<\/p>\s*<ul[^>]*>([\s\S]*?)<\/ul>/g)].map((m) => ({ area: m[1]!.trim(), labels: labels(m[2]!) }));
  const rest = /<ul class="menu-rest">([\s\S]*?)<\/ul>/.exec(nav[1]!);
  return rest ? [...areas, { area: '', labels: labels(rest[1]!) }] : areas;
}
