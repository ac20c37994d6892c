/**
 * Demo data: a list of steps run in ONE transaction when the database has no förbund (first `npm start`)
 * or explicitly (`npx samordna demo`). Each area appends its step to the list in src/cli/demo.ts; a step
 * may use what earlier steps created through the shared context (e.g. the förbund's id).
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface DemoContext {
  /** The demo förbund, set by the economy step (the first). */
  federationId: number | null;
}

export interface DemoStep {
  /** Swedish, shown when loading: "Ekonomi 2024–2025". */
  readonly name: string;
  run(tx: Queryable, ctx: DemoContext): Promise<void>;
}

export const demoActor: Actor = { id: 'demo-loader' };

/** Runs every step in one transaction. Returns the names of the steps run. */
export async function loadDemo(db: Database, steps: readonly DemoStep[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ctx: DemoContext = { federationId: null };
    for (const step of steps) await step.run(tx, ctx);
    return steps.map((s) => s.name);
  }, demoActor);
}

/** Loads the demo only when the database holds no förbund. Returns whether it did. */
export async function loadDemoIfEmpty(db: Database, steps: readonly DemoStep[]): Promise<boolean> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from federation');
  if (r && r.n > 0) return false;
  await loadDemo(db, steps);
  return true;
}
